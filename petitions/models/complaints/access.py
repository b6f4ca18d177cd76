"""Who may handle which complaint: guardian's direct foreign-key permission tables (not the generic
ones). `petitions.permissions.complaints` grants and reads them."""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from petitions.models.complaints.complaint import Complaint


class ComplaintUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Complaint, on_delete=models.CASCADE)


class ComplaintGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Complaint, on_delete=models.CASCADE)

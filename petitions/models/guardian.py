"""Object permissions on complaints in guardian's direct foreign-key tables (not the generic ones)."""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from petitions.models.complaints import Complaint


class ComplaintUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Complaint, on_delete=models.CASCADE)


class ComplaintGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Complaint, on_delete=models.CASCADE)

"""Reading a complainant's identity: only with the permission, and always logged."""

from django.utils.translation import gettext as _

from petitions.models import ComplainantIdentity, Complaint, IdentityAccess
from petitions.permissions import identity as identity_permissions
from portal.errors import DomainError
from portal.models import User


def identity_read(*, actor: User, complaint: Complaint, purpose: str) -> ComplainantIdentity:
    """Return the complainant's identity to a holder of the permission, logging the reading."""
    if not identity_permissions.can_view_identity(actor):
        raise DomainError(_("您无权查看投诉人身份。"))
    if not purpose.strip():
        raise DomainError(_("请说明查看用途。"))
    identity = ComplainantIdentity.objects.get(complaint=complaint)
    IdentityAccess.objects.create(complaint=complaint, user=actor, purpose=purpose.strip()[:200])
    return identity

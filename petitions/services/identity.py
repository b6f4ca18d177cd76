"""Reading a complainant's identity (only with the permission, from outside the units concerned),
logging every read of a protected complaint, and the audited grant of the identity permission."""

from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils.translation import gettext as _

from petitions.models import (
    ComplainantIdentity,
    Complaint,
    IdentityAccess,
    IdentityPermissionChange,
    ProtectedAccess,
)
from petitions.permissions import identity as identity_permissions
from petitions.permissions.complaints import is_active_staff
from portal.errors import DomainError
from portal.models import User


def protected_access_record(
    *, user: User | None, complaints: Iterable[Complaint], what: str, address: str = ""
) -> int:
    """Write one access row per protected complaint read; return how many were written."""
    user = user if user is not None and user.is_authenticated else None
    rows = [
        ProtectedAccess(complaint=complaint, user=user, what=what, address=address[:45])
        for complaint in complaints
        if complaint.is_protected
    ]
    ProtectedAccess.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def identity_read(
    *, actor: User, complaint: Complaint, purpose: str, address: str = ""
) -> ComplainantIdentity:
    """Return the complainant's identity to a holder of the permission, logging the reading."""
    if not identity_permissions.can_view_identity(actor):
        raise DomainError(_("您无权查看投诉人身份。"))
    if not identity_permissions.can_view_identity_of(actor, complaint):
        raise DomainError(
            _("您所在单位承办或被举报，或是其上级单位，依法不得查看本诉求的投诉人身份。")
        )
    if not purpose.strip():
        raise DomainError(_("请说明查看用途。"))
    identity = ComplainantIdentity.objects.get(complaint=complaint)
    IdentityAccess.objects.create(complaint=complaint, user=actor, purpose=purpose.strip()[:200])
    protected_access_record(
        user=actor, complaints=[complaint], what=ProtectedAccess.What.IDENTITY, address=address
    )
    return identity


def _identity_permission() -> Permission:
    app_label, codename = identity_permissions.IDENTITY_PERMISSION.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _check_manager(actor: User, user: User) -> None:
    if not identity_permissions.can_manage_identity_permission(actor):
        raise DomainError(_("只有管理员可以授予或撤销查看投诉人身份的权限。"))
    if not is_active_staff(user):
        raise DomainError(_("只能对在职工作人员授予或撤销该权限。"))


@transaction.atomic
def identity_permission_grant(*, actor: User, user: User) -> IdentityPermissionChange:
    """Give one member of staff the identity permission; the grant is audited."""
    _check_manager(actor, user)
    permission = _identity_permission()
    if user.user_permissions.filter(pk=permission.pk).exists():
        raise DomainError(_("该工作人员已被授予此权限。"))
    user.user_permissions.add(permission)
    return IdentityPermissionChange.objects.create(
        user=user, actor=actor, action=IdentityPermissionChange.Action.GRANTED
    )


@transaction.atomic
def identity_permission_revoke(*, actor: User, user: User) -> IdentityPermissionChange:
    """Take the identity permission back from one member of staff; the revocation is audited."""
    _check_manager(actor, user)
    permission = _identity_permission()
    if not user.user_permissions.filter(pk=permission.pk).exists():
        raise DomainError(
            _("该工作人员没有单独授予的此权限（随角色获得的权限请在角色设置中调整）。")
        )
    user.user_permissions.remove(permission)
    return IdentityPermissionChange.objects.create(
        user=user, actor=actor, action=IdentityPermissionChange.Action.REVOKED
    )

"""Reads of the identity area: the access log of protected complaints, the identity permission."""

from django.db.models import Q, QuerySet

from petitions.models import IdentityPermissionChange, ProtectedAccess
from petitions.permissions.identity import IDENTITY_PERMISSION
from portal.models import User


def protected_accesses(*, number: str = "") -> QuerySet[ProtectedAccess]:
    """The access rows, newest first, optionally of one complaint (by its number)."""
    qs = ProtectedAccess.objects.select_related("user", "user__department", "complaint")
    if number:
        qs = qs.filter(complaint__number__iexact=number.strip()[:20])
    return qs.order_by("-accessed_at", "-id")


def identity_permission_holders() -> QuerySet[User]:
    """Active staff holding the identity permission directly or through a role."""
    app_label, codename = IDENTITY_PERMISSION.split(".")
    direct = Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    by_role = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    return (
        User.objects.staff()
        .filter(direct | by_role)
        .select_related("department")
        .distinct()
        .order_by("department__name", "username")
    )


def directly_granted_ids() -> set[int]:
    """The ids of staff holding the identity permission by an individual (audited) grant."""
    app_label, codename = IDENTITY_PERMISSION.split(".")
    return set(
        User.objects.filter(
            user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label,
        ).values_list("pk", flat=True)
    )


def identity_permission_changes() -> QuerySet[IdentityPermissionChange]:
    return IdentityPermissionChange.objects.select_related("user", "actor").order_by(
        "-created_at", "-id"
    )

"""Who may read a complainant's identity, grant that permission, and list the access log.

Reading needs the permission AND not belonging to the handling unit, a unit reported on, or any
unit above them; each reading is logged. Granting the permission is itself audited.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q

from petitions.models import Complaint
from petitions.permissions.complaints import is_active_staff, reported_unit_ids, unit_chain_ids
from portal.roles import Role

IDENTITY_PERMISSION = "petitions.view_complainant_identity"


def can_view_identity(user) -> bool:
    """Holds the permission (the identity page and its link); see `can_view_identity_of`."""
    return is_active_staff(user) and holds_identity_permission(user)


def holds_identity_permission(user) -> bool:
    """Granted to the account or to one of its groups (roles).

    Not `has_perm`: a superuser holds every permission by default, which would let an account
    read identities without the audited grant that `identity_permission_grant` records.
    """
    app_label, codename = IDENTITY_PERMISSION.split(".")
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )


def conflicted_unit_ids(complaint: Complaint) -> set[int]:
    """Return the units whose staff never read this complainant's identity."""
    units = unit_chain_ids(complaint.department) | reported_unit_ids(complaint)
    # A duplicate merged into a report is handled with it: its complainant is as much a
    # whistleblower to the units handling or reported on by the original (and those above them).
    # Merges are one level deep (an original is never itself merged), so this recursion ends.
    if complaint.merged_into_id:
        units |= conflicted_unit_ids(complaint.merged_into)
    return units


def can_view_identity_of(user, complaint: Complaint) -> bool:
    """Holds the permission and belongs to none of the handling or reported units nor above them."""
    return can_view_identity(user) and user.department_id not in conflicted_unit_ids(complaint)


def can_manage_identity_permission(user) -> bool:
    """Grant and revoke the identity permission: administrators."""
    return is_active_staff(user) and (user.is_superuser or user.has_role(Role.ADMIN))


def can_list_protected_access(user) -> bool:
    """List who read which protected complaint: discipline inspectors."""
    return is_active_staff(user) and (user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR))

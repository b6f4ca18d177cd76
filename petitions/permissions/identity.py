"""Who may read a complainant's identity, grant that permission, and list the access log.

Reading needs the permission AND not belonging to the handling unit, a unit reported on, or any
unit above them; each reading is logged. Granting the permission is itself audited.
"""

from petitions.models import Complaint
from petitions.permissions.complaints import is_active_staff, reported_unit_ids, unit_chain_ids
from portal.roles import Role

IDENTITY_PERMISSION = "petitions.view_complainant_identity"


def can_view_identity(user) -> bool:
    """Holds the permission (the identity page and its link); see `can_view_identity_of`."""
    return is_active_staff(user) and user.has_perm(IDENTITY_PERMISSION)


def conflicted_unit_ids(complaint: Complaint) -> set[int]:
    """Return the units whose staff never read this complainant's identity."""
    return unit_chain_ids(complaint.department) | reported_unit_ids(complaint)


def can_view_identity_of(user, complaint: Complaint) -> bool:
    """Holds the permission and belongs to none of the handling or reported units nor above them."""
    return can_view_identity(user) and user.department_id not in conflicted_unit_ids(complaint)


def can_manage_identity_permission(user) -> bool:
    """Grant and revoke the identity permission: administrators."""
    return is_active_staff(user) and (user.is_superuser or user.has_role(Role.ADMIN))


def can_list_protected_access(user) -> bool:
    """List who read which protected complaint: discipline inspectors."""
    return is_active_staff(user) and (user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR))

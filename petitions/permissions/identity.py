"""Who may read a complainant's identity: holders of the permission, on its own page, each reading logged."""

from petitions.permissions.complaints import is_active_staff

IDENTITY_PERMISSION = "petitions.view_complainant_identity"


def can_view_identity(user) -> bool:
    return is_active_staff(user) and user.has_perm(IDENTITY_PERMISSION)

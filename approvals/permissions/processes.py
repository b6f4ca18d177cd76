"""Who maintains the process definitions."""

from approvals.permissions.cases import is_staff
from portal.roles import Role


def can_define_processes(user) -> bool:
    """Process definitions are maintained by admins (管理员)."""
    return is_staff(user) and (user.is_superuser or user.has_role(Role.ADMIN))

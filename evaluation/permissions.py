"""Who may do what in the efficiency rating."""

from portal.roles import Role


def can_manage_roster(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def can_moderate_reasons(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def can_view_warnings(user) -> bool:
    return user.is_authenticated and (
        user.has_role(Role.DISCIPLINE_INSPECTOR) or user.has_role(Role.ADMIN)
    )


def can_view_statistics(user) -> bool:
    return user.is_authenticated and (
        user.has_role(Role.DISCIPLINE_INSPECTOR)
        or user.has_role(Role.ADMIN)
        or user.has_role(Role.LEADER)
    )

"""Who sees what in supervision: one policy for pages and querysets alike.

Discipline inspectors and leaders see every department; a department head sees their own; a
citizen sees only the light of their own subject, which the pillar page shows, never these pages.
"""

from django.db.models import Model, QuerySet

from portal.models import User
from portal.roles import Role
from supervision.models import Alert, Clock, Notice


def sees_everything(user: User) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR) or user.has_role(Role.LEADER)
    )


def can_view_dashboard(user: User) -> bool:
    return sees_everything(user) or (
        user.is_authenticated
        and user.has_role(Role.DEPARTMENT_HEAD)
        and user.department_id is not None
    )


def _scoped(queryset: QuerySet, user: User) -> QuerySet:
    if sees_everything(user):
        return queryset
    if can_view_dashboard(user):
        return queryset.filter(department_id=user.department_id)
    return queryset.none()


def scope(user: User) -> str:
    """Which rows `_scoped` lets `user` see, as a short key (figures cached per scope)."""
    if sees_everything(user):
        return "all"
    if can_view_dashboard(user):
        return f"department:{user.department_id}"
    return "none"


def clocks_visible_to(user: User) -> QuerySet[Clock]:
    return _scoped(Clock.objects.all(), user)


def notices_visible_to(user: User) -> QuerySet[Notice]:
    return _scoped(Notice.objects.all(), user)


def alerts_visible_to(user: User) -> QuerySet[Alert]:
    return _scoped(Alert.objects.all(), user)


def summaries_visible_to(user: User, model: type[Model]) -> QuerySet:
    """The rows of a summary table (per department) that `user` may see, like its base rows."""
    return _scoped(model.objects.all(), user)


def can_handle_alert(user: User) -> bool:
    """Acknowledging and closing alerts is the discipline office's work (纪委/效能办)."""
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR))


def can_answer_notice(user: User, notice: Notice) -> bool:
    return (
        user.is_authenticated
        and user.has_role(Role.DEPARTMENT_HEAD)
        and user.department_id == notice.department_id
        and notice.level != Notice.Level.SECOND_GRADE
    )

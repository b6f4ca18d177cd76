"""The permission policy for monitors (发展环境网络监测员).

- Admins and the discipline commission (纪委/效能办) appoint monitors, end terms and read the
  list of monitors with their monthly reporting.
- Leaders read the list and the yearly summary too.
- A monitor serving today posts reports and reads their own; the report itself is a complaint,
  followed on the complaint's own page (`petitions.permissions.complaints.can_follow`).
"""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from petitions.models import Monitor
from petitions.permissions.complaints import is_active_staff, is_leader
from portal.roles import Role


def can_manage_monitors(user) -> bool:
    """Appoint and end terms: admins and the discipline commission."""
    return is_active_staff(user) and (
        user.is_superuser or user.has_role(Role.ADMIN) or user.has_role(Role.DISCIPLINE_INSPECTOR)
    )


def can_view_monitors(user) -> bool:
    """The commission's list and the yearly summary: the managers and the leaders."""
    return can_manage_monitors(user) or is_leader(user)


def monitors_visible_to(user) -> QuerySet[Monitor]:
    """Every appointment for those who may view them; a citizen's own appointments; else none."""
    monitors = Monitor.objects.all()
    if can_view_monitors(user):
        return monitors
    if user and user.is_authenticated and user.is_active and user.is_citizen:
        return monitors.filter(user=user)
    return monitors.none()


def serving_monitor(user, *, today: datetime.date | None = None) -> Monitor | None:
    """The user's appointment that lets them post a report today, if any."""
    if not (user and user.is_authenticated and user.is_active and user.is_citizen):
        return None
    today = today or timezone.localdate()
    return Monitor.objects.filter(
        user=user,
        status=Monitor.Status.ACTIVE,
        term_start__lte=today,
        term_end__gte=today,
    ).first()

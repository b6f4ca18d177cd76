"""The calendar and the deadlines over it: the provisional-year alert, and recomputing every open
deadline once the State Council's arrangement of a year is loaded (工作日历).

Portal cannot import supervision, so portal signals (`portal.holidays`) and supervision listens
(see `SupervisionConfig.ready`). Supervision cannot import pillars, so a pillar that stores its
own deadlines, or tells its applicants when a clock's deadline moves, registers a
`CalendarHook` here from its own `AppConfig.ready`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import User
from supervision.models import Alert, AlertEvent, Clock
from supervision.services import schedule, summaries
from supervision.services.alerts import alert_raise

CALENDAR_ALERT_URL = "/admin/portal/calendaryear/"
PROVISIONAL_MESSAGE = "supervision.calendar_provisional"
# A page that computes deadlines does so on every view: the open alert is looked up once in
# this many seconds per year, not on every view (the nightly check raises it again anyway).
PROVISIONAL_RECHECK_SECONDS = 600


@dataclass(frozen=True)
class MovedDeadline:
    """An open clock whose due time the official calendar moved."""

    clock: Clock
    previous_due_at: datetime.datetime


# Called with `years`, `moved` (list[MovedDeadline]) and `at`, inside the recomputation's
# transaction: a pillar recomputes what it stores and tells its applicants; returns how many
# people it told.
CalendarHook = Callable[..., int]

_hooks: list[CalendarHook] = []


def register_calendar_hook(hook: CalendarHook) -> None:
    """Let a pillar act when official years are loaded (idempotent per hook)."""
    if hook not in _hooks:
        _hooks.append(hook)


def unregister_calendar_hook(hook: CalendarHook) -> None:
    if hook in _hooks:
        _hooks.remove(hook)


@dataclass(frozen=True)
class Recomputation:
    clocks: int
    moved: int
    notified: int
    alerts_closed: int


def _dedup_key(year: int) -> str:
    # The same key as the nightly check (`alerts.calendar_check`): one alert per year.
    return f"calendar-missing:{year}"


def calendar_provisional_alert(*, years: list[int]) -> list[Alert]:
    """Tell the admin at once that deadlines are being computed over an unannounced year."""
    years = [
        year
        for year in years
        if cache.add(f"calendar-provisional:{year}", 1, timeout=PROVISIONAL_RECHECK_SECONDS)
    ]
    return [
        alert_raise(
            kind=Alert.Kind.CALENDAR_MISSING,
            severity=Alert.Severity.SERIOUS,
            department=None,
            subject_ref=str(year),
            subject_url=CALENDAR_ALERT_URL,
            message_code=PROVISIONAL_MESSAGE,
            message_params={"year": year},
            dedup_key=_dedup_key(year),
        )
        for year in years
    ]


def spans_years(years: list[int], *, start: str, end: str) -> Q:
    """Filter the rows whose interval from field `start` to field `end` touches `years`."""
    first = timezone.make_aware(datetime.datetime(min(years), 1, 1))
    last = timezone.make_aware(datetime.datetime(max(years) + 1, 1, 1))
    return Q(**{f"{start}__lt": last, f"{end}__gte": first})


def _light_order(light: str) -> int:
    return [Clock.Light.GREEN, Clock.Light.YELLOW, Clock.Light.RED].index(light)


def _recompute_clock(clock: Clock, now: datetime.datetime) -> bool:
    planned = schedule.compute(
        unit=clock.unit,
        kind=clock.kind,
        total=clock.total,
        used=clock.used,
        segment_start=clock.segment_started_at,
    )
    moved = planned.due_at != clock.due_at
    clock.warn_at, clock.due_at = planned.warn_at, planned.due_at
    clock.escalate_at, clock.provisional = planned.escalate_at, planned.provisional
    before = summaries.position(clock)
    light = schedule.light_at(clock.warn_at, clock.due_at, now)
    # Only backwards: a light moving forward is the sweep's, which issues its notices.
    if _light_order(light) < _light_order(clock.light):
        clock.light = light
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    return moved


def _close_alerts(years: list[int], actor: User | None, now: datetime.datetime) -> int:
    alerts = Alert.objects.select_for_update().filter(
        dedup_key__in=[_dedup_key(year) for year in years]
    )
    note = _("已载入国务院公布的节假日安排，相关期限已重新计算。")
    closed = 0
    for alert in alerts.exclude(status=Alert.Status.CLOSED):
        if alert.acknowledged_at is None:
            alert.acknowledged_by, alert.acknowledged_at = actor, now
        alert.status, alert.action, alert.action_note = (
            Alert.Status.CLOSED,
            Alert.Action.OTHER,
            note,
        )
        alert.closed_by, alert.closed_at = actor, now
        alert.save()
        AlertEvent.record(
            alert, AlertEvent.Code.CLOSED, actor=actor, at=now, note=note, action="other"
        )
        closed += 1
    return closed


@transaction.atomic
def calendar_recompute(
    *, years: list[int], actor: User | None, at: datetime.datetime | None = None
) -> Recomputation:
    """Recompute every open deadline over newly loaded official years (重新计算期限).

    Running clocks get their warning, due and escalation times anew; each registered pillar hook
    recomputes the deadlines it stores and tells the applicants whose deadline moved; the
    calendar alerts of those years close.
    """
    now = at or timezone.now()
    if not years:
        return Recomputation(clocks=0, moved=0, notified=0, alerts_closed=0)
    clocks = list(
        Clock.objects.select_for_update()
        # Every running clock whose schedule, from its segment to its escalation, touches them;
        # a paused clock has no due time until it resumes, which computes it on the new calendar.
        .filter(
            spans_years(years, start="segment_started_at", end="escalate_at"),
            state=Clock.State.RUNNING,
        )
        .order_by("id")
    )
    moved = []
    for clock in clocks:
        previous = clock.due_at
        if _recompute_clock(clock, now):
            moved.append(MovedDeadline(clock=clock, previous_due_at=previous))
    notified = sum(hook(years=years, moved=moved, at=now) for hook in _hooks)
    return Recomputation(
        clocks=len(clocks),
        moved=len(moved),
        notified=notified,
        alerts_closed=_close_alerts(years, actor, now),
    )

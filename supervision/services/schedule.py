"""When a clock turns yellow, red and second grade: computed from its unit, limit and pauses.

Day units count whole days from the day after the event (statutory counting); hours and minutes
count continuously. The yellow rule is "90 % of the limit elapsed or one day left, whichever comes
first", configurable per clock kind in SUPERVISION_YELLOW_RULES. "Days left" applies only to a
day limit longer than it, and a day clock turns yellow when its first yellow day begins (00:00
local), so no clock is yellow at its start: a 1-WD task assigned Monday is green all Monday and
yellow from 00:00 of its one working day.
"""

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from portal import workdays

DAY_UNITS = {"workdays", "days"}


@dataclass(frozen=True)
class Schedule:
    warn_at: datetime.datetime
    due_at: datetime.datetime
    escalate_at: datetime.datetime
    provisional: bool


def yellow_rule(kind: str) -> dict:
    rules = settings.SUPERVISION_YELLOW_RULES
    return {**rules["default"], **rules.get(kind, {})}


def advance(unit: str, start: datetime.datetime, amount: float) -> datetime.datetime:
    """Return the moment `amount` units after `start`."""
    if unit == "workdays":
        return workdays.add_working_days(start, max(0, math.ceil(amount)))
    if unit == "days":
        day = timezone.localtime(start).date() + datetime.timedelta(days=max(0, math.ceil(amount)))
        return workdays.end_of_day(day)
    if unit == "hours":
        return start + datetime.timedelta(hours=amount)
    return start + datetime.timedelta(minutes=amount)


def elapsed(unit: str, start: datetime.datetime, end: datetime.datetime) -> float:
    """Return how many units passed from `start` to `end` (whole days for day units)."""
    if unit == "workdays":
        return max(0, workdays.working_days_between(start, end))
    if unit == "days":
        return max(0, (timezone.localtime(end).date() - timezone.localtime(start).date()).days)
    seconds = max(0.0, (end - start).total_seconds())
    return seconds / 3600 if unit == "hours" else seconds / 60


def warn_point(unit: str, total: int, kind: str) -> float:
    """Return how many units may elapse before the light turns yellow."""
    rule = yellow_rule(kind)
    by_share = total * rule["elapsed_share"]
    if unit in DAY_UNITS:
        # A day is yellow as a whole: the day during which the share is crossed is yellow.
        by_share = math.floor(by_share)
        if total > rule["remaining_days"]:
            return max(0, min(by_share, total - rule["remaining_days"]))
        return max(0, by_share)
    return by_share


def start_of_next_day(unit: str, moment: datetime.datetime) -> datetime.datetime:
    """Return 00:00 local of the first counted day (working day for workdays) after `moment`."""
    if unit == "workdays":
        day = timezone.localtime(workdays.add_working_days(moment, 1)).date()
    else:
        day = timezone.localtime(moment).date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def warn_moment(
    unit: str, segment_start: datetime.datetime, point: float, used: float
) -> datetime.datetime:
    """Return when the light turns yellow, `point` units into the limit of which `used` are gone."""
    if point < used or (unit not in DAY_UNITS and point == used):
        return segment_start
    if unit in DAY_UNITS:
        # Green through the last green day, yellow from the first moment of the next counted day.
        return start_of_next_day(unit, advance(unit, segment_start, point - used))
    return advance(unit, segment_start, point - used)


def compute(
    *, unit: str, kind: str, total: int, used: float, segment_start: datetime.datetime
) -> Schedule:
    due_at = advance(unit, segment_start, total - used)
    point = warn_point(unit, total, kind)
    warn_at = min(warn_moment(unit, segment_start, point, used), due_at)
    escalate_at = workdays.add_working_days(due_at, settings.SUPERVISION_SECOND_GRADE_WORKDAYS)
    provisional = workdays.is_provisional(
        timezone.localtime(segment_start).date(), timezone.localtime(escalate_at).date()
    )
    return Schedule(
        warn_at=warn_at, due_at=due_at, escalate_at=escalate_at, provisional=provisional
    )


def light_at(warn_at: datetime.datetime, due_at: datetime.datetime, now: datetime.datetime) -> str:
    if now > due_at:
        return "red"
    if now > warn_at:
        return "yellow"
    return "green"

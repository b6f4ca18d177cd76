"""When a clock turns yellow, red and second grade: computed from its unit, limit and pauses.

Day units count whole days from the day after the event (statutory counting); hours and minutes
count continuously. The yellow rule is "90 % of the limit elapsed or one unit (day) left,
whichever comes first", configurable per clock kind in SUPERVISION_YELLOW_RULES.
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
        by_remaining = total - rule["remaining_days"]
        return max(0, min(by_share, by_remaining))
    return by_share


def compute(
    *, unit: str, kind: str, total: int, used: float, segment_start: datetime.datetime
) -> Schedule:
    due_at = advance(unit, segment_start, total - used)
    point = warn_point(unit, total, kind)
    warn_at = advance(unit, segment_start, point - used) if point > used else segment_start
    warn_at = min(warn_at, due_at)
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

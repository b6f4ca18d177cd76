"""The moment a management command acts as of (`--now`, `--today`), checked against the real clock.

Commands that move state by time (`sweep_clocks` turns deadline lights and sends notices,
`check_disclosure_columns` raises alerts) accept a moment so that a missed run can be replayed.
A moment in the future would turn lights red and notify people of deadlines not yet missed,
and a typo in the year is enough: one more than `FUTURE_TOLERANCE` ahead of the real clock is
refused unless `--force` is given. A day covers running tomorrow morning's sweep tonight and a
time zone mistaken for another; the past is always allowed.
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

FUTURE_TOLERANCE = datetime.timedelta(days=1)


def add_force_argument(parser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help=f"Accept a moment more than {FUTURE_TOLERANCE.days} day ahead of the real clock.",
    )


def parse_moment(value: str, *, force: bool, option: str = "--now") -> datetime.datetime:
    """Return the ISO 8601 `value` as an aware date-time (local time if it has no offset)."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{option} must be an ISO 8601 date-time: {error}") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    refuse_far_future(moment - timezone.now(), value=value, force=force, option=option)
    return moment


def parse_day(value: str, *, force: bool, option: str = "--today") -> datetime.date:
    """Return the `value` YYYY-MM-DD as a date."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{option} must be a date YYYY-MM-DD: {error}") from None
    refuse_far_future(
        datetime.timedelta(days=(day - timezone.localdate()).days),
        value=value,
        force=force,
        option=option,
    )
    return day


def refuse_far_future(ahead: datetime.timedelta, *, value: str, force: bool, option: str) -> None:
    if ahead > FUTURE_TOLERANCE and not force:
        raise CommandError(
            f"{option} {value} is {ahead.days} days ahead of the real clock: acting as of then "
            f"would raise alerts and send notices that are not due. Check the date, or pass "
            f"--force if this is deliberate (a rehearsal on a copy of the data)."
        )

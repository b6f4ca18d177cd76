"""Values read from a query string: periods (?month=2026-03, ?year=2026, ?day=2026-03-05),
ids (?department=12), choices (?status=open) and search text (?q=...); and the years a date
typed into a form may fall in.

Such values are hand-edited as often as clicked: a missing, malformed or far-off value means
"no choice" (None, or the default), for the caller to replace with its own, never an error page.
Control characters and overlong values never get this far (`portal.input_guard` answers 400).
"""

import datetime
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Wide enough for any record a county portal keeps, narrow enough that every date operation on
# the bounds (a year's last day, a month's next one) stays inside what `datetime` can hold.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
# The largest primary key a BigAutoField holds.
LARGEST_ID = 2**63 - 1


def year_param(value: str | None) -> int | None:
    """The year asked for, or None."""
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if EARLIEST_YEAR <= year <= LATEST_YEAR else None


def month_param(value: str | None) -> datetime.date | None:
    """The first day of the month asked for as YYYY-MM, or None."""
    try:
        month = datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None
    return month if EARLIEST_YEAR <= month.year <= LATEST_YEAR else None


def validate_record_date(value: datetime.date) -> None:
    """Refuse a date (or a date and time) outside the years any record of ours falls in.

    Date arithmetic near year 1 or 9999 (a period's start, a month's end, a conversion to UTC)
    leaves what `datetime` holds and would end the request in a 500.
    """
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("请填写%(earliest)s年至%(latest)s年之间的日期。"),
            code="date_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


def day_param(value: str | None) -> datetime.date | None:
    """The day asked for as YYYY-MM-DD, or None."""
    try:
        day = datetime.datetime.strptime(value or "", "%Y-%m-%d").date()
    except ValueError:
        return None
    return day if EARLIEST_YEAR <= day.year <= LATEST_YEAR else None


def id_param(value: str | None) -> int | None:
    """The id asked for (a positive whole number in ASCII digits), or None."""
    value = (value or "").strip()
    # str.isdigit() also takes "²" and "١", which int() refuses or reads as another number.
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= LARGEST_ID else None


def choice_param(value: str | None, choices: Collection[str], default: str = "") -> str:
    """The value if it is one of `choices`, else `default`."""
    return value if value in choices else default


def text_param(value: str | None, *, max_length: int) -> str:
    """Search text: trimmed and cut to `max_length` characters."""
    return (value or "").strip()[:max_length]

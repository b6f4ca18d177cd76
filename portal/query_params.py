"""Periods read from a query string (?month=2026-03, ?year=2026).

Such values are hand-edited as often as clicked: a missing, malformed or far-off value means
"no choice" (None), for the caller to replace with its default, never an error page.
"""

import datetime

# Wide enough for any record a county portal keeps, narrow enough that every date operation on
# the bounds (a year's last day, a month's next one) stays inside what `datetime` can hold.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


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

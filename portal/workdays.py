"""Working-day arithmetic on the official Chinese calendar (工作日).

Statutory holidays are off, make-up working days (调休) are on, other days follow the weekend
rule. Counting starts the day after the event, on local dates (Asia/Shanghai). A year the
calendar table has not loaded counts its statutory holidays only (`portal.holidays`, the
provisional calendar); `is_provisional` tells callers so that deadlines computed over it are
flagged, `add_working_days` signals each such computation, and `missing_years` feeds the admin
alert.

The table is small and read constantly (every clock, every page with a deadline), so each
process keeps it in memory and re-reads it when the shared version key in the cache moves.
"""

import datetime
import time
from dataclasses import dataclass, field
from threading import Lock

from django.core.cache import cache
from django.utils import timezone

from portal import holidays

_VERSION_KEY = "portal.workdays.version"
# How long a process trusts its copy before asking the shared cache whether the table changed.
_RECHECK_SECONDS = 30
# A limit longer than this many calendar days is surely a mistake, not a statute.
_MAX_SPAN_DAYS = 3660


@dataclass
class _Year:
    loaded: bool
    # Official exceptions to the weekend rule: date → is it a working day.
    exceptions: dict[datetime.date, bool] = field(default_factory=dict)


class _CalendarCache:
    def __init__(self):
        self._years: dict[int, _Year] = {}
        self._version = None
        self._checked_at = 0.0
        self._lock = Lock()

    def year(self, year: int) -> _Year:
        self._recheck()
        cached = self._years.get(year)
        if cached is None:
            cached = self._load(year)
            with self._lock:
                self._years[year] = cached
        return cached

    def clear(self) -> None:
        with self._lock:
            self._years = {}
            self._checked_at = 0.0

    def _recheck(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < _RECHECK_SECONDS:
            return
        version = cache.get(_VERSION_KEY)
        with self._lock:
            if version != self._version:
                self._years = {}
                self._version = version
            self._checked_at = now

    @staticmethod
    def _load(year: int) -> _Year:
        from portal.models import CalendarDay, CalendarYear

        rows = CalendarDay.objects.filter(date__year=year).values_list("date", "is_workday")
        loaded = CalendarYear.objects.filter(year=year).exists()
        # Never weekends only: an unannounced year keeps its statutory holidays, and any day
        # an admin already entered wins over them.
        provisional = {} if loaded else dict.fromkeys(holidays.statutory_holidays(year), False)
        return _Year(loaded=loaded, exceptions={**provisional, **dict(rows)})


_calendar = _CalendarCache()


def calendar_changed() -> None:
    """Tell every process that the table changed (called when an admin edits it)."""
    _calendar.clear()
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, timeout=None)


def forget_calendar() -> None:
    """Drop this process's copy; tests call it after rolling the table back."""
    _calendar.clear()


def is_working_day(day: datetime.date) -> bool:
    official = _calendar.year(day.year).exceptions.get(day)
    if official is not None:
        return official
    return day.weekday() < 5


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def end_of_day(day: datetime.date) -> datetime.datetime:
    """Return the last instant of a local day: a deadline on that day is met until then."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def add_working_days(moment: datetime.datetime, days: int) -> datetime.datetime:
    """Return the end of the `days`-th working day after `moment`.

    Counting starts the day after `moment`; the result is 23:59:59.999999 local time of that
    working day. With `days=0` it is the end of the day of `moment` itself.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = _local_date(moment)
    counted = 0
    for _ in range(_MAX_SPAN_DAYS):
        if counted == days:
            _tell_if_provisional(_local_date(moment), day)
            return end_of_day(day)
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    raise ValueError(f"{days} working days do not fit in {_MAX_SPAN_DAYS} calendar days")


def _tell_if_provisional(first: datetime.date, last: datetime.date) -> None:
    unloaded = [
        year for year in range(first.year, last.year + 1) if not _calendar.year(year).loaded
    ]
    if unloaded:
        holidays.provisional_deadline_computed.send(sender=None, years=unloaded)


def working_days_between(start: datetime.datetime, end: datetime.datetime) -> int:
    """Count the working days d with start's date < d <= end's date (local dates).

    Negative when `end` comes before `start`, so that the result always satisfies
    `working_days_between(a, c) == working_days_between(a, b) + working_days_between(b, c)`.
    """
    first, last = _local_date(start), _local_date(end)
    if last < first:
        return -working_days_between(end, start)
    count, day = 0, first
    while day < last:
        day += datetime.timedelta(days=1)
        count += is_working_day(day)
    return count


def is_provisional(start: datetime.date, end: datetime.date) -> bool:
    """Return whether any day in [start, end] falls in a year the table has not loaded."""
    first, last = sorted((start, end))
    return any(not _calendar.year(year).loaded for year in range(first.year, last.year + 1))


def missing_years(through: datetime.date) -> list[int]:
    """Return the years from this year to `through`'s year that the table has not loaded."""
    return [
        year
        for year in range(timezone.localdate().year, through.year + 1)
        if not _calendar.year(year).loaded
    ]

"""Working days on the official calendar: known official days, the fallback, and the arithmetic."""

import datetime

import chinese_calendar
import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from portal import workdays
from portal.models import CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db

LOADED = st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2026, 10, 31))


def noon(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (datetime.date(2026, 2, 16), False),  # Spring Festival eve, a Monday
        (datetime.date(2026, 2, 23), False),  # the last day of the Spring Festival break
        (datetime.date(2026, 2, 14), True),  # Saturday make-up working day
        (datetime.date(2026, 9, 20), True),  # Sunday make-up working day before National Day
        (datetime.date(2026, 10, 1), False),  # National Day
        (datetime.date(2026, 10, 10), True),  # Saturday make-up working day after National Day
        (datetime.date(2026, 10, 12), True),  # an ordinary Monday
        (datetime.date(2026, 10, 11), False),  # an ordinary Sunday
    ],
)
def test_known_official_days(day, working):
    assert workdays.is_working_day(day) is working
    assert chinese_calendar.is_workday(day) is working


@given(LOADED)
@settings(max_examples=200, deadline=None)
def test_every_loaded_day_agrees_with_the_official_calendar(day):
    assert workdays.is_working_day(day) == chinese_calendar.is_workday(day)


def test_counting_starts_the_day_after():
    # Thursday 24 Sep 2026 + 1 working day: Friday is Mid-Autumn, the weekend is off → Monday.
    due = workdays.add_working_days(noon(datetime.date(2026, 9, 24)), 1)
    assert due.date() == datetime.date(2026, 9, 28)
    assert (due.hour, due.minute) == (23, 59)


def test_zero_working_days_ends_with_the_day_itself():
    moment = noon(datetime.date(2026, 10, 3))
    assert workdays.add_working_days(moment, 0).date() == datetime.date(2026, 10, 3)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        workdays.add_working_days(noon(datetime.date(2026, 10, 3)), -1)


@given(LOADED, st.integers(min_value=0, max_value=60))
@settings(max_examples=200, deadline=None)
def test_between_inverts_add(day, n):
    start = noon(day)
    assert workdays.working_days_between(start, workdays.add_working_days(start, n)) == n


@given(LOADED, st.integers(min_value=1, max_value=60))
@settings(max_examples=200, deadline=None)
def test_the_due_day_is_a_working_day(day, n):
    assert workdays.is_working_day(workdays.add_working_days(noon(day), n).date())


@given(LOADED, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
@settings(max_examples=200, deadline=None)
def test_adding_is_monotonic_and_composes(day, a, b):
    start = noon(day)
    first = workdays.add_working_days(start, a)
    assert workdays.add_working_days(start, a + b) >= first
    assert workdays.add_working_days(first, b) == workdays.add_working_days(start, a + b)


@given(LOADED, LOADED, LOADED)
@settings(max_examples=100, deadline=None)
def test_between_adds_up_across_any_middle_day(a, b, c):
    assert workdays.working_days_between(noon(a), noon(c)) == workdays.working_days_between(
        noon(a), noon(b)
    ) + workdays.working_days_between(noon(b), noon(c))


def test_a_year_without_data_keeps_its_statutory_holidays_and_is_provisional():
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not workdays.is_working_day(datetime.date(2027, 1, 1))  # 元旦, a Friday
    assert workdays.is_working_day(datetime.date(2027, 1, 4))
    assert not workdays.is_working_day(datetime.date(2027, 1, 2))
    assert workdays.is_provisional(datetime.date(2026, 12, 20), datetime.date(2027, 1, 10))
    assert not workdays.is_provisional(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@time_machine.travel(datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC))
def test_missing_years_names_the_years_to_load(settings):
    assert 2027 in workdays.missing_years(datetime.date(2027, 12, 31))
    assert 2026 not in workdays.missing_years(datetime.date(2027, 12, 31))


def test_an_admin_correction_takes_effect_at_once():
    day = datetime.date(2026, 11, 20)  # a Friday
    assert workdays.is_working_day(day)
    CalendarDay.objects.create(date=day, is_workday=False, name="县域特别假日")
    assert not workdays.is_working_day(day)


def test_loading_a_year_by_hand_ends_the_fallback():
    CalendarDay.objects.create(date=datetime.date(2027, 1, 1), is_workday=False, name="元旦")
    CalendarYear.objects.create(year=2027, source=CalendarDay.Source.ADMIN)
    assert not workdays.is_working_day(datetime.date(2027, 1, 1))
    assert not workdays.is_provisional(datetime.date(2027, 1, 1), datetime.date(2027, 6, 1))


def test_the_official_calendar_is_loaded_after_migrate():
    assert CalendarYear.objects.filter(year=2026, source="official").exists()
    assert CalendarDay.objects.filter(date=datetime.date(2026, 10, 1), is_workday=False).exists()


def test_adding_twenty_days_reads_the_table_once_per_year(django_assert_max_num_queries):
    # The first deadline into 2027 raises the provisional-calendar alert; later ones look it up.
    workdays.add_working_days(noon(datetime.date(2026, 12, 10)), 20)
    workdays.forget_calendar()
    with django_assert_max_num_queries(5):
        workdays.add_working_days(noon(datetime.date(2026, 12, 10)), 20)

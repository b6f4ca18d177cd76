"""The provisional calendar of a year the State Council has not announced (2027 here).

The 2027 dates are those of the Hong Kong Observatory's almanac (农历除夕 5 Feb, 正月初一 6 Feb,
清明 5 Apr, 端午 9 Jun, 中秋 15 Sep); the rule itself is checked against the official
arrangements of 2025 and 2026 that `chinese-calendar` carries.
"""

import datetime

import chinese_calendar
import pytest
from django.utils import timezone

from portal import holidays, workdays
from portal.models import CalendarYear

pytestmark = pytest.mark.django_db

D = datetime.date


def test_2027_has_every_statutory_holiday_of_the_2024_rules():
    days = holidays.statutory_holidays(2027)
    expected = [
        D(2027, 1, 1),  # 元旦
        *[D(2027, 2, day) for day in (5, 6, 7, 8)],  # 春节: 除夕 to 正月初三
        D(2027, 4, 5),  # 清明
        D(2027, 5, 1),  # 劳动节
        D(2027, 5, 2),
        D(2027, 6, 9),  # 端午
        D(2027, 9, 15),  # 中秋
        *[D(2027, 10, day) for day in (1, 2, 3)],  # 国庆
    ]
    assert set(expected) <= set(days)
    assert days[D(2027, 2, 5)] == "春节"


def test_a_holiday_on_a_weekend_is_made_up_on_the_next_working_day():
    days = holidays.statutory_holidays(2027)
    # 春节 6-7 Feb and 劳动节 1-2 May and 国庆 2-3 Oct fall on weekends (补假).
    assert {D(2027, 2, 9), D(2027, 2, 10), D(2027, 5, 3), D(2027, 5, 4)} <= set(days)
    assert {D(2027, 10, 4), D(2027, 10, 5)} <= set(days)
    assert D(2027, 2, 11) not in days


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_rule_gives_only_days_the_state_council_gave_off(year):
    assert all(chinese_calendar.is_holiday(day) for day in holidays.statutory_holidays(year))


def test_an_unannounced_year_counts_its_holidays_on_top_of_weekends():
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not workdays.is_working_day(D(2027, 2, 8))  # 正月初三, a Monday
    assert not workdays.is_working_day(D(2027, 6, 9))  # 端午, a Wednesday
    assert workdays.is_working_day(D(2027, 6, 10))
    assert workdays.is_provisional(D(2027, 6, 1), D(2027, 6, 30))


def test_ten_working_days_from_28_december_2026_skip_new_year():
    due = workdays.add_working_days(timezone.make_aware(datetime.datetime(2026, 12, 28, 10)), 10)
    assert timezone.localtime(due).date() == D(2027, 1, 12)


def test_a_provisional_deadline_names_the_state_councils_arrangement():
    moment = timezone.make_aware(datetime.datetime(2027, 1, 12, 23, 59))
    assert holidays.deadline_text(moment, provisional=False) == "2027-01-12"
    assert "以国务院公布的节假日安排为准" in holidays.deadline_text(moment, provisional=True)

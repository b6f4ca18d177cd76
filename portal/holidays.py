"""The provisional calendar of a year the State Council has not announced (暂定工作日历).

Until the year's arrangement (holidays and make-up working days, 调休) is loaded, working days
follow the statutory holidays of 全国年节及纪念日放假办法 (2024 revision, in force 2025): 元旦,
春节 (农历除夕 to 正月初三), 清明 (the solar term), 劳动节 (1–2 May), 端午 (农历五月初五),
中秋 (农历八月十五) and 国庆 (1–3 October); a holiday on a Saturday or Sunday is made up on the
next working day (补假, article 6). Make-up Saturdays are unknown until announced, so a deadline
over such a year stays provisional and says so with `deadline_text`.

Two signals let supervision act without portal importing it: `provisional_deadline_computed`
when a deadline is first computed over such a year (the admin alert), and `calendar_years_loaded`
after an official year is loaded (recomputing the deadlines over it).
"""

import datetime
from functools import cache

from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from lunar_python import Lunar

# Sent with `years` (list[int]) whenever a deadline is computed over a year not yet loaded.
provisional_deadline_computed = Signal()
# Sent on commit with `years` (list[int]) and `actor` (User | None) once official years are loaded.
calendar_years_loaded = Signal()


def _lunar_day(year: int, month: int, day: int) -> datetime.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _solar_term(year: int, name: str) -> datetime.date:
    solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()[name]
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


@cache
def statutory_holidays(year: int) -> dict[datetime.date, str]:
    """Return the days off of `year` by the statute alone: festivals plus 补假 for weekends."""
    new_year = _lunar_day(year, 1, 1)
    festivals = {
        "元旦": [datetime.date(year, 1, 1)],
        # 除夕 is the day before 正月初一, whether 腊月 has 29 or 30 days.
        "春节": [new_year + datetime.timedelta(days=offset) for offset in range(-1, 3)],
        "清明节": [_solar_term(year, "清明")],
        "劳动节": [datetime.date(year, 5, 1), datetime.date(year, 5, 2)],
        "端午节": [_lunar_day(year, 5, 5)],
        "中秋节": [_lunar_day(year, 8, 15)],
        "国庆节": [datetime.date(year, 10, day) for day in (1, 2, 3)],
    }
    holidays = {day: name for name, days in festivals.items() for day in days}
    for day, name in sorted(holidays.items()):
        if day.weekday() < 5:
            continue
        substitute = day + datetime.timedelta(days=1)
        while substitute.weekday() >= 5 or substitute in holidays:
            substitute += datetime.timedelta(days=1)
        holidays[substitute] = f"{name}补假"
    return {day: name for day, name in sorted(holidays.items()) if day.year == year}


def deadline_text(moment: datetime.datetime, *, provisional: bool) -> str:
    """The local date of a deadline as messages write it, with the caveat when provisional."""
    day = date_format(timezone.localtime(moment), "Y-m-d")
    if not provisional:
        return day
    return _("%(date)s（暂定，以国务院公布的节假日安排为准）") % {"date": day}

"""Calendar months and years in Beijing time (Asia/Shanghai), whatever the server's zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


def month_of(moment: datetime) -> date:
    """Return the first day of the Beijing-time month holding `moment`."""
    local = moment.astimezone(BEIJING)
    return date(local.year, local.month, 1)


def year_of(moment: datetime) -> date:
    """Return 1 January of the Beijing-time year holding `moment`."""
    return date(moment.astimezone(BEIJING).year, 1, 1)

"""Builders the monitors tests share: dates are local moments passed as `at=`."""

import datetime

from django.utils import timezone

from petitions.services import monitors as monitor_services


def local(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A local office-hours moment on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def appoint(actor, user, start=datetime.date(2026, 1, 1), end=datetime.date(2027, 12, 31)):
    return monitor_services.monitor_appoint(
        actor=actor, user=user, term_start=start, term_end=end, at=local(start, 9)
    )


def report(monitor, category, day: datetime.date, *, hour: int = 10, **fields):
    fields.setdefault("title", "窗口午休无人值守")
    fields.setdefault("content", "政务服务中心午间窗口无人，超市价格标签也不一致。")
    return monitor_services.monitor_report_file(
        actor=monitor.user, category=category, at=local(day, hour), **fields
    )

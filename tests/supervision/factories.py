import datetime

from django.utils import timezone

from supervision.models import Clock
from supervision.services import clocks as clock_services
from tests.factories import DepartmentFactory


def at(text: str) -> datetime.datetime:
    """An aware Beijing-time moment from 'YYYY-MM-DD HH:MM'."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def start_clock(
    *,
    limit=5,
    unit=Clock.Unit.WORKDAYS,
    started="2026-09-24 10:00",
    department=None,
    kind="test.case",
    ref="T-1",
):
    return clock_services.clock_start(
        kind=kind,
        subject_ref=ref,
        subject_label=f"测试事项 {ref}",
        subject_url=f"/test/{ref}/",
        department=department or DepartmentFactory(),
        responsible=None,
        limit=limit,
        unit=unit,
        started_at=at(started),
    )

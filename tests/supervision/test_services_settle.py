"""Late sweeps settle what happened: stopping, pausing or extending a clock first settles its light
as of that moment, so a sweep six hours late leaves what minute-by-minute sweeps leave.

Week of 9 Nov 2026: Monday to Friday are working days, no holiday nearby."""

import datetime

import pytest

from portal.roles import Role
from supervision.models import Alert, Clock, Notice
from supervision.services import clocks as clock_services
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db

OUTAGE_START, OUTAGE_END = at("2026-11-10 20:00"), at("2026-11-11 02:00")


def test_a_clock_stopped_during_an_outage_after_its_due_time_has_its_notice_and_alert():
    clock = start_clock(limit=30, unit=Clock.Unit.MINUTES, started="2026-11-10 20:10")
    sweep.sweep_clocks(now=OUTAGE_START)
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-11-10 20:45"))
    sweep.sweep_clocks(now=OUTAGE_END)
    clock.refresh_from_db()
    assert clock.light == "red"
    notices = Notice.objects.filter(clock=clock).order_by("issued_at")
    assert [(n.level, n.issued_at) for n in notices] == [
        ("urge", at("2026-11-10 20:37")),
        ("supervision", at("2026-11-10 20:40")),
    ]
    alert = Alert.objects.get(kind=Alert.Kind.OVERDUE, subject_ref="T-1")
    assert alert.raised_at == at("2026-11-10 20:40")


def test_a_clock_paused_during_an_outage_after_its_warning_time_keeps_its_urge():
    clock = start_clock(limit=2, unit=Clock.Unit.HOURS, started="2026-11-10 19:00")
    sweep.sweep_clocks(now=OUTAGE_START)
    clock_services.clock_pause(
        clock=clock, reason=Clock.PauseReason.HEARING, actor=None, at=at("2026-11-10 20:55")
    )
    sweep.sweep_clocks(now=OUTAGE_END)
    clock.refresh_from_db()
    assert clock.light == "yellow"
    urge = Notice.objects.get(clock=clock)
    assert (urge.level, urge.issued_at, urge.status) == ("urge", at("2026-11-10 20:48"), "issued")


def _outage(prefix: str, sweeps: list[datetime.datetime]) -> dict:
    """Clocks that cross their thresholds during the outage, some changed by people meanwhile."""
    department = DepartmentFactory()
    approver = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])

    def clock(name, limit, unit, started):
        return start_clock(
            limit=limit, unit=unit, started=started, department=department, ref=f"{prefix}{name}"
        )

    minutes, hours, workdays = Clock.Unit.MINUTES, Clock.Unit.HOURS, Clock.Unit.WORKDAYS
    clock("runs-on", 30, minutes, "2026-11-10 20:00")
    stopped = clock("stopped", 30, minutes, "2026-11-10 20:10")
    paused = clock("paused", 2, hours, "2026-11-10 19:00")
    day_stopped = clock("day-stopped", 1, workdays, "2026-11-09 10:00")
    extended = clock("extended", 1, workdays, "2026-11-09 10:00")
    clock("day-runs-on", 1, workdays, "2026-11-10 09:00")
    changes = {
        at("2026-11-10 20:45"): lambda moment: clock_services.clock_stop(
            clock=stopped, actor=None, at=moment
        ),
        at("2026-11-10 20:55"): lambda moment: clock_services.clock_pause(
            clock=paused, reason=Clock.PauseReason.HEARING, actor=None, at=moment
        ),
        at("2026-11-11 00:30"): lambda moment: clock_services.clock_extend(
            clock=extended, amount=2, approver=approver, reason="需现场核查", at=moment
        ),
        at("2026-11-11 01:00"): lambda moment: clock_services.clock_stop(
            clock=day_stopped, actor=None, at=moment
        ),
    }
    # People act at whole minutes, just before that minute's sweep.
    for moment in sorted(set(sweeps) | set(changes)):
        if moment in changes:
            changes[moment](moment)
        if moment in sweeps:
            sweep.sweep_clocks(now=moment)
    return _outcome(prefix)


def _outcome(prefix: str) -> dict:
    def ref(value: str) -> str:
        return value.removeprefix(prefix)

    return {
        "notices": sorted(
            (ref(n.clock.subject_ref), n.level, n.issued_at, n.status, n.closed_at)
            for n in Notice.objects.filter(clock__subject_ref__startswith=prefix).select_related(
                "clock"
            )
        ),
        "alerts": sorted(
            (ref(a.subject_ref), a.raised_at, a.status)
            for a in Alert.objects.filter(subject_ref__startswith=prefix)
        ),
        "lights": sorted(
            (ref(c.subject_ref), c.state, c.light)
            for c in Clock.objects.filter(subject_ref__startswith=prefix)
        ),
    }


def test_a_sweep_six_hours_late_gives_what_minute_by_minute_sweeps_give():
    every_minute = [
        OUTAGE_START + datetime.timedelta(minutes=minute) for minute in range(0, 6 * 60 + 1)
    ]
    punctual = _outage("P-", every_minute)
    late = _outage("L-", [OUTAGE_START, OUTAGE_END])
    assert late == punctual
    day_end = at("2026-11-10 23:59:59.999999")
    closed_at = {"stopped": at("2026-11-10 20:45"), "day-stopped": at("2026-11-11 01:00")}
    assert late["notices"] == [
        ("day-runs-on", "urge", at("2026-11-11 00:00"), "issued", None),
        ("day-stopped", "supervision", day_end, "closed", closed_at["day-stopped"]),
        ("day-stopped", "urge", at("2026-11-10 00:00"), "closed", closed_at["day-stopped"]),
        ("extended", "supervision", day_end, "issued", None),
        ("extended", "urge", at("2026-11-10 00:00"), "issued", None),
        ("paused", "urge", at("2026-11-10 20:48"), "issued", None),
        ("runs-on", "supervision", at("2026-11-10 20:30"), "issued", None),
        ("runs-on", "urge", at("2026-11-10 20:27"), "issued", None),
        ("stopped", "supervision", at("2026-11-10 20:40"), "closed", closed_at["stopped"]),
        ("stopped", "urge", at("2026-11-10 20:37"), "closed", closed_at["stopped"]),
    ]
    assert late["lights"] == [
        ("day-runs-on", "running", "yellow"),
        ("day-stopped", "stopped", "red"),
        # Extended by two working days at 00:30: due end of 12 Nov, yellow from 12 Nov.
        ("extended", "running", "green"),
        ("paused", "paused", "yellow"),
        ("runs-on", "running", "red"),
        ("stopped", "stopped", "red"),
    ]

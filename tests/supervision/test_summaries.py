"""Summary tables (汇总表): kept by the clock services and the sweep, equal to a rebuild from the
base tables, read by the dashboard and the workbench card with a fixed number of queries."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.roles import Role
from supervision.models import Clock, ClockDay, Notice, NoticeDay, OpenClockCount
from supervision.services import clocks as clock_services
from supervision.services import notices as notice_services
from supervision.services import summaries, sweep
from tests.concurrency import race
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, set]:
    """Every summary row with a count, as comparable tuples."""
    return {
        "open": set(
            OpenClockCount.objects.exclude(n=0).values_list(
                "department_id", "kind", "state", "light", "n"
            )
        ),
        "clocks": set(
            ClockDay.objects.values_list(
                "day", "department_id", "kind", "started", "finished", "on_time"
            )
        ),
        "notices": set(
            NoticeDay.objects.values_list(
                "day", "department_id", "kind", "level", "issued", "settled"
            )
        ),
    }


def busy_county() -> None:
    """Clocks through every move: paused, resumed, extended, restarted, stopped late and on time,
    swept green → yellow → red → second grade in between."""
    market, land = DepartmentFactory(), DepartmentFactory()
    clocks = [
        start_clock(department=market, ref=f"M-{i}", kind="test.case" if i % 2 else "test.other")
        for i in range(6)
    ]
    clocks.append(start_clock(department=land, ref="L-1", started="2026-09-30 10:00"))
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    clock_services.clock_pause(
        clock=clocks[0], reason=Clock.PauseReason.HEARING, actor=None, at=at("2026-10-09 10:00")
    )
    clock_services.clock_stop(clock=clocks[1], actor=None, at=at("2026-10-09 11:00"))
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    head = StaffFactory(department=market, roles=[Role.DEPARTMENT_HEAD])
    notice_services.notice_reply(
        notice=Notice.objects.get(clock=clocks[5], level="supervision"), actor=head, reply="已整改"
    )
    clock_services.clock_resume(clock=clocks[0], actor=None, at=at("2026-10-12 09:00"))
    clock_services.clock_extend(
        clock=clocks[2],
        amount=3,
        approver=StaffFactory(),
        reason="专家评审",
        at=at("2026-10-12 10:00"),
    )
    clock_services.clock_restart(clock=clocks[3], actor=None, at=at("2026-10-12 11:00"))
    clock_services.clock_stop(clock=clocks[4], actor=None, at=at("2026-10-13 16:00"))
    sweep.sweep_clocks(now=at("2026-10-20 09:00"))
    clock_services.clock_stop(clock=clocks[5], actor=None, at=at("2026-10-20 23:30"))


def test_the_kept_summaries_equal_a_rebuild_from_the_clocks_and_notices():
    busy_county()
    kept = snapshot()
    assert kept["open"] and kept["clocks"] and kept["notices"]
    assert any(row[-1] for row in kept["notices"])  # some notices answered or closed
    summaries.rebuild()
    assert snapshot() == kept


def test_stopping_counts_the_day_and_whether_it_was_in_time():
    department = DepartmentFactory()
    late = start_clock(department=department, ref="A")
    in_time = start_clock(department=department, ref="B")
    clock_services.clock_stop(clock=in_time, actor=None, at=at("2026-09-28 09:00"))
    clock_services.clock_stop(clock=late, actor=None, at=at("2026-10-20 09:00"))
    rows = ClockDay.objects.filter(department=department).order_by("day")
    assert [(str(row.day), row.started, row.finished, row.on_time) for row in rows] == [
        ("2026-09-24", 2, 0, 0),
        ("2026-09-28", 0, 1, 1),
        ("2026-10-20", 0, 1, 0),
    ]
    assert not OpenClockCount.objects.filter(department=department).exclude(n=0).exists()


def test_a_notice_issued_before_dawn_counts_on_its_beijing_day():
    department = DepartmentFactory()
    start_clock(department=department, limit=2, unit=Clock.Unit.HOURS, started="2026-10-09 06:30")
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    assert set(NoticeDay.objects.values_list("day", "level")) == {
        (at("2026-10-09 00:00").date(), "urge"),
        (at("2026-10-09 00:00").date(), "supervision"),
    }


def test_the_rebuild_command_reports_the_rows_of_each_table():
    busy_county()
    out = io.StringIO()
    call_command("rebuild_summaries", stdout=out)
    assert "open_clocks:" in out.getvalue() and "notice_days:" in out.getvalue()


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("supervision:dashboard")).status_code == 200
    return len(queries)


def test_the_dashboard_runs_the_same_queries_for_one_clock_or_many(client):
    department = DepartmentFactory()
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    start_clock(department=department, ref="one")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    client.get(reverse("supervision:dashboard"))
    few = dashboard_queries(client)
    for i in range(30):
        start_clock(department=DepartmentFactory(), ref=f"many-{i}", started="2026-10-01 10:00")
    sweep.sweep_clocks(now=at("2026-10-20 09:00"))
    assert dashboard_queries(client) == few


def test_the_workbench_card_counts_lights_from_the_summary(client):
    department = DepartmentFactory()
    for i in range(3):
        start_clock(department=department, ref=f"W-{i}")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    client.force_login(StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD]))
    card = client.get(reverse("portal:workbench")).content.decode()
    assert "进入监察总览" in card
    assert OpenClockCount.objects.get(department=department, light="red").n == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_clocks_started_and_stopped_at_once_lose_no_count():
    department = DepartmentFactory()
    running = [start_clock(department=department, ref=f"R-{i}") for i in range(4)]
    outcomes = race(
        *[(lambda i=i: start_clock(department=department, ref=f"N-{i}")) for i in range(4)],
        *[
            (lambda clock=clock: clock_services.clock_stop(clock=clock, actor=None))
            for clock in running
        ],
    )
    assert outcomes == ["ok"] * 8
    assert OpenClockCount.objects.get(department=department, state="running", light="green").n == 4
    kept = snapshot()
    summaries.rebuild()
    assert snapshot() == kept

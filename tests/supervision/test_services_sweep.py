"""The sweep walks clocks green → yellow → red → second grade, exactly once per level."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from portal.roles import Role
from supervision.models import Alert, Clock, Notice
from supervision.services import clocks as clock_services
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def light(clock) -> str:
    clock.refresh_from_db()
    return clock.light


def levels(clock) -> list[str]:
    return sorted(Notice.objects.filter(clock=clock).values_list("level", flat=True))


def test_green_until_the_warning_day():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-08 12:00"))
    assert light(clock) == "green"
    assert levels(clock) == []


def test_yellow_on_the_last_working_day_with_an_urge_notice():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    assert light(clock) == "yellow"
    assert levels(clock) == ["urge"]


def test_red_after_the_due_day_with_a_supervision_notice_and_an_alert():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    assert light(clock) == "red"
    assert levels(clock) == ["supervision", "urge"]
    assert Alert.objects.filter(kind=Alert.Kind.OVERDUE, subject_ref="T-1").count() == 1


def test_second_grade_five_working_days_after_the_supervision_notice():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-15 12:00"))
    assert "second_grade" not in levels(clock)
    sweep.sweep_clocks(now=at("2026-10-16 09:00"))
    assert levels(clock) == ["second_grade", "supervision", "urge"]


def test_a_stopped_clock_earns_no_notice():
    clock = start_clock(limit=5)
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-09-30 10:00"))
    sweep.sweep_clocks(now=at("2026-10-20 09:00"))
    assert levels(clock) == []
    assert light(clock) == "green"


def test_a_paused_clock_keeps_its_light():
    clock = start_clock(limit=5)
    clock_services.clock_pause(
        clock=clock, reason=Clock.PauseReason.EXPERT_REVIEW, actor=None, at=at("2026-09-29 15:00")
    )
    sweep.sweep_clocks(now=at("2026-10-20 09:00"))
    assert light(clock) == "green"
    assert levels(clock) == []


def test_running_the_sweep_again_changes_nothing():
    clock = start_clock(limit=5)
    for _ in range(3):
        sweep.sweep_clocks(now=at("2026-10-16 09:00"))
    assert levels(clock) == ["second_grade", "supervision", "urge"]
    assert Alert.objects.filter(subject_ref="T-1").count() == 1


def _walk(clock_starts: list[str], moments: list[datetime.datetime]) -> list[tuple]:
    # Each walk is rolled back, so the next starts from empty tables (events are never deleted).
    with transaction.atomic():
        department = DepartmentFactory()
        clocks = [
            start_clock(limit=5, started=s, department=department, ref=f"W-{i}")
            for i, s in enumerate(clock_starts)
        ]
        for moment in moments:
            sweep.sweep_clocks(now=moment)
        walked = sorted(
            (n.clock.subject_ref, n.level, n.issued_at)
            for n in Notice.objects.filter(clock__in=clocks).select_related("clock")
        ) + sorted(
            (c.subject_ref, c.light) for c in Clock.objects.filter(pk__in=[c.pk for c in clocks])
        )
        transaction.set_rollback(True)
    return walked


def test_a_sweep_six_hours_late_yields_what_punctual_sweeps_would():
    # Across midnight of 12/13 Oct: one clock turns yellow, one red, one hourly clock both,
    # and one reaches the second grade.
    starts = ["2026-10-01 08:00", "2026-09-29 10:00", "2026-09-21 10:00"]
    first, end = at("2026-10-12 20:50"), at("2026-10-13 03:00")
    every_ten_minutes = [end - datetime.timedelta(minutes=10 * i) for i in range(36, -1, -1)]
    before = _walk(starts, [first])
    punctual = _walk(starts, [first, *every_ten_minutes])
    late = _walk(starts, [first, end])
    assert late == punctual
    assert punctual != before


def test_a_walk_across_national_day_with_a_pause_an_extension_and_an_early_stop():
    approver = StaffFactory(roles=[Role.DEPARTMENT_HEAD])
    clock = start_clock(limit=5, started="2026-09-24 10:00", ref="W-1")
    early = start_clock(limit=5, started="2026-09-24 10:00", ref="W-2")
    steps = []

    def step(moment):
        sweep.sweep_clocks(now=at(moment))
        steps.append((moment, light(clock), levels(clock)))

    step("2026-09-28 12:00")
    clock_services.clock_pause(
        clock=clock, reason=Clock.PauseReason.HEARING, actor=None, at=at("2026-09-29 15:00")
    )  # 28 and 29 Sep used; 3 working days left.
    clock_services.clock_stop(clock=early, actor=None, at=at("2026-10-08 11:00"))
    step("2026-10-09 08:00")
    clock_services.clock_resume(clock=clock, actor=None, at=at("2026-10-09 09:00"))
    # Left: Saturday 10 Oct (make-up day), 12 and 13 Oct; yellow once one day is left.
    step("2026-10-10 12:00")
    step("2026-10-12 23:00")
    step("2026-10-13 09:00")
    clock_services.clock_extend(
        clock=clock, amount=3, approver=approver, reason="需组织现场核查", at=at("2026-10-13 10:00")
    )  # Now due at the end of 16 Oct: back to green until one day is left.
    step("2026-10-13 12:00")
    step("2026-10-16 09:00")
    step("2026-10-17 09:00")
    # The second grade: five working days after the due day (19-23 Oct).
    step("2026-10-23 23:00")
    step("2026-10-24 00:30")

    assert steps == [
        ("2026-09-28 12:00", "green", []),
        ("2026-10-09 08:00", "green", []),
        ("2026-10-10 12:00", "green", []),
        ("2026-10-12 23:00", "green", []),
        ("2026-10-13 09:00", "yellow", ["urge"]),
        ("2026-10-13 12:00", "green", ["urge"]),
        ("2026-10-16 09:00", "yellow", ["urge"]),
        ("2026-10-17 09:00", "red", ["supervision", "urge"]),
        ("2026-10-23 23:00", "red", ["supervision", "urge"]),
        ("2026-10-24 00:30", "red", ["second_grade", "supervision", "urge"]),
    ]
    assert (light(early), levels(early)) == ("green", [])


def _queries_of_a_sweep(moment) -> int:
    with CaptureQueriesContext(connection) as queries:
        sweep.sweep_clocks(now=moment)
    return len(queries)


def test_the_sweep_uses_the_same_number_of_queries_for_many_clocks():
    department = DepartmentFactory()
    for i in range(3):
        start_clock(limit=5, department=department, ref=f"A-{i}")
    few = _queries_of_a_sweep(at("2026-10-16 09:00"))
    for i in range(30):
        start_clock(limit=5, department=department, ref=f"B-{i}")
    assert _queries_of_a_sweep(at("2026-10-16 09:00")) == few
    # Five writes, each keeping its summary counts (one statement on PostgreSQL, two on SQLite).
    assert few <= 5 + len(sweep.statements())


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_issue_one_notice_per_clock_and_level():
    department = DepartmentFactory()
    for i in range(40):
        start_clock(limit=5, department=department, ref=f"C-{i}")
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            sweep.sweep_clocks(now=at("2026-10-16 09:00"))
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Notice.objects.count() == 40 * 3
    assert Alert.objects.filter(kind="overdue").count() == 40


def test_a_clock_cannot_escalate_before_it_is_due():
    # The second-grade statement searches overdue clocks only, which this guarantees.
    clock = start_clock(limit=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        Clock.objects.filter(pk=clock.pk).update(
            escalate_at=clock.due_at - datetime.timedelta(days=1)
        )

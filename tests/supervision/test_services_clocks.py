"""Clocks across National Day 2026: Mid-Autumn 25 Sep and 1-7 Oct are off; Sunday 20 Sep and
Saturday 10 Oct are make-up working days (official calendar, checked against chinese-calendar)."""

import pytest

from portal.errors import DomainError
from supervision.models import Clock, ClockEvent
from supervision.services import clocks as clock_services
from tests.factories import StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def test_due_time_skips_the_holidays():
    clock = start_clock(limit=5, started="2026-09-24 10:00")
    # 28, 29, 30 Sep, then 8 and 9 Oct.
    assert clock.due_at == at("2026-10-09 23:59:59.999999")


def test_yellow_when_one_working_day_remains():
    clock = start_clock(limit=5)
    assert clock.warn_at == at("2026-10-09 00:00")


def test_yellow_at_ninety_percent_for_a_long_limit():
    clock = start_clock(limit=20, started="2026-11-02 09:00")
    # 90 % of 20 working days is 18: yellow from 00:00 of the 19th working day, two days before
    # the end.
    assert clock.warn_at == at("2026-11-27 00:00")
    assert clock.due_at == at("2026-11-30 23:59:59.999999")


def test_second_grade_counts_the_make_up_saturday():
    clock = start_clock(limit=5)
    # Five working days after 9 Oct: Sat 10 Oct (make-up), 12, 13, 14, 15 Oct.
    assert clock.escalate_at == at("2026-10-15 23:59:59.999999")


def test_calendar_days_count_every_day():
    clock = start_clock(limit=15, unit=Clock.Unit.DAYS, started="2026-09-24 10:00")
    assert clock.due_at == at("2026-10-09 23:59:59.999999")


def test_minutes_count_continuously():
    clock = start_clock(limit=30, unit=Clock.Unit.MINUTES, started="2026-09-24 10:00")
    assert clock.due_at == at("2026-09-24 10:30")
    assert clock.warn_at == at("2026-09-24 10:27")


def test_pause_does_not_count_and_resume_continues():
    clock = start_clock(limit=5)
    clock = clock_services.clock_pause(
        clock=clock, reason=Clock.PauseReason.HEARING, actor=None, at=at("2026-09-29 15:00")
    )
    assert clock.state == Clock.State.PAUSED
    clock = clock_services.clock_resume(clock=clock, actor=None, at=at("2026-10-12 09:00"))
    # Used 28 and 29 Sep; three working days left from 12 Oct: 13, 14, 15 Oct.
    assert clock.due_at == at("2026-10-15 23:59:59.999999")


def test_restart_counts_the_whole_limit_again():
    clock = start_clock(limit=5)
    clock = clock_services.clock_restart(clock=clock, actor=None, at=at("2026-10-08 11:00"))
    # 9 Oct, Sat 10 Oct (make-up), 12, 13, 14 Oct.
    assert clock.due_at == at("2026-10-14 23:59:59.999999")


def test_extension_moves_the_due_time_once():
    head = StaffFactory()
    clock = start_clock(limit=5)
    clock = clock_services.clock_extend(
        clock=clock, amount=10, approver=head, reason="需要现场核查"
    )
    # Fifteen working days: … 9 Oct, Sat 10 Oct (make-up), 12 … 16, 19 … 22 Oct.
    assert clock.due_at == at("2026-10-22 23:59:59.999999")
    with pytest.raises(DomainError):
        clock_services.clock_extend(clock=clock, amount=5, approver=head, reason="再次延长")


def test_extension_needs_a_reason():
    clock = start_clock(limit=5)
    with pytest.raises(DomainError):
        clock_services.clock_extend(clock=clock, amount=5, approver=StaffFactory(), reason=" ")
    clock.refresh_from_db()
    assert clock.extension == 0


def test_only_a_running_clock_pauses():
    clock = start_clock()
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-09-28 10:00"))
    with pytest.raises(DomainError):
        clock_services.clock_pause(clock=clock, reason=Clock.PauseReason.HEARING, actor=None)


def test_every_change_is_an_event_with_its_actor():
    clerk = StaffFactory()
    clock = start_clock()
    clock_services.clock_pause(
        clock=clock, reason=Clock.PauseReason.SUPPLEMENT, actor=clerk, at=at("2026-09-28 10:00")
    )
    clock_services.clock_resume(clock=clock, actor=clerk, at=at("2026-09-29 10:00"))
    clock_services.clock_stop(clock=clock, actor=clerk, at=at("2026-09-30 10:00"))
    codes = list(ClockEvent.objects.filter(clock=clock).values_list("code", "actor"))
    assert codes == [
        ("started", None),
        ("paused", clerk.pk),
        ("resumed", clerk.pk),
        ("stopped", clerk.pk),
    ]


def test_a_clock_in_an_unloaded_year_is_provisional():
    clock = start_clock(limit=20, started="2027-03-01 09:00")
    assert clock.provisional


def test_a_clock_in_a_loaded_year_is_not_provisional():
    assert not start_clock(limit=5).provisional

"""Deadlines over 2027, which the State Council has not announced yet: the alert is raised when
the first one is computed, and loading the year recomputes them and closes it."""

import datetime
import io

import chinese_calendar
import pytest
from django.core.management import call_command

from portal import services as portal_services
from supervision.models import Alert, Clock
from supervision.services import calendar
from supervision.services.clocks import clock_stop
from tests.factories import StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db

END = " 23:59:59.999999"
# A make-up Saturday in the hypothetical announced 2027: 9 January is worked.
HOLIDAYS_2027 = [datetime.date(2027, 1, 1)]
WORKDAYS_2027 = [datetime.date(2027, 1, 9)]


def _calendar_alert():
    return Alert.objects.get(kind=Alert.Kind.CALENDAR_MISSING, subject_ref="2027")


def _load_2027(capture):
    with capture(execute=True):
        portal_services.calendar_load_announced(
            actor=StaffFactory(is_staff=True, is_superuser=True),
            year=2027,
            holidays=HOLIDAYS_2027,
            workdays=WORKDAYS_2027,
        )


def test_no_alert_while_deadlines_stay_in_announced_years():
    start_clock(limit=5, started="2026-09-24 10:00")
    assert not Alert.objects.filter(kind=Alert.Kind.CALENDAR_MISSING).exists()


def test_the_first_deadline_into_2027_raises_the_alert_at_once_and_only_once():
    start_clock(limit=10, started="2026-12-28 10:00", ref="A")
    start_clock(limit=10, started="2026-12-29 10:00", ref="B")
    alert = _calendar_alert()
    assert alert.status == Alert.Status.OPEN
    assert "2027" in alert.text
    assert Alert.objects.filter(kind=Alert.Kind.CALENDAR_MISSING).count() == 1


def test_deadlines_computed_soon_after_do_not_look_the_alert_up_again(
    django_assert_num_queries,
):
    start_clock(limit=10, started="2026-12-28 10:00", ref="A")
    with django_assert_num_queries(0):
        assert calendar.calendar_provisional_alert(years=[2027]) == []
    assert _calendar_alert().status == Alert.Status.OPEN


def test_loading_the_announced_year_moves_the_deadline_and_ends_provisional(
    django_capture_on_commit_callbacks,
):
    clock = start_clock(limit=10, started="2026-12-28 10:00")
    assert clock.due_at == at("2027-01-12" + END) and clock.provisional
    _load_2027(django_capture_on_commit_callbacks)
    clock.refresh_from_db()
    assert clock.due_at == at("2027-01-11" + END)
    assert not clock.provisional


def test_loading_the_announced_year_closes_the_alert(django_capture_on_commit_callbacks):
    start_clock(limit=10, started="2026-12-28 10:00")
    _load_2027(django_capture_on_commit_callbacks)
    alert = _calendar_alert()
    assert alert.status == Alert.Status.CLOSED
    assert list(alert.events.values_list("code", flat=True)) == ["raised", "closed"]


def test_stopped_clocks_are_left_as_they_were(django_capture_on_commit_callbacks):
    clock = start_clock(limit=10, started="2026-12-28 10:00")
    clock_stop(clock=clock, actor=None, at=at("2026-12-30 10:00"))
    _load_2027(django_capture_on_commit_callbacks)
    clock.refresh_from_db()
    assert clock.due_at == at("2027-01-12" + END) and clock.state == Clock.State.STOPPED


def test_a_pillar_hook_hears_of_every_moved_deadline():
    heard = []

    def hook(*, years, moved, at):
        heard.extend((years, item.previous_due_at, item.clock.due_at) for item in moved)
        return 0

    calendar.register_calendar_hook(hook)
    try:
        start_clock(limit=10, started="2026-12-28 10:00")
        portal_services.calendar_load_announced(
            actor=StaffFactory(), year=2027, holidays=HOLIDAYS_2027, workdays=WORKDAYS_2027
        )
        calendar.calendar_recompute(years=[2027], actor=None)
    finally:
        calendar.unregister_calendar_hook(hook)
    assert heard == [([2027], at("2027-01-12" + END), at("2027-01-11" + END))]


def test_a_newer_chinese_calendar_loaded_by_the_command_recomputes_too(
    monkeypatch, django_capture_on_commit_callbacks
):
    # What a release of chinese-calendar that knows 2027 would carry (make-up Saturday 9 Jan).
    monkeypatch.setitem(chinese_calendar.holidays, datetime.date(2027, 1, 1), "New Year's Day")
    monkeypatch.setitem(chinese_calendar.workdays, datetime.date(2027, 1, 9), "New Year's Day")
    clock = start_clock(limit=10, started="2026-12-28 10:00")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_calendar", "--year", "2027", stdout=io.StringIO())
    clock.refresh_from_db()
    assert clock.due_at == at("2027-01-11" + END)
    assert _calendar_alert().status == Alert.Status.CLOSED

"""Lights of short clocks: no clock is yellow at its start; a 1-WD task turns yellow when its one
working day begins, a 30-minute clock at 27 minutes; the urge notice follows the light.

Week of 9 Nov 2026: Monday to Friday are working days, no holiday nearby."""

import pytest

from supervision.models import Clock, Notice
from supervision.services import sweep
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def light(clock) -> str:
    clock.refresh_from_db()
    return clock.light


def urges(clock) -> list:
    return list(
        Notice.objects.filter(clock=clock, level=Notice.Level.URGE).values_list(
            "issued_at", flat=True
        )
    )


def test_a_one_day_task_assigned_monday_is_green_all_monday_without_an_urge():
    clock = start_clock(limit=1, started="2026-11-09 10:00")
    for moment in ["2026-11-09 10:01", "2026-11-09 17:00", "2026-11-09 23:59"]:
        sweep.sweep_clocks(now=at(moment))
    assert light(clock) == "green"
    assert urges(clock) == []


def test_a_one_day_task_turns_yellow_when_its_working_day_begins():
    clock = start_clock(limit=1, started="2026-11-09 10:00")
    sweep.sweep_clocks(now=at("2026-11-10 00:01"))
    assert light(clock) == "yellow"
    assert urges(clock) == [at("2026-11-10 00:00")]


def test_a_one_day_task_assigned_friday_stays_green_over_the_weekend():
    clock = start_clock(limit=1, started="2026-11-13 16:00")
    sweep.sweep_clocks(now=at("2026-11-15 23:59"))
    assert (light(clock), urges(clock)) == ("green", [])
    sweep.sweep_clocks(now=at("2026-11-16 08:00"))
    assert (light(clock), urges(clock)) == ("yellow", [at("2026-11-16 00:00")])


def test_a_thirty_minute_clock_turns_yellow_at_twenty_seven_minutes():
    clock = start_clock(limit=30, unit=Clock.Unit.MINUTES, started="2026-11-09 10:00")
    sweep.sweep_clocks(now=at("2026-11-09 10:26"))
    assert (light(clock), urges(clock)) == ("green", [])
    sweep.sweep_clocks(now=at("2026-11-09 10:28"))
    assert (light(clock), urges(clock)) == ("yellow", [at("2026-11-09 10:27")])


@pytest.mark.parametrize(
    ("limit", "unit"),
    [
        (1, Clock.Unit.WORKDAYS),
        (2, Clock.Unit.WORKDAYS),
        (1, Clock.Unit.DAYS),
        (1, Clock.Unit.HOURS),
        (1, Clock.Unit.MINUTES),
    ],
)
def test_no_clock_is_yellow_at_its_start(limit, unit):
    clock = start_clock(limit=limit, unit=unit, started="2026-11-09 10:00")
    sweep.sweep_clocks(now=at("2026-11-09 10:00"))
    assert clock.warn_at > clock.started_at
    assert (light(clock), urges(clock)) == ("green", [])


def test_days_left_apply_only_to_a_limit_longer_than_them(settings):
    settings.SUPERVISION_YELLOW_RULES = {
        "default": {"elapsed_share": 0.9, "remaining_days": 1},
        "test.short": {"remaining_days": 2},
    }
    three = start_clock(limit=3, kind="test.short", started="2026-11-09 10:00", ref="S-3")
    two = start_clock(limit=2, kind="test.short", started="2026-11-09 10:00", ref="S-2")
    # Three days: yellow with two left (from Wednesday 11 Nov, the 2nd of 10, 11, 12 Nov).
    assert three.warn_at == at("2026-11-11 00:00")
    # Two days: "two left" would be yellow at once; 90 % of 2 days leaves the last day yellow.
    assert two.warn_at == at("2026-11-11 00:00")

"""The sweep command, the demo data and the light badge."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template

from portal import demo as portal_demo
from supervision import demo, services, sweep
from supervision.models import Alert, Clock, Notice
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def test_the_command_sweeps_as_of_the_given_moment():
    clock = start_clock(limit=5)
    out = io.StringIO()
    call_command("sweep_clocks", "--now", "2026-10-10T09:00", stdout=out)
    clock.refresh_from_db()
    assert clock.light == Clock.Light.RED
    assert "red 1" in out.getvalue()
    assert Notice.objects.filter(clock=clock).count() == 2


def test_the_command_refuses_a_bad_moment_and_changes_nothing():
    clock = start_clock(limit=5)
    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("sweep_clocks", "--now", "next tuesday")
    clock.refresh_from_db()
    assert clock.light == Clock.Light.GREEN


def test_the_demo_has_clocks_in_every_light_and_alerts():
    portal_demo.seed(scale=1)
    demo.seed(scale=1)
    demo.seed(scale=1)
    clocks = Clock.objects.filter(subject_ref__startswith="DEMO-")
    assert clocks.count() == len(demo.DEMO_CLOCKS)
    running = clocks.filter(state=Clock.State.RUNNING)
    assert set(running.values_list("light", flat=True)) == {"green", "yellow", "red"}
    assert clocks.filter(state=Clock.State.PAUSED).count() == 1
    assert Alert.objects.filter(dedup_key__startswith="demo:").count() == 2


def _badge(clock) -> str:
    return Template("{% load supervision_tags %}{% clock_light clock %}").render(
        Context({"clock": clock})
    )


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        ("2026-09-28 09:00", "正常"),
        ("2026-10-09 09:00", "即将到期"),
        ("2026-10-10 09:00", "已超期"),
    ],
)
def test_the_badge_says_the_light_in_words(moment, text):
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at(moment))
    clock.refresh_from_db()
    assert text in _badge(clock)


def test_the_badge_of_finished_work_says_whether_it_was_on_time():
    clock = services.clock_stop(clock=start_clock(limit=5), actor=None, at=at("2026-09-30 10:00"))
    assert "按时办结" in _badge(clock)

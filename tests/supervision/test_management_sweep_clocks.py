"""The sweep command: `manage.py sweep_clocks [--now ...]`."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from supervision.models import Clock, Notice
from tests.supervision.factories import start_clock

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


def test_the_command_refuses_a_far_future_moment_and_changes_nothing():
    clock = start_clock(limit=5)
    with pytest.raises(CommandError, match=r"ahead of the real clock.*--force"):
        call_command("sweep_clocks", "--now", "2062-10-10T09:00")
    clock.refresh_from_db()
    assert clock.light == Clock.Light.GREEN
    assert not Notice.objects.exists()


def test_the_command_sweeps_a_far_future_moment_with_force():
    clock = start_clock(limit=5)
    call_command("sweep_clocks", "--now", "2062-10-10T09:00", "--force", stdout=io.StringIO())
    clock.refresh_from_db()
    assert clock.light == Clock.Light.RED


def test_the_command_accepts_a_moment_within_a_day_ahead():
    tomorrow = timezone.localtime() + datetime.timedelta(hours=20)
    out = io.StringIO()
    call_command("sweep_clocks", "--now", tomorrow.isoformat(), stdout=out)
    assert "yellow" in out.getvalue()

"""The sweep command: `manage.py sweep_clocks [--now ...]`."""

import io

import pytest
from django.core.management import CommandError, call_command

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

"""Races on PostgreSQL with real threads: two appointments of one person, two ends of one term."""

import datetime

import pytest

from petitions.models import Monitor, MonitorEvent
from petitions.services import monitors as monitor_services
from portal.roles import Role
from tests.concurrency import race
from tests.factories import StaffFactory
from tests.petitions.monitors import appoint

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_admins_appointing_one_citizen_at_once_appoint_once(citizen, inspector):
    admin = StaffFactory(roles=[Role.ADMIN])
    outcomes = race(lambda: appoint(admin, citizen), lambda: appoint(inspector, citizen))
    assert sorted(outcomes) == ["ok", "refused"]
    assert Monitor.objects.filter(user=citizen).count() == 1


def test_ending_a_term_twice_at_once_ends_it_once(citizen, inspector):
    monitor = appoint(inspector, citizen, start=datetime.date(2026, 1, 1))
    admin = StaffFactory(roles=[Role.ADMIN])
    outcomes = race(
        lambda: monitor_services.monitor_end(actor=admin, monitor=monitor),
        lambda: monitor_services.monitor_end(actor=inspector, monitor=monitor),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert monitor.events.filter(code=MonitorEvent.Code.ENDED).count() == 1

"""The demo's monitors: terms over the last half year, monthly reports, one month missing."""

import datetime

import pytest
import time_machine

from petitions.demo.monitors import seed_monitors
from petitions.demo.routing import seed_categories, seed_rules
from petitions.models import Monitor, MonitorReport
from portal import demo as portal_demo
from portal import demo_history
from supervision.models import Alert

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 6, 20, 12, tzinfo=datetime.UTC), tick=False)
def test_the_demo_has_monitors_with_one_month_missing_and_is_idempotent():
    portal_demo.seed()
    demo_history.history_citizens()
    seed_rules(seed_categories())
    seed_monitors()
    seeded = MonitorReport.objects.count()
    seed_monitors()
    assert MonitorReport.objects.count() == seeded > 10
    assert Monitor.objects.filter(status=Monitor.Status.ENDED).count() == 1
    assert Monitor.objects.filter(kind=Monitor.Kind.ENTERPRISE).exists()
    (alert,) = Alert.objects.filter(kind=Alert.Kind.MONITOR_MISSING)
    assert alert.dedup_key.endswith(":2026-05")
    # The older reports were answered and rated by their monitor.
    assert MonitorReport.objects.exclude(complaint__satisfaction="").exists()

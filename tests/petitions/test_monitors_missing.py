"""The month a monitor filed no report: one alert per monitor and month, and the brief's section."""

import datetime

import pytest

from petitions.selectors.monitors import brief_section
from petitions.services import monitors as monitor_services
from portal.roles import Role
from supervision.models import Alert
from supervision.services.brief import month_bounds
from tests.factories import CitizenFactory, StaffFactory
from tests.petitions.monitors import appoint, local, report

pytestmark = pytest.mark.django_db
MARCH = datetime.date(2026, 3, 1)
APRIL_1 = datetime.date(2026, 4, 1)


@pytest.fixture
def admin(db):
    return StaffFactory(roles=[Role.ADMIN])


def missing_alerts():
    return Alert.objects.filter(kind=Alert.Kind.MONITOR_MISSING)


def test_a_month_without_a_report_raises_one_alert_even_when_checked_twice(
    admin, citizen, inspector
):
    monitor = appoint(admin, citizen)
    assert monitor_services.monitors_check_missing(today=APRIL_1) == 1
    monitor_services.monitors_check_missing(today=datetime.date(2026, 4, 2))
    alert = missing_alerts().get()
    assert alert.dedup_key == f"monitor-missing:{monitor.pk}:2026-03"
    assert alert.department == inspector.department
    assert "2026-03" in alert.text


def test_a_report_on_the_last_evening_of_the_month_counts_for_it(
    admin, citizen, routed_category, hotline_department
):
    monitor = appoint(admin, citizen)
    report(monitor, routed_category, datetime.date(2026, 3, 31), hour=23)
    assert monitor_services.monitors_check_missing(today=APRIL_1) == 0


def test_a_report_on_the_first_of_the_next_month_does_not(
    admin, citizen, routed_category, hotline_department
):
    monitor = appoint(admin, citizen)
    report(monitor, routed_category, datetime.date(2026, 4, 1), hour=0)
    assert monitor_services.monitors_check_missing(today=APRIL_1) == 1


def test_a_term_starting_mid_month_is_not_due_that_month(admin, citizen):
    appoint(admin, citizen, start=datetime.date(2026, 3, 2))
    assert monitor_services.monitors_check_missing(today=APRIL_1) == 0
    assert monitor_services.monitors_check_missing(today=datetime.date(2026, 5, 1)) == 1


def test_a_term_ended_within_the_month_is_not_due_but_one_ended_after_it_is(admin):
    early, late = appoint(admin, CitizenFactory()), appoint(admin, CitizenFactory())
    monitor_services.monitor_end(actor=admin, monitor=early, at=local(datetime.date(2026, 3, 30)))
    monitor_services.monitor_end(actor=admin, monitor=late, at=local(datetime.date(2026, 3, 31)))
    monitor_services.monitors_check_missing(today=APRIL_1)
    assert [alert.dedup_key for alert in missing_alerts()] == [f"monitor-missing:{late.pk}:2026-03"]


def test_the_january_check_looks_at_december(admin, citizen):
    appoint(admin, citizen, start=datetime.date(2025, 12, 1))
    monitor_services.monitors_check_missing(today=datetime.date(2026, 1, 1))
    assert missing_alerts().get().dedup_key.endswith(":2025-12")


def test_the_brief_lists_the_monitors_missing_in_the_month(
    admin, routed_category, hotline_department
):
    reporting = appoint(admin, CitizenFactory(real_name="按时报送"))
    appoint(admin, CitizenFactory(real_name="未报送者"))
    report(reporting, routed_category, datetime.date(2026, 3, 10))
    section = brief_section(*month_bounds(MARCH))
    assert section["figures"] == {"due": 2, "missing": 1, "reports": 1}
    assert section["tables"][0]["rows"] == [["未报送者", "citizen"]]

"""Appointing and ending monitors, and a monitoring report filed as a dispatched complaint."""

import datetime

import pytest

from petitions.models import Complaint, ComplaintEvent, Monitor, MonitorEvent
from petitions.services import monitors as monitor_services
from portal.errors import DomainError
from portal.roles import Role
from tests.factories import CitizenFactory, EnterpriseFactory, StaffFactory
from tests.petitions.monitors import appoint, local, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return StaffFactory(roles=[Role.ADMIN])


def test_an_admin_appoints_a_citizen_for_a_term_with_an_event(admin, citizen):
    monitor = appoint(admin, citizen)
    assert (monitor.kind, monitor.status) == (Monitor.Kind.CITIZEN, Monitor.Status.ACTIVE)
    event = MonitorEvent.objects.get(monitor=monitor)
    assert (event.code, event.actor) == (MonitorEvent.Code.APPOINTED, admin)
    assert citizen.inbox.filter(subject_code="petitions.monitor_appointed").exists()


def test_an_enterprise_is_appointed_as_an_enterprise_monitor(inspector):
    monitor = appoint(inspector, EnterpriseFactory())
    assert monitor.kind == Monitor.Kind.ENTERPRISE


def test_a_department_head_cannot_appoint(clerk, citizen):
    with pytest.raises(DomainError):
        appoint(clerk, citizen)
    assert not Monitor.objects.exists()


def test_staff_cannot_be_appointed(admin, clerk):
    with pytest.raises(DomainError):
        appoint(admin, clerk)


def test_a_second_appointment_over_a_running_term_is_refused(admin, citizen):
    appoint(admin, citizen)
    with pytest.raises(DomainError, match="在任监测员"):
        appoint(admin, citizen, start=datetime.date(2026, 6, 1))
    assert Monitor.objects.count() == 1


def test_a_new_term_after_an_expired_one_closes_the_old_one(admin, citizen):
    old = appoint(admin, citizen, end=datetime.date(2026, 6, 30))
    new = appoint(admin, citizen, start=datetime.date(2026, 7, 1))
    old.refresh_from_db()
    assert (old.status, old.ended_on) == (Monitor.Status.ENDED, datetime.date(2026, 6, 30))
    assert new.status == Monitor.Status.ACTIVE


def test_ending_a_term_records_the_day_and_tells_the_monitor(admin, citizen):
    monitor = appoint(admin, citizen)
    monitor_services.monitor_end(actor=admin, monitor=monitor, at=local(datetime.date(2026, 5, 6)))
    monitor.refresh_from_db()
    assert (monitor.status, monitor.ended_on) == (Monitor.Status.ENDED, datetime.date(2026, 5, 6))
    assert monitor.events.filter(code=MonitorEvent.Code.ENDED, actor=admin).exists()
    with pytest.raises(DomainError, match="已经离任"):
        monitor_services.monitor_end(actor=admin, monitor=monitor)


def test_a_citizen_who_is_not_a_monitor_cannot_post(routed_category):
    with pytest.raises(DomainError, match="不是在任"):
        monitor_services.monitor_report_file(
            actor=CitizenFactory(), category=routed_category, title="标题", content="内容"
        )
    assert not Complaint.objects.exists()


def test_an_ended_monitor_cannot_post(admin, citizen, routed_category):
    monitor = appoint(admin, citizen)
    monitor_services.monitor_end(actor=admin, monitor=monitor, at=local(datetime.date(2026, 3, 1)))
    with pytest.raises(DomainError):
        report(monitor, routed_category, datetime.date(2026, 3, 2))


def test_a_report_is_a_dispatched_complaint_on_the_monitor_channel_with_a_clock(
    admin, citizen, routed_category, department, hotline_department
):
    monitor = appoint(admin, citizen)
    filed = report(monitor, routed_category, datetime.date(2026, 3, 31))
    complaint = Complaint.objects.select_related("clock", "identity").get(pk=filed.complaint_id)
    assert filed.month == datetime.date(2026, 3, 1)
    assert complaint.channel == Complaint.Channel.MONITOR
    assert (complaint.status, complaint.department) == (Complaint.Status.DISPATCHED, department)
    assert complaint.clock.kind == "petitions.sign" and complaint.clock.is_open
    assert complaint.identity.account == citizen and not complaint.is_anonymous
    assert complaint.events.filter(code=ComplaintEvent.Code.FILED, actor=None).exists()
    assert monitor.events.filter(code=MonitorEvent.Code.REPORTED, actor=citizen).exists()


def test_a_report_without_a_rule_waits_for_the_hotline_on_the_dispatch_clock(
    admin, citizen, category, hotline_department
):
    monitor = appoint(admin, citizen)
    filed = report(monitor, category, datetime.date(2026, 3, 2))
    complaint = filed.complaint
    assert complaint.status == Complaint.Status.REGISTERED
    assert complaint.clock.kind == "petitions.dispatch"

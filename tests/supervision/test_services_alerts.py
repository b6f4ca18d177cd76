"""Alerts: raised once per key, acknowledged and closed by the discipline office, each move
authorised and recorded."""

import pytest

from portal.errors import DomainError
from portal.roles import Role
from supervision.models import Alert, AlertEvent
from supervision.services import alerts as alert_services
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_alert_raise_is_idempotent_on_its_key():
    first = alert_services.alert_raise(
        kind="fee_anomaly",
        severity="warning",
        department=None,
        subject_ref="A",
        subject_url="",
        message="m",
        dedup_key="k",
    )
    again = alert_services.alert_raise(
        kind="fee_anomaly",
        severity="warning",
        department=None,
        subject_ref="A",
        subject_url="",
        message="m",
        dedup_key="k",
    )
    assert first == again
    assert Alert.objects.count() == 1


def test_calendar_check_raises_one_alert_per_missing_year():
    alert_services.calendar_check()
    alert_services.calendar_check()
    assert Alert.objects.filter(kind="calendar_missing").count() >= 1
    assert Alert.objects.filter(kind="calendar_missing", subject_ref="2026").count() == 0


@pytest.fixture
def alert():
    return alert_services.alert_raise(
        kind=Alert.Kind.FEE_ANOMALY,
        severity=Alert.Severity.WARNING,
        department=DepartmentFactory(),
        subject_ref="FEE-1",
        subject_url="",
        message="收费异常",
        dedup_key="test:fee-1",
    )


def test_raising_an_alert_records_one_event_and_raising_it_again_none(alert):
    alert_services.alert_raise(
        kind=Alert.Kind.FEE_ANOMALY,
        severity=Alert.Severity.WARNING,
        department=None,
        subject_ref="FEE-1",
        subject_url="",
        message="收费异常",
        dedup_key="test:fee-1",
    )
    assert list(AlertEvent.objects.values_list("alert", "code", "actor")) == [
        (alert.pk, AlertEvent.Code.RAISED, None)
    ]


def not_the_discipline_office(alert):
    return [
        StaffFactory(department=alert.department, roles=[Role.DEPARTMENT_HEAD]),
        StaffFactory(roles=[Role.LEADER]),
        StaffFactory(roles=[Role.WINDOW_CLERK]),
    ]


def test_only_the_discipline_office_acknowledges_an_alert(alert):
    for outsider in not_the_discipline_office(alert):
        with pytest.raises(DomainError) as refused:
            alert_services.alert_acknowledge(alert=alert, actor=outsider)
        assert refused.value.code == "forbidden"
    alert.refresh_from_db()
    assert alert.status == Alert.Status.OPEN
    assert not alert.events.exclude(code=AlertEvent.Code.RAISED).exists()


def test_acknowledging_an_alert_records_one_event_with_its_actor(alert):
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    alert_services.alert_acknowledge(alert=alert, actor=inspector)
    alert.refresh_from_db()
    assert (alert.status, alert.acknowledged_by) == (Alert.Status.ACKNOWLEDGED, inspector)
    events = alert.events.exclude(code=AlertEvent.Code.RAISED)
    assert list(events.values_list("code", "actor")) == [
        (AlertEvent.Code.ACKNOWLEDGED, inspector.pk)
    ]


def test_only_the_discipline_office_closes_an_alert(alert):
    for outsider in not_the_discipline_office(alert):
        with pytest.raises(DomainError) as refused:
            alert_services.alert_close(
                alert=alert, actor=outsider, action=Alert.Action.NO_ACTION, note="核实无问题"
            )
        assert refused.value.code == "forbidden"
    alert.refresh_from_db()
    assert alert.status == Alert.Status.OPEN
    assert not alert.events.exclude(code=AlertEvent.Code.RAISED).exists()


def test_closing_an_alert_records_one_event_with_the_action_taken(alert):
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    alert_services.alert_close(
        alert=alert, actor=inspector, action=Alert.Action.RECTIFY, note="限期三日内整改"
    )
    events = alert.events.exclude(code=AlertEvent.Code.RAISED)
    assert list(events.values_list("code", "actor", "note", "data")) == [
        (AlertEvent.Code.CLOSED, inspector.pk, "限期三日内整改", {"action": "rectify"})
    ]

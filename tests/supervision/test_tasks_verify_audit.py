"""The nightly beat job walks the audit chains and raises a serious alert when one is broken."""

import pytest

from supervision import tasks
from supervision.models import Alert, AlertEvent
from supervision.services import alerts as alert_services
from tests.audit import tampering

pytestmark = pytest.mark.django_db

TABLE = AlertEvent._meta.db_table


def acknowledged_alert() -> AlertEvent:
    alert = alert_services.alert_raise(
        kind=Alert.Kind.OTHER,
        severity=Alert.Severity.INFO,
        department=None,
        subject_ref="audit-task",
        subject_url="",
        message="测试预警",
        dedup_key="audit-task",
    )
    return AlertEvent.record(alert, AlertEvent.Code.ACKNOWLEDGED, note="已知悉")


def test_an_intact_log_raises_no_alert():
    acknowledged_alert()
    tasks.verify_audit.delay()
    assert not Alert.objects.filter(kind=Alert.Kind.AUDIT_BROKEN).exists()


def test_an_altered_row_raises_one_serious_alert_naming_it():
    event = acknowledged_alert()
    with tampering(TABLE) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET note = %s WHERE id = %s", ["未知悉", event.pk])
    tasks.verify_audit.delay()
    tasks.verify_audit.delay()
    alert = Alert.objects.get(kind=Alert.Kind.AUDIT_BROKEN)
    assert alert.severity == Alert.Severity.SERIOUS
    assert alert.subject_ref == f"{TABLE}#{event.pk}"
    assert f"{TABLE} 第 {event.pk} 条：内容与哈希不符" in alert.text

"""The fast emptying after a transactional test (tests/flush.py) leaves what Django's flush leaves:
every model table empty, then what post_migrate makes, with the append-only triggers back on."""

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, connection, transaction

from portal.models import CalendarYear
from supervision.models import Alert, AlertEvent
from supervision.services import alerts as alert_services
from tests import flush
from tests.factories import CitizenFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def raise_alert() -> Alert:
    return alert_services.alert_raise(
        kind=Alert.Kind.OTHER,
        severity=Alert.Severity.INFO,
        department=None,
        subject_ref="flush",
        subject_url="",
        message="清空测试",
        dedup_key="flush",
    )


def test_emptying_leaves_every_model_table_empty():
    CitizenFactory()
    raise_alert()
    flush.empty_database("default", post_migrate=False)
    assert flush.filled_tables("default") == []


def test_emptying_brings_back_the_permissions_and_the_calendar():
    CitizenFactory()
    flush.empty_database("default")
    assert Permission.objects.filter(codename="view_alert").exists()
    assert CalendarYear.objects.exists()


def test_event_rows_stay_append_only_after_emptying():
    raise_alert()
    flush.empty_database("default")
    event = AlertEvent.record(raise_alert(), AlertEvent.Code.ACKNOWLEDGED, note="")
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        connection.cursor().execute(
            f"DELETE FROM {AlertEvent._meta.db_table} WHERE id = %s", [event.pk]
        )

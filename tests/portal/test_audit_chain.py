"""The tamper-evident audit log: event rows are append-only and hash-chained per table, and
`verify_audit` names the first altered, deleted or reordered row."""

import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from supervision.models import Alert, AlertEvent
from supervision.services import alerts as alert_services
from tests.audit import tampering
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

TABLE = AlertEvent._meta.db_table


def raise_alert(key: str = "audit-test") -> Alert:
    return alert_services.alert_raise(
        kind=Alert.Kind.OTHER,
        severity=Alert.Severity.INFO,
        department=None,
        subject_ref=key,
        subject_url="",
        message="测试预警",
        dedup_key=key,
    )


def four_events() -> list[int]:
    """An alert with four event rows (raised + three notes); return their ids in order."""
    alert = raise_alert()
    actor = StaffFactory()
    for n in range(3):
        AlertEvent.record(alert, AlertEvent.Code.ACKNOWLEDGED, actor=actor, note=f"第{n}次")
    return list(AlertEvent.objects.order_by("pk").values_list("pk", flat=True))


def verify() -> str:
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def verify_fails() -> str:
    with pytest.raises(CommandError) as failure:
        verify()
    return str(failure.value)


def test_an_untouched_log_verifies():
    four_events()
    assert "ok, 4 rows in" in verify()


def test_each_row_carries_the_hash_of_the_row_before():
    four_events()
    rows = list(AlertEvent.objects.order_by("pk"))
    assert rows[0].prev_hash == ""
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert len({r.hash for r in rows}) == 4


def test_an_altered_row_is_named():
    ids = four_events()
    with tampering(TABLE) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET note = %s WHERE id = %s", ["改过的", ids[1]])
    assert f"{TABLE} row {ids[1]}: content does not match its hash" in verify_fails()


def test_a_changed_time_is_named():
    ids = four_events()
    with tampering(TABLE) as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET created_at = created_at - interval '1 day' WHERE id = %s"
            if connection.vendor == "postgresql"
            else f"UPDATE {TABLE} SET created_at = datetime(created_at, '-1 day') WHERE id = %s",
            [ids[2]],
        )
    assert f"{TABLE} row {ids[2]}: content does not match its hash" in verify_fails()


def test_a_deleted_row_is_named_by_the_row_after_it():
    ids = four_events()
    with tampering(TABLE) as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [ids[1]])
    assert f"{TABLE} row {ids[2]}: the row it was chained after is gone" in verify_fails()


def test_two_swapped_rows_are_named():
    ids = four_events()
    second, third = ids[1], ids[2]
    with tampering(TABLE) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET id = %s WHERE id = %s", [-second, second])
        cursor.execute(f"UPDATE {TABLE} SET id = %s WHERE id = %s", [second, third])
        cursor.execute(f"UPDATE {TABLE} SET id = %s WHERE id = %s", [third, -second])
    assert f"{TABLE} row {second}: chained after row {third}" in verify_fails()


def test_a_row_moved_to_the_front_is_named():
    ids = four_events()
    with tampering(TABLE) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET id = %s WHERE id = %s", [ids[0] - 1, ids[2]])
    assert f"{TABLE} row {ids[0] - 1}: chained after row {ids[1]}" in verify_fails()


def test_bulk_inserted_events_continue_the_chain():
    alert = raise_alert()
    AlertEvent.record_many(
        [AlertEvent(alert=alert, code=AlertEvent.Code.ACKNOWLEDGED, note=str(n)) for n in range(5)]
    )
    AlertEvent.record(alert, AlertEvent.Code.CLOSED, note="办结")
    assert "ok, 7 rows in" in verify()


def test_the_orm_refuses_to_change_or_delete_an_event():
    event = AlertEvent.objects.get(alert=raise_alert())
    event.note = "改过的"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()


def test_a_subject_with_events_cannot_be_deleted():
    alert = raise_alert()
    with pytest.raises(ProtectedError):
        alert.delete()


@pytest.mark.postgres
def test_the_database_refuses_update_and_delete_of_event_rows():
    event = AlertEvent.objects.get(alert=raise_alert())
    for statement in [
        f"UPDATE {TABLE} SET note = 'x' WHERE id = %s",
        f"DELETE FROM {TABLE} WHERE id = %s",
    ]:
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            connection.cursor().execute(statement, [event.pk])
    assert AlertEvent.objects.get(pk=event.pk).note == ""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_unbroken_chain():
    alert = raise_alert()
    start = threading.Barrier(8)

    def write(n: int) -> None:
        start.wait()
        try:
            for i in range(25):
                with transaction.atomic():
                    AlertEvent.record(alert, AlertEvent.Code.ACKNOWLEDGED, note=f"{n}-{i}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert AlertEvent.objects.count() == 201
    assert AlertEvent.objects.values("prev_hash").distinct().count() == 201
    assert "ok, 201 rows in" in verify()

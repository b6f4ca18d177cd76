"""Message events belong to the tamper-evident audit log like every other event table."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

from petitions.models import MessageEvent
from tests.audit import tampering

pytestmark = pytest.mark.django_db

TABLE = MessageEvent._meta.db_table


def test_verify_audit_names_an_altered_message_event(write_message, citizen):
    message, _code = write_message(citizen)
    event = MessageEvent.objects.filter(message=message).first()
    call_command("verify_audit", stdout=io.StringIO())
    with tampering(TABLE) as cursor:
        cursor.execute(f"UPDATE {TABLE} SET note = %s WHERE id = %s", ["改过的", event.pk])
    with pytest.raises(CommandError, match=f"{TABLE} row {event.pk}: content does not match"):
        call_command("verify_audit", stdout=io.StringIO())


@pytest.mark.postgres
def test_the_database_refuses_to_change_or_delete_a_message_event(write_message, citizen):
    message, _code = write_message(citizen)
    event = MessageEvent.objects.filter(message=message).first()
    for statement in [
        f"UPDATE {TABLE} SET note = 'x' WHERE id = %s",
        f"DELETE FROM {TABLE} WHERE id = %s",
    ]:
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            connection.cursor().execute(statement, [event.pk])
    assert MessageEvent.objects.get(pk=event.pk).note == event.note

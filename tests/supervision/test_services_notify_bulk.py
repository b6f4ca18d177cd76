"""Announcing a backlog of notices in bulk: a fixed number of statements per batch of notices,
each notice announced exactly once, no cap on a run but its time budget."""

import datetime
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import notifications, sms, tasks
from portal.models import InboxMessage, OutboxMessage
from portal.roles import Role
from portal.tasks import DELIVERY_BATCH
from supervision.models import Clock, Notice
from supervision.services import notices as notice_services
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import start_clock

pytestmark = pytest.mark.django_db

CROSSINGS = 2000
BATCH = 500


def _clocks_turning_yellow(departments) -> datetime.datetime:
    """Start CROSSINGS clocks with one schedule over the departments; return a moment at which
    all of them have crossed their warning time and none is due yet."""
    first = start_clock(limit=5, department=departments[0], ref="N-0")
    copies = []
    for index in range(1, CROSSINGS):
        copy = Clock.objects.get(pk=first.pk)
        copy.pk = None
        copy.subject_ref = f"N-{index}"
        copy.department = departments[index % len(departments)]
        copies.append(copy)
    Clock.objects.bulk_create(copies)
    moment = first.warn_at + datetime.timedelta(minutes=1)
    assert moment < first.due_at
    return moment


def _statements_per_insert(model, rows: int) -> int:
    """How many INSERTs `bulk_create` needs for `rows` rows: one on PostgreSQL; SQLite splits
    them by its limit of bound parameters."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    return math.ceil(rows / connection.ops.bulk_batch_size(fields, [None] * rows))


def test_two_thousand_crossings_are_announced_in_a_few_statements_per_batch():
    departments = DepartmentFactory.create_batch(10)
    heads = [
        StaffFactory(department=unit, roles=[Role.DEPARTMENT_HEAD], mobile=f"139000000{i:02d}")
        for i, unit in enumerate(departments)
    ]
    moment = _clocks_turning_yellow(departments)
    assert sweep.sweep_clocks(now=moment).notices == CROSSINGS
    with CaptureQueriesContext(connection) as queries:
        sent = notice_services.notify_pending(batch_size=BATCH)
    assert sent == CROSSINGS
    statements = [query["sql"] for query in queries.captured_queries]
    full = CROSSINGS // BATCH
    # A batch: its transaction (two statements), the claim's SELECT and UPDATE, the heads, one
    # INSERT of inbox rows and one of outbox rows; the last run finds nothing left.
    # Before: 5 statements a notice, 500 notices a run.
    inserts = {
        model: sum(sql.startswith(f'INSERT INTO "{model._meta.db_table}"') for sql in statements)
        for model in (InboxMessage, OutboxMessage)
    }
    for model, count in inserts.items():
        assert count == full * _statements_per_insert(model, BATCH)
    assert len(statements) - sum(inserts.values()) == 5 * full + 3
    assert InboxMessage.objects.count() == OutboxMessage.objects.count() == CROSSINGS
    assert set(InboxMessage.objects.values_list("recipient", flat=True)) == {h.pk for h in heads}
    assert not Notice.objects.filter(notified_at__isnull=True).exists()


def test_a_second_run_announces_nothing_again():
    departments = DepartmentFactory.create_batch(2)
    for unit in departments:
        StaffFactory(department=unit, roles=[Role.DEPARTMENT_HEAD])
    sweep.sweep_clocks(now=_clocks_turning_yellow(departments))
    notice_services.notify_pending(batch_size=BATCH)
    assert notice_services.notify_pending(batch_size=BATCH) == 0
    assert InboxMessage.objects.count() == CROSSINGS


def test_a_run_out_of_time_leaves_the_rest_to_the_next_run():
    department = DepartmentFactory()
    StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    sweep.sweep_clocks(now=_clocks_turning_yellow([department]))
    assert notice_services.notify_pending(batch_size=BATCH, budget=0) == BATCH
    assert Notice.objects.filter(notified_at__isnull=True).count() == CROSSINGS - BATCH
    assert notice_services.notify_pending(batch_size=BATCH) == CROSSINGS - BATCH
    assert InboxMessage.objects.count() == CROSSINGS


def _announced_crossings() -> list[int]:
    """Announce CROSSINGS notices to ten heads with a mobile; return the SMS waiting to leave."""
    sms.outbox.clear()
    departments = DepartmentFactory.create_batch(10)
    for i, unit in enumerate(departments):
        StaffFactory(department=unit, roles=[Role.DEPARTMENT_HEAD], mobile=f"139000000{i:02d}")
    sweep.sweep_clocks(now=_clocks_turning_yellow(departments))
    notice_services.notify_pending(batch_size=BATCH)
    return list(OutboxMessage.objects.order_by("pk").values_list("pk", flat=True))


def test_the_sms_of_two_thousand_crossings_leave_in_a_few_statements_per_batch():
    waiting = _announced_crossings()
    with CaptureQueriesContext(connection) as queries:
        notifications.hand_off(waiting)
    assert len(sms.outbox) == CROSSINGS
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    # A batch: the claim's SELECT and UPDATE in a savepoint (two more statements), one UPDATE of
    # the sent. Before: three statements a message.
    assert len(queries) == 5 * math.ceil(CROSSINGS / DELIVERY_BATCH)


def test_an_sms_the_gateway_refuses_waits_for_its_retry_while_its_batch_leaves(monkeypatch):
    waiting = _announced_crossings()[:DELIVERY_BATCH]
    refused = OutboxMessage.objects.get(pk=waiting[7])

    def send(to: str, body: str) -> None:
        if to == refused.address:
            raise sms.SmsError("gateway busy")
        sms.outbox.append(sms.SmsMessage(to=to, body=body))

    monkeypatch.setattr(tasks, "send_sms", send)
    tasks.deliver_outbox_message(*waiting)
    statuses = dict(OutboxMessage.objects.filter(pk__in=waiting).values_list("pk", "status"))
    refused_ones = {pk for pk, status in statuses.items() if status == "pending"}
    assert refused_ones == set(
        OutboxMessage.objects.filter(pk__in=waiting, address=refused.address).values_list(
            "pk", flat=True
        )
    )
    assert len(sms.outbox) == DELIVERY_BATCH - len(refused_ones)
    assert OutboxMessage.objects.get(pk=refused.pk).last_error == "SmsError: gateway busy"

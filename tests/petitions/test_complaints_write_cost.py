"""What filing a complaint costs the database: one transaction, a pinned number of statements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions.models import Complaint, ComplaintEvent
from petitions.permissions import complaints as complaint_permissions
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import ClockEvent
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

# The INSERTs of complaint, identity, clock and their 3 history rows, the routing rules, the
# UPDATE that numbers the complaint, the clock's two summary rows, the department's staff, one
# INSERT of inbox rows and one of outbox rows, and per event table the last hash and one INSERT
# (PostgreSQL: and its chain lock); inside a caller's transaction (here the test's) no savepoint.
# Before: 27 statements, with a savepoint and a guardian grant; then 19 with a savepoint.
FILING_STATEMENTS = {"sqlite": 17, "postgresql": 19}


def test_filing_and_dispatching_a_complaint_runs_a_pinned_number_of_statements(
    file_complaint, routed_category, department
):
    StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=department)
    file_complaint(category=routed_category)  # the first filing warms the caches
    with CaptureQueriesContext(connection) as queries:
        complaint, _code = file_complaint(category=routed_category)
    statements = [query["sql"] for query in queries.captured_queries][:-1]  # not refresh_from_db
    assert complaint.status == Complaint.Status.DISPATCHED
    assert len(statements) == FILING_STATEMENTS[connection.vendor], "\n".join(
        sql[:150] for sql in statements
    )
    assert not any(sql.startswith("SAVEPOINT") for sql in statements)


def test_filing_writes_its_events_in_one_insert_per_table(file_complaint, routed_category):
    with CaptureQueriesContext(connection) as queries:
        complaint, _code = file_complaint(category=routed_category)
    inserts = [
        query["sql"] for query in queries.captured_queries if query["sql"].startswith("INSERT")
    ]
    assert sum(ComplaintEvent._meta.db_table in sql for sql in inserts) == 1
    assert sum(ClockEvent._meta.db_table in sql for sql in inserts) == 1
    assert list(complaint.events.values_list("code", flat=True)) == ["filed", "dispatched"]


def test_the_department_column_decides_who_handles_a_dispatched_complaint(
    file_complaint, routed_category, clerk, other_clerk
):
    complaint, _code = file_complaint(category=routed_category)
    assert complaint_permissions.can_handle(clerk, complaint)
    assert list(complaint_permissions.complaints_to_handle(clerk)) == [complaint]
    assert not complaint_permissions.can_handle(other_clerk, complaint)
    assert not complaint_permissions.complaints_visible_to(other_clerk).exists()


def test_the_department_and_the_complainant_are_told_in_one_insert(
    file_complaint, routed_category, department, citizen
):
    head = StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=department)
    with CaptureQueriesContext(connection) as queries:
        file_complaint(category=routed_category, account=citizen)
    inserts = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith(f'INSERT INTO "{InboxMessage._meta.db_table}"')
    ]
    assert len(inserts) == 1
    assert set(InboxMessage.objects.values_list("recipient", flat=True)) == {head.pk, citizen.pk}

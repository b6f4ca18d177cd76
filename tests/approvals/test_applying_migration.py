"""Migrations of existing approvals data: query codes into digests, acceptance tasks marked."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.query_codes import query_code_matches
from tests.approvals.factories import CaseFactory

BEFORE = [("approvals", "0001_initial")]
AFTER = [("approvals", "0002_query_code_digest")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def columns(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


@pytest.mark.django_db(transaction=True)
def test_existing_codes_become_digests_and_leave_the_history(process):
    case = CaseFactory(process=process)
    try:
        old = migrate(BEFORE)
        old.get_model("approvals", "Case").objects.filter(pk=case.pk).update(query_code="123456")
        old.get_model("approvals", "HistoricalCase").objects.filter(id=case.pk).update(
            query_code="123456"
        )
        new = migrate(AFTER)
        digest = new.get_model("approvals", "Case").objects.get(pk=case.pk).query_code_digest
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("approvals"))
    assert query_code_matches(digest, case.number, "123456")
    assert not query_code_matches(digest, case.number, "654321")
    assert "query_code" not in columns("approvals_case")
    assert not {"query_code", "query_code_digest"} & columns("approvals_historicalcase")


@pytest.mark.django_db(transaction=True)
def test_the_open_tasks_of_the_accept_step_are_marked_as_acceptance(process):
    waiting = CaseFactory(process=process)
    handled = CaseFactory(process=process, stage="in_progress")
    try:
        migrate([("approvals", "0007_case_open_queue_index")])
        new = migrate([("approvals", "0008_task_is_acceptance")])
        marked = dict(
            new.get_model("approvals", "CaseTask")
            .objects.filter(status__in=["pending", "active"])
            .values_list("case_id", "is_acceptance")
        )
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("approvals"))
    assert marked == {waiting.pk: True, handled.pk: False}

"""The migration that turns the plain query codes of existing cases into digests."""

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

"""What a vote costs the database: a pinned number of statements, no savepoint."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluation.models import Vote, VoteEvent
from evaluation.services import votes as vote_services
from portal.models import Submission
from portal.submissions import new_token
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

SATISFIED = {"attitude": "satisfied", "efficiency": "satisfied", "style": "satisfied"}
DISSATISFIED = {"attitude": "dissatisfied", "efficiency": "fair", "style": "satisfied"}


def _statements(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries.captured_queries]


def test_a_first_vote_is_one_insert_and_its_event(person):
    voter = CitizenFactory()
    statements = _statements(
        lambda: vote_services.vote_cast(person=person, voter=voter, **SATISFIED)
    )
    # The vote's INSERT, the event chain's last hash and the event's INSERT (PostgreSQL: and
    # the chain's lock); the test's own transaction makes no savepoint of the vote's.
    assert len(statements) == {"sqlite": 3, "postgresql": 4}[connection.vendor], "\n".join(
        sql[:150] for sql in statements
    )
    assert not any(sql.startswith("SAVEPOINT") for sql in statements)
    assert Vote.objects.get().voter == voter


def test_a_changed_vote_locks_and_updates_the_month_vote(person):
    voter = CitizenFactory()
    vote_services.vote_cast(person=person, voter=voter, **SATISFIED)
    statements = _statements(
        lambda: vote_services.vote_cast(person=person, voter=voter, reason="慢", **DISSATISFIED)
    )
    # The INSERT that finds the month's vote, its lock and UPDATE, the event, the tallies.
    assert len(statements) == {"sqlite": 6, "postgresql": 7}[connection.vendor], "\n".join(
        sql[:150] for sql in statements
    )
    vote = Vote.objects.get()
    assert vote.is_dissatisfied
    assert list(VoteEvent.objects.values_list("code", flat=True)) == ["cast", "changed"]


def test_a_vote_posted_from_the_page_runs_a_pinned_number_of_statements(client, person):
    client.force_login(CitizenFactory())
    url = person.get_absolute_url()
    client.get(url)
    form = {**SATISFIED, "submission_token": new_token()}
    statements = [
        sql
        for sql in _statements(lambda: client.post(url, form))
        # The session is read from the database or, with Redis, from the cache.
        if "django_session" not in sql
    ]
    # The user, the person, the token's replay check, the form's transaction (here a savepoint
    # and its release), the vote, the token's row, its event's chain (PostgreSQL: and lock) and
    # INSERT. Before: 14, with a second savepoint and the month's vote read twice.
    assert len(statements) == {"sqlite": 9, "postgresql": 10}[connection.vendor], "\n".join(
        sql[:150] for sql in statements
    )
    assert Vote.objects.count() == 1


def test_a_vote_posted_from_the_page_writes_its_event_last(client, person):
    url = person.get_absolute_url()
    client.get(url)
    form = {**SATISFIED, "submission_token": new_token()}
    writes = [
        sql
        for sql in _statements(lambda: client.post(url, form))
        if sql.startswith(("INSERT", "SELECT pg_advisory"))
    ]
    # The event table's chain stays locked from its last hash to the commit: nothing after it.
    assert VoteEvent._meta.db_table in writes[-1]
    assert any(Submission._meta.db_table in sql for sql in writes[:-1])

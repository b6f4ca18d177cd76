"""The ceilings of `bench/bench_http.py` (`bench/web/ceilings.py`): a page's statements captured
and sent again, and a vote in four statements that still stores once and chains its event."""

import hashlib
import json

import pytest
from django.db import connection
from django.urls import include, path

from bench.web import ceilings, server
from tests.evaluation.factories import RatedPersonFactory

urlpatterns = [
    path("bench/bare/", server.bare_page),
    path("bench/statements/<str:name>/", ceilings.its_statements),
    path("bench/vote/<int:pk>/", ceilings.vote_in_four_statements),
    path("", include("portal.urls")),
]


@pytest.fixture
def bench_server(settings, tmp_path, monkeypatch):
    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = ["bench.web.server.QueryCountMiddleware", *settings.MIDDLEWARE]
    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(ceilings, "_captured", {})


def test_a_page_s_statements_are_kept_when_asked_and_sent_again_by_its_ceiling(
    db, client, bench_server
):
    client.get("/bench/bare/", headers={"X-Bench-Capture": "bare-page"})
    captured = json.loads(ceilings.statements_file("bare-page").read_text())

    ceiling = client.get("/bench/statements/bare-page/", headers={"X-Bench-Queries": "1"})

    assert any("disclosure_article" in sql for sql in captured)
    assert ceiling.status_code == 200
    assert int(ceiling["X-Bench-Queries"]) == len(captured) + 1


def test_a_page_that_wrote_gets_no_ceiling_that_would_write_again(db, client, bench_server):
    ceilings.save_statements("wrote", ["SELECT 1", "INSERT INTO portal_readlog VALUES (1)"])

    with pytest.raises(ValueError, match="reads only"):
        client.get("/bench/statements/wrote/")


def test_a_capture_name_cannot_leave_the_capture_folder(bench_server):
    with pytest.raises(ValueError):
        ceilings.statements_file("../secret_key")


CHOICE = {"attitude": "satisfied", "efficiency": "fair", "style": "satisfied", "reason": ""}


def _post_vote(client, person, token):
    return client.post(f"/bench/vote/{person.pk}/", {**CHOICE, "submission_token": token})


def _rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return cursor.fetchone()[0]


@pytest.mark.postgres
def test_the_vote_ceiling_stores_a_submission_once(db, client, bench_server):
    with connection.cursor() as cursor:
        ceilings.create_tables(cursor)
    person = RatedPersonFactory()

    first = _post_vote(client, person, "token-1")
    again = _post_vote(client, person, "token-1")

    assert (first.status_code, again.status_code) == (302, 302)
    assert [_rows(table) for table in ceilings.VOTE_TABLES] == [1, 1, 1]


@pytest.mark.postgres
def test_the_vote_ceiling_chains_each_event_onto_the_last(db, client, bench_server):
    with connection.cursor() as cursor:
        ceilings.create_tables(cursor)
    person = RatedPersonFactory()

    _post_vote(client, person, "token-1")
    _post_vote(client, person, "token-2")

    with connection.cursor() as cursor:
        cursor.execute("SELECT prev_hash, hash FROM bench_voteevent ORDER BY id")
        (first_prev, first_hash), (second_prev, second_hash) = cursor.fetchall()
    chained = hashlib.sha256((first_hash + json.dumps(CHOICE)).encode()).hexdigest()
    assert (first_prev, second_prev, second_hash) == ("", first_hash, chained)

"""Ceilings the HTTP bench measures beside the pages it misses (`bench/bench_http.py`): never
shipped.

A ceiling is the best a page or a write could do on this stack while it keeps what it must do:
- a page's statements alone: the statements the page sent (captured by `QueryCountMiddleware`),
  sent again raw, then the bare page, i.e. the page as if its view, ORM and template cost no more
  than the bare page's;
- a vote in four statements: what a vote must store (the vote, its submission token so that the
  same submission is stored once, and its event on the tamper-evident chain), in the fewest
  statements, written by hand.
"""

import hashlib
import json
import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpResponseRedirect

from bench.web.server import bare_page, form_page
from evaluation.models import Rating
from portal.event_chain import lock_key

NAME = re.compile(r"^[a-z0-9-]{1,40}$")
# The vote ceiling's own copies of the vote's tables: the columns, checks and indexes of the
# portal's, not their foreign keys (so an upper bound), and a chain the portal never verifies.
VOTE_TABLES = {
    "bench_vote": "evaluation_vote",
    "bench_submission": "portal_submission",
    "bench_voteevent": "evaluation_voteevent",
}
_captured: dict[str, list[str]] = {}


def create_tables(cursor) -> None:
    """Copy the vote's tables afresh: the portal's schema may have changed since the last run."""
    for table, like in VOTE_TABLES.items():
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"CREATE TABLE {table} (LIKE {like} INCLUDING ALL)")


def statements_file(name: str) -> Path:
    if not NAME.match(name):
        raise ValueError(f"not a capture name: {name!r}")
    return Path(settings.VAR_DIR) / "bench_statements" / f"{name}.json"


def save_statements(name: str, statements: list[str]) -> None:
    path = statements_file(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(statements))


def its_statements(request, name: str):
    """A page's statements alone, then the bare page. Reads only: a page that wrote (a protected
    complaint's read log, say) would have its rows written again on every request."""
    if name not in _captured:
        try:
            statements = json.loads(statements_file(name).read_text())
        except (OSError, ValueError) as error:
            raise Http404 from error
        if not all(sql.lstrip("(").startswith("SELECT") for sql in statements):
            raise ValueError(f"the page {name!r} wrote: a ceiling replays reads only")
        _captured[name] = statements
    with connection.cursor() as cursor:
        for sql in _captured[name]:
            cursor.execute(sql)
    return bare_page(request)


class VoteForm(forms.Form):
    attitude = forms.ChoiceField(choices=Rating.choices)
    efficiency = forms.ChoiceField(choices=Rating.choices)
    style = forms.ChoiceField(choices=Rating.choices)
    reason = forms.CharField(required=False, max_length=500)
    submission_token = forms.CharField(max_length=64)


def vote_in_four_statements(request, pk: int):
    """The token stored once (ON CONFLICT), the vote of an active person (INSERT … SELECT), the
    chain's lock, the event chained onto the last one with its hash computed in the INSERT.
    Less than the portal's vote does: no rate limit of anonymous votes, no tally, no check that
    the voter is not staff."""
    form = VoteForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return form_page(request, form)
    choice = {key: form.cleaned_data[key] for key in ("attitude", "efficiency", "style", "reason")}
    digest = hashlib.sha256(form.cleaned_data["submission_token"].encode()).hexdigest()
    data = json.dumps(choice)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_submission (token_digest, account_id, subject_type, subject_pk,"
            " sealed_secret, created_at) VALUES (%s, NULL, 'evaluation.vote', '', '', now())"
            " ON CONFLICT DO NOTHING RETURNING id",
            [digest],
        )
        if cursor.fetchone() is None:  # the same submission again: stored once
            return HttpResponseRedirect(request.path)
        cursor.execute(
            "INSERT INTO bench_vote (person_id, voter_id, month, attitude, efficiency, style,"
            " is_dissatisfied, reason, reason_status, moderated_by_id, moderated_at,"
            " client_key, created_at, updated_at)"
            " SELECT id, NULL, date_trunc('month', now())::date, %s, %s, %s, false, %s, 'none',"
            " NULL, NULL, '', now(), now() FROM evaluation_ratedperson WHERE id = %s AND is_active"
            " RETURNING id",
            [choice["attitude"], choice["efficiency"], choice["style"], choice["reason"], pk],
        )
        vote = cursor.fetchone()
        if vote is None:
            raise Http404
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key("bench_voteevent")])
        cursor.execute(
            "INSERT INTO bench_voteevent (actor_id, code, created_at, note, data, prev_hash,"
            " hash, vote_id) SELECT NULL, 'cast', now(), '', %s::jsonb, last.hash,"
            " encode(sha256(convert_to(last.hash || %s, 'UTF8')), 'hex'), %s"
            " FROM (SELECT coalesce((SELECT hash FROM bench_voteevent ORDER BY id DESC LIMIT 1),"
            " '') AS hash) AS last",
            [data, data, vote[0]],
        )
    return HttpResponseRedirect(request.path)

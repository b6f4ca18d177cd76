"""Hostile input against every URL pattern, as anonymous and as every role (issue 16).

For each URL pattern (path parameters filled from the objects of tests/security/matrix_objects.py)
the page is first requested as every role, noting the query parameters its view reads and the
forms each role sees. Every parameter then gets each of the hand-picked nasty values in turn
(`hostile.PASSING`: digits int() reads differently from str.isdigit(), numbers past any column,
dates at the ends of the calendar), and hypothesis draws a role among those the page answers,
sends generated values in those parameters, then posts generated values into every field of every
form the page shows (file inputs get a small file with a hostile name). Whatever comes back must
not be a 5xx
(the test client re-raises a view's exception, so a crash shows its traceback), and a refusal
(4xx, or a form shown again with its errors) must leave the main tables' row counts and the
upload folder as they were. Each example runs in a savepoint that is rolled back, with a client
of its own, so what one example stores or changes never reaches the next.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.security.hostile import (
    PASSING,
    Form,
    forms_of,
    get_noting_query_names,
    query_of,
    submission_of,
)
from tests.security.matrix_objects import HANDLING_UNIT, ROLES, build
from tests.uploads import stored_files

# The admin is Django's own, behind a staff login and not part of what the portal answers for.
SKIPPED_NAMESPACES = ("admin",)
# Forms in every page's header: posted on their own pages, not again on each page that shows them.
SHARED_FORMS = ("/logout/", "/i18n/setlang/")
# Tables that record what a submission stores: a refused one must not add or remove a row.
STORED = (
    "portal.User",
    "portal.InboxMessage",
    "approvals.Case",
    "approvals.CaseEvent",
    "approvals.CaseMaterial",
    "approvals.ProcessStep",
    "approvals.Rating",
    "approvals.RatingEvent",
    "disclosure.InformationRequest",
    "disclosure.RequestEvent",
    "disclosure.Article",
    "disclosure.ArticleEvent",
    "disclosure.CatalogueItem",
    "disclosure.CatalogueEvent",
    "disclosure.InfoReport",
    "petitions.Complaint",
    "petitions.ComplaintEvent",
    "petitions.Attachment",
    "evaluation.RatedPerson",
    "evaluation.VoteEvent",
    "supervision.NoticeEvent",
    "supervision.AlertEvent",
)
EXAMPLES_PER_URL = 6
# The same examples on every run (CI is repeatable), none kept between runs; no shrinking, which
# would replay dozens of requests per step: a failure reports the values it drew as they were.
CRAWL_SETTINGS = hypothesis_settings(
    max_examples=EXAMPLES_PER_URL,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def url_names(resolvers=None, namespace=""):
    for entry in get_resolver().url_patterns if resolvers is None else resolvers:
        if isinstance(entry, URLResolver):
            if entry.namespace not in SKIPPED_NAMESPACES:
                inner = ":".join(filter(None, (namespace, entry.namespace)))
                yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, (namespace, entry.name)))


NAMES = sorted(set(url_names()))


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix objects, and a client signed in as each role, built once and rolled back after."""
    media = tmp_path_factory.mktemp("hostile-uploads")
    # The suite's autouse fixtures are function-scoped: the pages read here need the same.
    isolated = override_settings(
        MEDIA_ROOT=media,
        DISCLOSURE_REQUESTS_OFFICE=HANDLING_UNIT,
        STAFF_HOSTS=[],
        SMS_BACKEND="memory",
        STORAGES={
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    with django_db_blocker.unblock(), isolated:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            who, args = build()
            clients = {role: _client(who[role]) for role in ROLES}
            yield media, who, args, clients
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@dataclass
class Page:
    url: str
    # The roles the page answers, with the forms each of them sees there.
    forms: dict[str, list[Form]]
    # The query parameters its view reads, and those of the filter forms it shows.
    reads: list[str]


def _page(url: str, clients: dict) -> Page:
    forms, reads = {}, set()
    for role, client in clients.items():
        response, asked = get_noting_query_names(client, url)
        if response.status_code != 200:
            continue
        html = _content(response).decode("utf-8", "replace")
        forms[role] = [
            form
            for form in forms_of(url, html)
            if form.action.endswith(url) or not form.action.endswith(SHARED_FORMS)
        ]
        reads |= asked
        reads.update(
            name
            for form in forms[role]
            if form.method == "get" and form.action.endswith(url)
            for name in form.fields
        )
    return Page(url=url, forms=forms, reads=sorted(reads))


def _stored() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in STORED}


def _refused(response) -> bool:
    return response.status_code >= 400 or response.status_code == 200


def test_every_url_pattern_is_crawled():
    assert len(NAMES) > 100
    assert {"petitions:file", "disclosure:search", "approvals:staff_act"} <= set(NAMES)


@pytest.mark.django_db
def test_the_crawl_notes_the_query_parameters_a_view_reads(client):
    response, asked = get_noting_query_names(client, reverse("disclosure:search"))
    assert response.status_code == 200
    assert {"q", "kind", "department"} <= asked


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
def test_hostile_input_is_refused_without_a_500(site, settings, name):
    media, who, args, clients = site
    settings.MEDIA_ROOT = media
    settings.DISCLOSURE_REQUESTS_OFFICE = HANDLING_UNIT
    page = _page(reverse(name, args=args.get(name, ())), clients)
    roles = sorted(page.forms) or list(ROLES)
    if page.reads:
        with transaction.atomic():
            for value in PASSING:
                response = clients[roles[0]].get(page.url, dict.fromkeys(page.reads, value))
                _content(response)
                assert response.status_code < 500, value
            transaction.set_rollback(True)

    @CRAWL_SETTINGS
    @given(data=st.data())
    def crawl(data):
        role = data.draw(st.sampled_from(roles), label="role")
        with transaction.atomic():
            client = _client(who[role])
            before, files = _stored(), stored_files(media)
            response = client.get(page.url, data.draw(query_of(page.reads), label="query"))
            _content(response)
            assert response.status_code < 500
            if response.status_code >= 400:
                assert _stored() == before
            for form in page.forms.get(role, []):
                submission = data.draw(submission_of(form), label=f"{form.method} {form.action}")
                if form.method == "post":
                    response = client.post(form.action, submission)
                else:
                    response = client.get(form.action, submission)
                _content(response)
                assert response.status_code < 500, form.action
                if form.method == "post" and _refused(response):
                    assert _stored() == before, form.action
                    assert stored_files(media) == files, form.action
                else:
                    before, files = _stored(), stored_files(media)
            transaction.set_rollback(True)

    crawl()

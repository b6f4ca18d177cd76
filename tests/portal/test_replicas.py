"""Reads from a read replica: which requests may, and that writes and transactions never do."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve

from petitions.models import Category
from portal import replicas

router = replicas.ReplicaRouter()


def request_for(path: str, *, method: str = "get", cookies: dict | None = None):
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies or {})
    request.resolver_match = resolve(path)
    request.user = AnonymousUser()
    return request


def test_reads_go_to_the_primary_outside_a_replica_block():
    assert router.db_for_read(Category) is None


def test_reads_go_to_the_replica_inside_a_replica_block():
    with replicas.replica_reads():
        assert router.db_for_read(Category) == "replica"


@pytest.mark.django_db
def test_reads_inside_a_transaction_stay_on_the_primary():
    with replicas.replica_reads(), transaction.atomic():
        assert router.db_for_read(Category) == "default"


def test_writes_and_migrations_never_go_to_the_replica():
    with replicas.replica_reads():
        assert router.db_for_write(Category) == "default"
    assert router.allow_migrate("replica", "petitions") is False
    assert router.allow_migrate("default", "petitions") is True


def test_an_anonymous_public_page_reads_from_the_replica():
    assert replicas.reads_from_replica(request_for("/"))


def test_a_visitor_with_a_session_reads_from_the_primary():
    assert not replicas.reads_from_replica(request_for("/", cookies={"sessionid": "x"}))


def test_a_post_reads_from_the_primary():
    assert not replicas.reads_from_replica(request_for("/", method="post"))


def test_a_dashboard_reads_from_the_replica_with_a_session():
    request = request_for("/supervision/", cookies={"sessionid": "x"})
    assert replicas.reads_from_replica(request)


def test_a_citizens_own_page_reads_from_the_primary():
    request = request_for("/account/", cookies={"sessionid": "x"})
    assert not replicas.reads_from_replica(request)


def test_the_middleware_runs_the_view_in_a_replica_block_and_ends_it(monkeypatch):
    monkeypatch.setattr(replicas, "replica_configured", lambda: True)
    seen = []

    def view(request):
        seen.append(router.db_for_read(Category))
        return HttpResponse()

    request = request_for("/supervision/", cookies={"sessionid": "x"})
    middleware = replicas.ReplicaReadsMiddleware(
        lambda req: middleware.process_view(req, view, (), {}) or view(req)
    )
    middleware(request)
    assert seen == ["replica"]
    assert router.db_for_read(Category) is None

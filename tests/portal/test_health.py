"""/healthz: the database, the cache and the broker each named, within a second, without secrets."""

import socket
import time

import pytest
from django.db.utils import OperationalError

from portal import maintenance
from portal.celery import app as celery_app
from portal.views import health
from tests.processes import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(monkeypatch):
    """Point the broker somewhere for one test."""

    def point(url: str) -> None:
        monkeypatch.setattr(celery_app.conf, "broker_url", url)

    return point


@pytest.fixture
def redis_cache(settings):
    """Point the cache at a Redis URL for one test."""

    def point(url: str) -> None:
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        }

    return point


@pytest.fixture
def silent_server():
    """A port that accepts connections and never answers: a hung Redis."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


def test_healthz_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "maintenance": False,
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }


def test_maintenance_is_degraded_not_down(client, settings):
    settings.MAINTENANCE = True
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["maintenance"] is True


def test_a_stopped_redis_cache_is_down_and_the_site_degraded_within_a_second(client, redis_cache):
    redis_cache(f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 1
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "down"


def test_a_hung_cache_and_broker_still_answer_within_a_second(
    client, redis_cache, broker, silent_server
):
    redis_cache(silent_server)
    broker(silent_server)
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 1
    assert response.json()["checks"] == {"database": "ok", "cache": "down", "broker": "down"}


def test_a_stopped_broker_is_down_and_named(client, broker):
    broker(f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "down"
    assert response.json()["status"] == "degraded"


def test_an_unreachable_database_is_down_with_503(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["checks"]["database"] == "down"


def test_a_write_the_database_refused_shows_as_read_only_for_a_while(client):
    maintenance.refusals.note()
    try:
        response = client.get("/healthz")
    finally:
        maintenance.refusals.forget()
    assert response.json()["checks"]["database"] == "read-only"
    assert response.json()["status"] == "degraded"


def test_the_answer_names_no_address(client, broker):
    port = free_port()
    broker(f"redis://:secret@127.0.0.1:{port}/0")
    body = client.get("/healthz").content.decode()
    assert str(port) not in body and "secret" not in body and "127.0.0.1" not in body


def test_the_configured_broker_is_reached():
    assert health.broker_state() == "ok"

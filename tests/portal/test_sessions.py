"""Sessions read from the cache and kept in the database (issue 21): a Redis outage logs no one
out, and a session ended during the outage does not come back from Redis afterwards."""

import shutil
import time

import pytest
import redis
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from portal import cache as portal_cache
from tests.factories import CitizenFactory
from tests.processes import RedisServer

pytestmark = pytest.mark.django_db

CACHED_DB = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = CACHED_DB


def _signed_in(citizen) -> Client:
    client = Client()
    client.force_login(citizen)
    return client


def test_the_session_engine_follows_redis():
    from django.conf import settings

    from tests.conftest import redis_available

    assert (settings.SESSION_ENGINE == CACHED_DB) == bool(settings.REDIS_URL)
    assert redis_available() or settings.SESSION_ENGINE.endswith(".db")


def test_a_page_read_does_not_write_the_session(cached_sessions, django_assert_max_num_queries):
    client = _signed_in(CitizenFactory(password=None))
    client.get(reverse("portal:account"))
    with django_assert_max_num_queries(20) as captured:
        client.get(reverse("portal:account"))
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]


def test_a_signed_in_citizen_stays_signed_in_while_redis_is_down(cached_sessions, redis_down):
    citizen = CitizenFactory(password=None)
    client = _signed_in(citizen)
    cache.clear()  # nothing of the session in this process's memory: read from the database
    answer = client.get(reverse("portal:account"))
    assert answer.status_code == 200
    assert citizen.display_name in answer.content.decode()
    assert portal_cache.cache_degraded()


def test_signing_out_while_redis_is_down_ends_the_session(cached_sessions, redis_down):
    client = _signed_in(CitizenFactory(password=None))
    client.post(reverse("portal:logout"))
    assert not Session.objects.exists()
    assert client.get(reverse("portal:account")).status_code == 302


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs the redis-server program")
def test_a_session_ended_during_an_outage_is_not_read_from_redis_afterwards(
    cached_sessions, settings
):
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    try:
        client = _signed_in(CitizenFactory(password=None))
        cookie = client.cookies["sessionid"].value
        assert client.get(reverse("portal:account")).status_code == 200  # now held in Redis
        # Redis stops answering for a while but keeps what it holds (a partition, not a restart).
        redis.Redis.from_url(server.url).client_pause(1500)
        client.post(reverse("portal:logout"))  # deleted from the database and from memory
        assert portal_cache.cache_degraded()
        time.sleep(1.6)
        caches["default"].circuit.reset()  # Redis's turn again, without waiting for the retry
        thief = Client()
        thief.cookies["sessionid"] = cookie
        assert thief.get(reverse("portal:account")).status_code == 302
        assert not portal_cache.cache_degraded()
    finally:
        server.stop()

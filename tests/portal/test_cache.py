"""The shared cache when Redis is down: every caller keeps working, from this process's memory."""

import datetime
import logging
import shutil

import pytest
import redis
from django.core.cache import cache

from portal import cache as portal_cache
from portal import ratelimit, workdays
from tests.processes import RedisServer, wait_until


def test_a_read_misses_instead_of_failing(redis_down):
    assert cache.get("portal:test:absent", "fallback") == "fallback"
    assert portal_cache.cache_degraded()


def test_a_value_stored_during_the_outage_is_read_back_in_this_process(redis_down):
    cache.set("portal:test:kept", [1, 2])
    assert cache.get("portal:test:kept") == [1, 2]
    assert cache.get_or_set("portal:test:computed", lambda: "built") == "built"


def test_one_warning_per_outage(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.circuit"):
        for _ in range(5):
            cache.get("portal:test:absent")
    [warning] = caplog.records
    assert "unavailable" in warning.getMessage()


def test_calls_during_the_outage_do_not_try_redis_each_time(redis_down, monkeypatch):
    attempts = []
    connect = redis.connection.Connection._connect

    def counted(self):
        attempts.append(1)
        return connect(self)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counted)
    for _ in range(20):
        cache.get("portal:test:absent")
    assert len(attempts) == 1


def test_rate_limits_count_in_this_process(redis_down):
    assert [ratelimit.hit("t:down", 60) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.attempts("t:down", 60) == 3


@pytest.mark.django_db
def test_working_days_come_from_the_database(redis_down):
    # Wednesday 30 Sep 2026 + 1 working day: the National Day break (1-7 Oct) is off; a
    # weekends-only fallback would answer Thursday 1 Oct.
    start = datetime.datetime(2026, 9, 30, 12, tzinfo=datetime.UTC)
    assert not workdays.is_working_day(datetime.date(2026, 10, 1))
    assert workdays.add_working_days(start, 1).date() == datetime.date(2026, 10, 8)


@pytest.mark.django_db
def test_a_calendar_edit_during_the_outage_is_accepted(redis_down):
    workdays.calendar_changed()
    workdays.calendar_changed()
    assert workdays.is_working_day(datetime.date(2026, 10, 12))


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs the redis-server program")
def test_redis_is_used_again_once_it_answers(settings, monkeypatch):
    monkeypatch.setattr(portal_cache, "RETRY_AFTER", 0.2)
    server = RedisServer()
    settings.CACHES = {
        "default": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": server.url}
    }
    assert cache.get("portal:test:shared", "missed") == "missed"
    server.start()
    try:
        # Django's key for it; integers are stored as they are.
        redis.Redis.from_url(server.url).set(":1:portal:test:shared", 7)
        assert wait_until(lambda: cache.get("portal:test:shared") == 7, 2)
        assert not portal_cache.cache_degraded()
    finally:
        server.stop()

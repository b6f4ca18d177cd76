"""Fixtures for the whole suite: eager Celery, a clean cache, uploads in a temporary folder,
and skips that say why when PostgreSQL or Redis is not there."""

import os

import pytest
from celery.result import allow_join_result
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from portal import notifications, workdays
from portal.celery import app as celery_app
from tests import flush
from tests.factories import PASSWORD  # noqa: F401 - re-exported for tests
from tests.processes import free_port

# Argon2 costs about a quarter of a second per hash here, and every user a test makes or signs in
# pays it; the test that the product stores Argon2 hashes sets it back for itself.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Django truncates all ~160 tables after each transactional test, ~9 s on PostgreSQL; deleting
# the rows of the tables the test filled leaves the same empty database in about a second.
flush.install()


def _redis_url() -> str:
    return os.environ.get("REDIS_URL", "")


def redis_available() -> bool:
    url = _redis_url()
    if not url:
        return False
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except Exception:
        return False


def pytest_collection_modifyitems(config, items):
    has_redis = redis_available()
    for item in items:
        if "redis" in item.keywords and not has_redis:
            item.add_marker(
                pytest.mark.skip(reason="needs Redis: REDIS_URL is unset or Redis does not answer")
            )


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if "postgres" in request.keywords and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: DATABASE_URL does not point at one")


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language: a request in English leaves the thread in it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _eager_celery():
    """Run tasks in-process; the Redis tests switch this off to cross a real broker."""
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    # A test that stopped a broker must not leave later tests' hand-offs skipped.
    notifications.broker_circuit.reset()
    # Eager tasks run in threads by the concurrency tests can leave Celery's process-wide "inside
    # a task" flag set (each restores the value it read), and `.get()` then refuses to wait.
    with allow_join_result():
        yield
    celery_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    # A manifest left by `make run` may predate new static files: tests never depend on it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SMS_BACKEND = "memory"
    settings.STAFF_HOSTS = []
    cache.clear()
    yield
    # The table may have been rolled back under this process's copy of it.
    workdays.forget_calendar()


@pytest.fixture
def redis_down(settings):
    """The cache points at a Redis that does not answer (a port nothing listens on)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    workdays.forget_calendar()


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    lines = [
        f"database: {engine}"
        + ("" if engine == "postgresql" else " (tests marked 'postgres' are skipped)")
    ]
    lines.append(
        "redis: "
        + ("available" if redis_available() else "not available (tests marked 'redis' are skipped)")
    )
    return lines

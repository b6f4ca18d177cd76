"""Health for load balancers and operators: the database, the cache and the broker, each checked
with a short timeout, and one overall status.

`ok`: everything answers. `degraded`: the site still serves reads but something is off (the cache
or the broker is down: writes still work, through the database and the outbox; or writes are
refused: maintenance, a read-only database). `down` (HTTP 503): the database cannot be reached.
The body names no host, address or error text.
"""

import os
from concurrent.futures import ThreadPoolExecutor

import redis
from django.conf import settings
from django.db import Error, connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portal import maintenance
from portal.celery import app as celery_app

# Seconds each check may take: the whole answer comes well within a second.
CHECK_TIMEOUT = 0.5
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")

OK = "ok"
DOWN = "down"
READ_ONLY = "read-only"


def database_state() -> str:
    """Return ok, read-only (it refuses writes) or down (it does not answer)."""
    try:
        read_only = (
            postgres_read_only() if connection.vendor == "postgresql" else sqlite_read_only()
        )
    except Error:
        return DOWN
    # A full disk shows only when a write fails: the middleware remembers it for a minute.
    return READ_ONLY if read_only or maintenance.refusals.recent() else OK


def postgres_read_only() -> bool:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL statement_timeout = {int(CHECK_TIMEOUT * 1000)}")
        # "on" on a hot standby and under default_transaction_read_only.
        cursor.execute("SELECT current_setting('transaction_read_only')")
        read_only = cursor.fetchone()[0] == "on"
        # Nothing to keep: rolling back also undoes the SET LOCAL inside a test's transaction.
        transaction.set_rollback(True)
    return read_only


def sqlite_read_only() -> bool:
    # No transaction: SQLite's would take the write lock, and wait behind any writer.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    name = str(connection.settings_dict["NAME"])
    return os.path.exists(name) and not os.access(name, os.W_OK)


def redis_answers(url: str) -> bool:
    client = redis.Redis.from_url(
        url, socket_connect_timeout=CHECK_TIMEOUT, socket_timeout=CHECK_TIMEOUT
    )
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def cache_state() -> str:
    config = settings.CACHES["default"]
    location = config.get("LOCATION", "")
    locations = [location] if isinstance(location, str) else list(location)
    if locations and all(url.startswith(REDIS_SCHEMES) for url in locations):
        # Straight to the server: the cache backend itself hides an outage behind a fallback.
        return OK if all(redis_answers(url) for url in locations) else DOWN
    return OK


def broker_state() -> str:
    url = celery_app.conf.broker_url
    if url.startswith(REDIS_SCHEMES):
        return OK if redis_answers(url) else DOWN
    try:
        with celery_app.connection_for_write(connect_timeout=CHECK_TIMEOUT) as conn:
            conn.ensure_connection(max_retries=0, timeout=CHECK_TIMEOUT)
    except Exception:
        # Whatever the transport raises, the broker did not take a connection.
        return DOWN
    return OK


def overall(checks: dict[str, str]) -> str:
    if checks["database"] == DOWN:
        return DOWN
    if settings.MAINTENANCE or any(state != OK for state in checks.values()):
        return "degraded"
    return OK


@never_cache
def healthz(request):
    # The cache and the broker are asked at the same time, the database meanwhile.
    with ThreadPoolExecutor(max_workers=2) as pool:
        cache = pool.submit(cache_state)
        broker = pool.submit(broker_state)
        checks = {"database": database_state()}
        checks |= {"cache": cache.result(), "broker": broker.result()}
    status = overall(checks)
    return JsonResponse(
        {"status": status, "maintenance": settings.MAINTENANCE, "checks": checks},
        status=503 if status == DOWN else 200,
    )

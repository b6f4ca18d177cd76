"""Django set up for the in-process profilers (`bench/profile_*.py`): DEBUG off, the test
client's host, plain static files, and the calling script as the URLconf; and `replay`, which
times a request's statements with nothing of Django in front of them."""

import os
import statistics
import time

import django
from django.conf import settings


def setup(urlconf: str, *, unlimited_posts: bool = False) -> None:
    """Configure and set up Django; `unlimited_posts` lifts the hourly limits, as the HTTP
    bench's server does (one address posts far more often than a citizen would)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.ROOT_URLCONF = urlconf
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if unlimited_posts:
        for name in [name for name in dir(settings) if name.endswith("_PER_HOUR")]:
            setattr(settings, name, 10**9)
        settings.EVALUATION_ANONYMOUS_RATE = (10**9, 3600)
    django.setup()


def replay(statements: list[str], repeat: int) -> float:
    """Median ms of sending `statements` as captured (their values written in), straight to
    psycopg in one transaction that is rolled back, so that INSERTs can be sent again; the
    commit, which a write has once, is not in it."""
    from django.db import connection

    raw = connection.connection  # psycopg's own connection, in autocommit as Django keeps it
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.execute("BEGIN")
            for sql in statements:
                cursor.execute(sql)
            cursor.execute("ROLLBACK")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000

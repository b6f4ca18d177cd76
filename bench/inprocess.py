"""Django set up for the in-process profilers (`bench/profile_*.py`): DEBUG off, the test
client's host, plain static files, and the calling script as the URLconf."""

import os

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

"""Settings of a portal that a fault test serves with gunicorn: the project's own, with static
files found where they are (a fresh checkout has run no `collectstatic`)."""

from portal.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

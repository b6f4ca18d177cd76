"""System checks that `manage.py check --deploy` runs before going live."""

from django.conf import settings
from django.core.checks import Error, Tags, register

# Keys that are published with the project (docker-compose.yml's example) or look like one.
PLACEHOLDER_MARKS = ("change-me", "changeme", "django-insecure", "secret-key", "example")


@register(Tags.security, deploy=True)
def check_secret_key_is_not_an_example(app_configs, **kwargs):
    """Refuse a SECRET_KEY copied from an example: it signs sessions and query-code digests."""
    key = settings.SECRET_KEY.lower()
    if any(mark in key for mark in PLACEHOLDER_MARKS):
        return [
            Error(
                "SECRET_KEY is an example value.",
                hint="Set SECRET_KEY to a long random string (python -c 'import secrets; "
                "print(secrets.token_urlsafe(50))'), never the one in docker-compose.yml.",
                id="portal.E001",
            )
        ]
    return []

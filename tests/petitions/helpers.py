"""Helpers the petitions tests share."""

from portal.models import OutboxMessage


def texts_to(mobile: str) -> list[str]:
    """The SMS bodies queued for a number (sent by Celery after commit)."""
    return list(
        OutboxMessage.objects.filter(channel="sms", address=mobile).values_list("body", flat=True)
    )

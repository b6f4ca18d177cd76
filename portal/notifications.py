"""Notifications: the in-portal inbox (站内信), SMS (短信) and e-mail.

The inbox row is written at once. SMS and e-mail are written to the outbox in the caller's
transaction and handed to Celery after commit: a broker outage delays a message but never loses
it and never fails the request that caused it (the beat flush picks it up later).
"""

import logging
from collections.abc import Iterable

from django.db import transaction

from portal.models import InboxMessage, OutboxMessage, User

log = logging.getLogger(__name__)


def _absolute(url: str) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def notify(
    recipients: Iterable[User],
    *,
    subject: str,
    body: str,
    url: str = "",
    sms: bool = True,
    email: bool = True,
) -> None:
    """Tell users something: an inbox message each, and an SMS and e-mail where they gave the address."""
    recipients = list(recipients)
    InboxMessage.objects.bulk_create(
        [InboxMessage(recipient=user, subject=subject, body=body, url=url) for user in recipients]
    )
    link = f"\n{_absolute(url)}" if url else ""
    outgoing = []
    for user in recipients:
        if sms and user.mobile:
            outgoing.append(
                OutboxMessage(
                    channel=OutboxMessage.Channel.SMS,
                    recipient=user,
                    address=user.mobile,
                    body=f"{subject}：{body}{link}",
                )
            )
        if email and user.email:
            outgoing.append(
                OutboxMessage(
                    channel=OutboxMessage.Channel.EMAIL,
                    recipient=user,
                    address=user.email,
                    subject=subject,
                    body=f"{body}{link}",
                )
            )
    _queue(outgoing)


def notify_contact(*, mobile: str = "", email: str = "", subject: str, body: str) -> None:
    """Tell someone without an account (a caller, an anonymous complainant who left a phone)."""
    outgoing = []
    if mobile:
        outgoing.append(
            OutboxMessage(
                channel=OutboxMessage.Channel.SMS, address=mobile, body=f"{subject}：{body}"
            )
        )
    if email:
        outgoing.append(
            OutboxMessage(
                channel=OutboxMessage.Channel.EMAIL, address=email, subject=subject, body=body
            )
        )
    _queue(outgoing)


def _queue(messages: list[OutboxMessage]) -> None:
    if not messages:
        return
    created = OutboxMessage.objects.bulk_create(messages)
    ids = [message.pk for message in created]
    transaction.on_commit(lambda: hand_off(ids))


def hand_off(ids: list[int]) -> None:
    """Give messages to the broker; if it is down they wait in the outbox for the beat flush."""
    from portal.tasks import deliver_outbox_message

    for message_id in ids:
        try:
            deliver_outbox_message.apply_async((message_id,), retry=False)
        except Exception as error:  # the broker's errors vary by transport
            log.warning(
                "outbox message %s waits for the flush: broker unavailable (%s)",
                message_id,
                type(error).__name__,
            )
            return

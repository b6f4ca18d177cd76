"""Notifications: the in-portal inbox (站内信), SMS (短信) and e-mail.

The inbox row is written at once. SMS and e-mail are written to the outbox in the caller's
transaction and handed to Celery after commit: a broker outage delays a message but never loses
it and never fails the request that caused it (the beat flush picks it up later).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal import shell
from portal.circuit import Circuit
from portal.models import InboxMessage, OutboxMessage, User
from portal.texts import Coded

# Seconds a hand-off may wait on the broker before the message is left to the flush.
HAND_OFF_TIMEOUT = 0.5
# Seconds during which hand-offs are skipped after one failed; the flush runs every minute.
BROKER_RETRY_AFTER = 30
broker_circuit = Circuit("broker (outbox hand-off)", retry_after=BROKER_RETRY_AFTER)

# The inbox and outbox rows written inside `batched`; None outside a batch.
_batch: ContextVar[tuple[list, list] | None] = ContextVar("notification_batch", default=None)


@contextmanager
def batched() -> Iterator[None]:
    """Write the notifications sent inside the block at its end: one INSERT of inbox rows and one
    of outbox rows, however many `notify` calls and recipients, and one hand-off after commit.

    Use it inside the transaction; a nested block leaves the rows to the outermost one.
    """
    if _batch.get() is not None:
        yield
        return
    token = _batch.set(([], []))
    try:
        yield
        inbox, outbox = _batch.get()
    finally:
        _batch.reset(token)
    _store_inbox(inbox)
    _queue(outbox)


def _store_inbox(inbox: list[InboxMessage]) -> None:
    InboxMessage.objects.bulk_create(inbox)
    # The recipients' navigation badges count them from now on.
    shell.forget_unread(message.recipient_id for message in inbox)


def _write(inbox: list[InboxMessage], outbox: list[OutboxMessage]) -> None:
    pending = _batch.get()
    if pending is None:
        _store_inbox(inbox)
        _queue(outbox)
        return
    pending[0].extend(inbox)
    pending[1].extend(outbox)


def _absolute(url: str) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def _default_language(*texts: Coded) -> list[str]:
    """The texts in the default language: what the inbox keeps as fallback and SMS/e-mail carry.

    The portal has no per-user language, so SMS and e-mail go out in the default language
    whatever the language of whoever triggered them.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return [text.render() for text in texts]


def _sms(subject: str, body: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("%(subject)s：%(body)s") % {"subject": subject, "body": body}


def notify(
    recipients: Iterable[User],
    *,
    subject: Coded,
    body: Coded,
    url: str = "",
    sms: bool = True,
    email: bool = True,
) -> None:
    """Tell users something: an inbox message each, and an SMS and e-mail where they gave the address.

    Subject and body are coded texts (`portal.texts.coded`): the inbox renders them in the
    reader's language.
    """
    recipients = list(recipients)
    subject_text, body_text = _default_language(subject, body)
    inbox = [
        InboxMessage(
            recipient=user,
            subject=subject_text[:200],
            body=body_text,
            subject_code=subject.code,
            subject_params=subject.stored(),
            body_code=body.code,
            body_params=body.stored(),
            url=url,
        )
        for user in recipients
    ]
    link = f"\n{_absolute(url)}" if url else ""
    outgoing = []
    for user in recipients:
        if sms and user.mobile:
            outgoing.append(
                OutboxMessage(
                    channel=OutboxMessage.Channel.SMS,
                    recipient=user,
                    address=user.mobile,
                    body=f"{_sms(subject_text, body_text)}{link}",
                )
            )
        if email and user.email:
            outgoing.append(
                OutboxMessage(
                    channel=OutboxMessage.Channel.EMAIL,
                    recipient=user,
                    address=user.email,
                    subject=subject_text,
                    body=f"{body_text}{link}",
                )
            )
    _write(inbox, outgoing)


def notify_contact(*, mobile: str = "", email: str = "", subject: Coded, body: Coded) -> None:
    """Tell someone without an account (a caller, an anonymous complainant who left a phone)."""
    subject_text, body_text = _default_language(subject, body)
    outgoing = []
    if mobile:
        outgoing.append(
            OutboxMessage(
                channel=OutboxMessage.Channel.SMS,
                address=mobile,
                body=_sms(subject_text, body_text),
            )
        )
    if email:
        outgoing.append(
            OutboxMessage(
                channel=OutboxMessage.Channel.EMAIL,
                address=email,
                subject=subject_text,
                body=body_text,
            )
        )
    _write([], outgoing)


def _queue(messages: list[OutboxMessage]) -> None:
    if not messages:
        return
    created = OutboxMessage.objects.bulk_create(messages)
    ids = [message.pk for message in created]
    transaction.on_commit(lambda: hand_off(ids))


def hand_off(ids: list[int]) -> None:
    """Give messages to the broker; if it is down they wait in the outbox for the beat flush.

    This runs in the request that caused the messages, so it never waits on a broker that is
    down: one attempt on a fresh connection with a short timeout and no retries, and after a
    failure none at all for `BROKER_RETRY_AFTER` seconds.
    """
    from portal.celery import app
    from portal.tasks import batches, deliver_outbox_message

    if not ids or not broker_circuit.allows():
        return
    connection = app.connection_for_write(
        connect_timeout=HAND_OFF_TIMEOUT,
        transport_options={
            "max_retries": 0,
            "socket_connect_timeout": HAND_OFF_TIMEOUT,
            "socket_timeout": HAND_OFF_TIMEOUT,
        },
    )
    try:
        with connection:
            for batch in batches(ids):
                deliver_outbox_message.apply_async(batch, connection=connection, retry=False)
    except Exception as error:  # the broker's errors vary by transport
        broker_circuit.failed(error)
        return
    broker_circuit.succeeded()


def broker_degraded() -> bool:
    """Whether hand-offs are being skipped because the broker did not answer the last one."""
    return broker_circuit.is_open

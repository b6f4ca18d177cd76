"""Background work of the portal shell: delivering the outbox (SMS, e-mail)."""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from portal import phone_codes, snapshots
from portal.models import OutboxMessage
from portal.sms import send_sms

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A message still SENDING after this long was interrupted mid-send (worker killed). Whether it
# left is unknown, so it is not sent again automatically: at most once beats twice for an SMS.
SENDING_TIMEOUT = timedelta(minutes=15)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=2**attempts)


@shared_task(ignore_result=True)
def deliver_outbox_message(message_id: int) -> None:
    """Send one outbox message, at most once; on failure schedule the next attempt."""
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(
        pk=message_id, status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now
    ).update(status=OutboxMessage.Status.SENDING, attempts=F("attempts") + 1, claimed_at=now)
    if not claimed:
        return
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        if message.channel == OutboxMessage.Channel.SMS:
            send_sms(message.address, message.body)
        else:
            send_mail(message.subject, message.body, None, [message.address])
    except Exception as error:
        failed = message.attempts >= MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message_id).update(
            status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.PENDING,
            next_attempt_at=timezone.now() + _backoff(message.attempts),
            last_error=f"{type(error).__name__}: {error}"[:300],
        )
        log.warning(
            "outbox message %s failed (attempt %s): %s",
            message_id,
            message.attempts,
            type(error).__name__,
        )
        return
    OutboxMessage.objects.filter(pk=message_id).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now()
    )


@shared_task(ignore_result=True)
def flush_outbox(limit: int = 500) -> int:
    """Hand due messages to the workers: those whose first hand-off failed, and retries."""
    now = timezone.now()
    OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENDING, claimed_at__lte=now - SENDING_TIMEOUT
    ).update(
        status=OutboxMessage.Status.FAILED,
        last_error="interrupted while sending; check before retrying",
    )
    due = list(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    for message_id in due:
        deliver_outbox_message.delay(message_id)
    return len(due)


@shared_task(ignore_result=True)
def refresh_snapshots() -> None:
    """Recompute the materialised figures the public pages read (`portal.snapshots`)."""
    snapshots.refresh()


@shared_task(ignore_result=True)
def purge_phone_codes() -> int:
    """Delete the SMS verification codes that expired over a day ago (`portal.phone_codes`)."""
    return phone_codes.phone_codes_purge()

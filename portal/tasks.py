"""Background work of the portal shell: delivering the outbox (SMS, e-mail)."""

import logging
from collections.abc import Iterator
from datetime import timedelta

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal import phone_codes, snapshots
from portal.models import OutboxMessage
from portal.sms import send_sms

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# Messages per delivery task: a sweep's thousands of notices leave in hundreds of tasks.
DELIVERY_BATCH = 50
# A message still SENDING after this long was interrupted mid-send (worker killed). Whether it
# left is unknown, so it is not sent again automatically: at most once beats twice for an SMS.
SENDING_TIMEOUT = timedelta(minutes=15)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=2**attempts)


def batches(ids: list[int]) -> Iterator[tuple[int, ...]]:
    """The ids in groups of at most DELIVERY_BATCH, one delivery task each."""
    for start in range(0, len(ids), DELIVERY_BATCH):
        yield tuple(ids[start : start + DELIVERY_BATCH])


@shared_task(ignore_result=True)
def deliver_outbox_message(*message_ids: int) -> None:
    """Send outbox messages (one, or a batch), each at most once; on failure schedule its next
    attempt.

    A batch costs a few statements, not three per message: one claim (committed before anything
    is sent) and one UPDATE marking the sent ones. A worker killed mid-batch leaves the batch's
    claimed messages SENDING, which `flush_outbox` flags as interrupted (whether they left is
    unknown), as it does the one message in flight.
    """
    now = timezone.now()
    with transaction.atomic():
        # SKIP LOCKED: another worker handed the same id (a flush) keeps its claim.
        claimed = list(
            OutboxMessage.objects.filter(
                pk__in=message_ids, status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now
            )
            .select_for_update(skip_locked=True)
            .order_by("pk")
        )
        if not claimed:
            return
        OutboxMessage.objects.filter(pk__in=[message.pk for message in claimed]).update(
            status=OutboxMessage.Status.SENDING, attempts=F("attempts") + 1, claimed_at=now
        )
    sent = []
    for message in claimed:
        message.attempts += 1
        try:
            if message.channel == OutboxMessage.Channel.SMS:
                send_sms(message.address, message.body)
            else:
                send_mail(message.subject, message.body, None, [message.address])
        except Exception as error:
            _failed(message, error)
            continue
        sent.append(message.pk)
    if sent:
        OutboxMessage.objects.filter(pk__in=sent).update(
            status=OutboxMessage.Status.SENT, sent_at=timezone.now()
        )


def _failed(message: OutboxMessage, error: Exception) -> None:
    failed = message.attempts >= MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.PENDING,
        next_attempt_at=timezone.now() + _backoff(message.attempts),
        last_error=f"{type(error).__name__}: {error}"[:300],
    )
    log.warning(
        "outbox message %s failed (attempt %s): %s",
        message.pk,
        message.attempts,
        type(error).__name__,
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
    for batch in batches(due):
        deliver_outbox_message.delay(*batch)
    return len(due)


@shared_task(ignore_result=True)
def refresh_snapshots() -> None:
    """Recompute the materialised figures the public pages read (`portal.snapshots`)."""
    snapshots.refresh()


@shared_task(ignore_result=True)
def purge_phone_codes() -> int:
    """Delete the SMS verification codes that expired over a day ago (`portal.phone_codes`)."""
    return phone_codes.phone_codes_purge()

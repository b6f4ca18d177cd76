"""The message's answer clock: one per message, kept by supervision.

When the office routes or forwards a message, or a message becomes a complaint, the clock is
carried to the new holder: the old one stops and the new one counts from the same start, so the
time the citizen has already waited is never lost.
"""

from datetime import datetime

from django.conf import settings

from petitions.models import Message
from petitions.services.messages.notices import message_label, staff_url
from petitions.services.routing import hotline_department
from portal.models import Department, User
from supervision import services as supervision
from supervision.models import Clock

KIND = "petitions.message_reply"


def reply_limit(category: str) -> int:
    """Return the answer limit of a message category in working days (setting, then override)."""
    return settings.PETITIONS_MESSAGE_REPLY_LIMITS.get(
        category, settings.PETITIONS_MESSAGE_REPLY_WORKDAYS
    )


def clock_carry(
    clock: Clock | None,
    *,
    kind: str,
    subject_ref: str,
    subject_label: str,
    subject_url: str,
    department: Department,
    limit: int,
    unit: str,
    actor: User | None,
    at: datetime,
    started_at: datetime | None = None,
) -> Clock:
    """Stop `clock` (if running) at `at` and start its successor from the same start (or from
    `started_at`, when the waiting began before the clock did)."""
    if started_at is None:
        started_at = clock.started_at if clock is not None else at
    if clock is not None and clock.is_open:
        supervision.clock_stop(clock=clock, actor=actor, at=at)
    return supervision.clock_start(
        kind=kind,
        subject_ref=subject_ref,
        subject_label=subject_label,
        subject_url=subject_url,
        department=department,
        responsible=None,
        limit=limit,
        unit=unit,
        started_at=started_at,
        actor=actor,
    )


def carry_message_clock(message: Message, *, actor: User | None, at: datetime) -> None:
    """Give the message's clock to its department (or the office while unrouted); caller saves."""
    department = message.department or hotline_department()
    message.clock = clock_carry(
        message.clock,
        kind=KIND,
        subject_ref=message.number,
        subject_label=message_label(message),
        subject_url=staff_url(message),
        department=department,
        limit=reply_limit(message.category),
        unit=Clock.Unit.WORKDAYS,
        actor=actor,
        at=at,
    )


def stop_message_clock(message: Message, *, actor: User | None, at: datetime) -> None:
    if message.clock_id is not None and message.clock.is_open:
        supervision.clock_stop(clock=message.clock, actor=actor, at=at)

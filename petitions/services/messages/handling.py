"""Handling: the office routes (分办) or forwards (转办), the department answers, the office marks
spam and duplicates invalid; the daily check of the national 3-month line (国办秘函〔2019〕19号)."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Message, MessageEvent
from petitions.permissions import messages as message_permissions
from petitions.services import labels
from petitions.services.messages.clocks import carry_message_clock, stop_message_clock
from petitions.services.messages.notices import notify_author, notify_department, staff_url
from petitions.services.messages.publication import submit_for_publication
from petitions.services.routing import hotline_department
from petitions.transitions.messages import MESSAGE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from portal.texts import coded
from supervision.models import Alert
from supervision.services import alert_raise


def require_office(actor: User) -> None:
    if not message_permissions.can_route_message(actor):
        raise DomainError(_("只有热线办值班人员可以分办、转办或处理留言。"))


def check_department(department: Department | None, message: Message) -> Department:
    if department is None or not department.is_active:
        raise DomainError(_("请选择承办单位。"))
    if department.pk == message.department_id:
        raise DomainError(_("该留言已由该单位办理，请选择其他单位。"))
    return department


@transaction.atomic
def message_assign(
    *, message: Message, actor: User, department: Department, at: datetime | None = None
) -> Message:
    """The office gives a county-head mailbox message to a department; the clock goes with it."""
    require_office(actor)
    message = lock(message)
    MESSAGE_MOVES.check(message, "assign")
    department = check_department(department, message)
    now = at or timezone.now()
    message.status = Message.Status.ASSIGNED
    message.department = department
    message.assigned_at = now
    carry_message_clock(message, actor=actor, at=now)
    message.save()
    MessageEvent.record(
        message, MessageEvent.Code.ASSIGNED, actor=actor, at=now, department=department.name
    )
    notify_department(message, "petitions.message_to_answer")
    return message


@transaction.atomic
def message_forward(
    *,
    message: Message,
    actor: User,
    department: Department,
    note: str = "",
    at: datetime | None = None,
) -> Message:
    """转办: the office (or the department that has it) sends the message to another department.

    The answer clock keeps running from the message's receipt: forwarding buys no time.
    """
    message = lock(message)
    if not (
        message_permissions.can_route_message(actor)
        or message_permissions.can_answer_message(actor, message)
    ):
        raise DomainError(_("您不能转办该留言。"))
    MESSAGE_MOVES.check(message, "forward")
    department = check_department(department, message)
    now = at or timezone.now()
    previous = message.department.name
    message.department = department
    carry_message_clock(message, actor=actor, at=now)
    message.save()
    MessageEvent.record(
        message,
        MessageEvent.Code.FORWARDED,
        actor=actor,
        at=now,
        note=note.strip(),
        previous=previous,
        department=department.name,
    )
    notify_department(message, "petitions.message_forwarded")
    return message


@transaction.atomic
def message_answer(
    *, message: Message, actor: User, answer: str, at: datetime | None = None
) -> Message:
    """The department answers; the clock stops; with the author's consent the Q&A is queued
    for moderation (nothing is public before a moderator passes it)."""
    message = lock(message)
    if not message_permissions.can_answer_message(actor, message):
        raise DomainError(_("只有承办单位的工作人员可以答复该留言。"))
    MESSAGE_MOVES.check(message, "answer")
    answer = (answer or "").strip()
    if not answer:
        raise DomainError(_("请填写答复内容。"))
    now = at or timezone.now()
    message.status = Message.Status.ANSWERED
    message.answer = answer
    message.answered_at = now
    message.answered_by = actor
    stop_message_clock(message, actor=actor, at=now)
    message.save()
    MessageEvent.record(message, MessageEvent.Code.ANSWERED, actor=actor, at=now)
    submit_for_publication(message, at=now)
    notify_author(
        message,
        coded("petitions.message_answered"),
        coded("petitions.message_answered_body", department=message.department.name),
    )
    return message


@transaction.atomic
def message_mark_invalid(
    *, message: Message, actor: User, reason: str, at: datetime | None = None
) -> Message:
    """The office marks spam, abuse or a duplicate invalid (无效留言), with the reason the author is told.

    An invalid message leaves the answer statistics and the 3-month line.
    """
    require_office(actor)
    message = lock(message)
    MESSAGE_MOVES.check(message, "mark_invalid")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请填写认定为无效留言的理由。"))
    now = at or timezone.now()
    message.status = Message.Status.INVALID
    message.invalid_reason = reason[:200]
    stop_message_clock(message, actor=actor, at=now)
    message.save()
    MessageEvent.record(message, MessageEvent.Code.INVALID, actor=actor, at=now, note=reason)
    notify_author(
        message,
        coded("petitions.message_invalid"),
        coded("petitions.message_invalid_body", reason=reason),
    )
    return message


def hard_line_passed_before(now: datetime) -> datetime:
    """Return the receipt time before which a message is past the line at `now`."""
    return now - relativedelta(months=settings.PETITIONS_MESSAGE_HARD_LINE_MONTHS)


def messages_check_hard_line(*, now: datetime | None = None) -> int:
    """Raise the serious alert once for every valid message unanswered past 3 months.

    Idempotent: a message is raised once (its `hard_alert_at`, and the alert's dedup key).
    Return how many were raised now.
    """
    now = now or timezone.now()
    overdue = Message.objects.filter(
        status__in=Message.OPEN_STATUSES,
        hard_alert_at__isnull=True,
        received_at__lt=hard_line_passed_before(now),
    ).values_list("pk", flat=True)
    raised = 0
    for pk in overdue.iterator():
        with acting_as(None), transaction.atomic():
            message = (
                Message.objects.select_for_update(of=("self",))
                .select_related("department")
                .get(pk=pk)
            )
            if message.hard_alert_at is not None or not message.is_open:
                continue
            alert_raise(
                kind=Alert.Kind.MESSAGE_UNANSWERED,
                severity=Alert.Severity.SERIOUS,
                department=message.department or hotline_department(),
                subject_ref=message.number,
                subject_url=staff_url(message),
                dedup_key=f"petitions.message_unanswered:{message.number}",
                message_code=labels.MESSAGE_UNANSWERED,
                message_params={
                    "number": message.number,
                    "received": f"{timezone.localtime(message.received_at):%Y-%m-%d}",
                },
            )
            message.hard_alert_at = now
            message.save(update_fields=["hard_alert_at"])
            MessageEvent.record(message, MessageEvent.Code.HARD_LINE, at=now)
            raised += 1
    return raised

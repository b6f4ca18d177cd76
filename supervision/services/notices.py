"""Notices: departments sign for them and answer them; each is announced once to the people
it concerns (heads for urge and supervision notices, the discipline office and leaders for the
second grade, 通报). The sweep issues them (`supervision.services.sweep`); stopping their clock
closes those still open (`notices_close`)."""

import datetime
import time
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import notifications
from portal.errors import DomainError
from portal.holidays import deadline_text
from portal.locking import lock
from portal.models import User
from portal.roles import Role
from portal.texts import coded, source_text
from supervision import permissions
from supervision.models import OPEN_NOTICE_STATUSES, Clock, Notice, NoticeEvent
from supervision.services import summaries

# Notices announced per transaction: one INSERT of inbox rows and one of outbox rows for each.
NOTIFY_BATCH = 500
# Seconds one run spends announcing: under the beat's minute, so runs do not pile up.
NOTIFY_BUDGET = 50.0


def _require_answerer(actor: User, notice: Notice) -> None:
    # The views answer 404 before this; the service refuses any other caller the same way.
    if not permissions.can_answer_notice(actor, notice):
        raise DomainError(_("只有主送部门的负责人可以签收和反馈该通知。"), code="forbidden")


@transaction.atomic
def notice_acknowledge(*, notice: Notice, actor: User) -> Notice:
    """The department head signs for a notice (签收)."""
    _require_answerer(actor, notice)
    notice = lock(notice)
    if notice.status == Notice.Status.CLOSED:
        raise DomainError(_("该事项已办结，通知已关闭。"))
    if notice.status != Notice.Status.ISSUED:
        raise DomainError(_("该通知已签收。"))
    now = timezone.now()
    notice.status, notice.acknowledged_by, notice.acknowledged_at = (
        Notice.Status.ACKNOWLEDGED,
        actor,
        now,
    )
    notice.save()
    NoticeEvent.record(notice, NoticeEvent.Code.ACKNOWLEDGED, actor=actor, at=now)
    return notice


@transaction.atomic
def notice_reply(*, notice: Notice, actor: User, reply: str) -> Notice:
    """The department head answers a notice with the rectification taken (整改反馈)."""
    _require_answerer(actor, notice)
    notice = lock(notice, related=("clock",))
    if notice.status == Notice.Status.CLOSED:
        raise DomainError(_("该事项已办结，通知已关闭。"))
    if notice.status == Notice.Status.ANSWERED:
        raise DomainError(_("该通知已反馈整改情况。"))
    if not reply.strip():
        raise DomainError(_("请填写整改情况。"))
    now = timezone.now()
    if notice.acknowledged_at is None:
        notice.acknowledged_by, notice.acknowledged_at = actor, now
    notice.status, notice.reply, notice.replied_at = Notice.Status.ANSWERED, reply, now
    notice.save()
    summaries.notice_settled(notice=notice, kind=notice.clock.kind)
    NoticeEvent.record(notice, NoticeEvent.Code.REPLIED, actor=actor, at=now, note=reply)
    return notice


def notices_close(*, clock: Clock, actor: User | None, at: datetime.datetime) -> list[Notice]:
    """Close the open notices of a clock that stopped because the work is done (办结关闭).

    Answered notices keep their answer; the rest, 通报 included, close dated `at`. Called by
    `clock_stop` inside its transaction, with the clock locked.
    """
    closed = []
    for notice in Notice.objects.filter(clock=clock, status__in=OPEN_NOTICE_STATUSES):
        notice.status, notice.closed_at = Notice.Status.CLOSED, at
        notice.save()
        summaries.notice_settled(notice=notice, kind=clock.kind)
        NoticeEvent.record(notice, NoticeEvent.Code.CLOSED, actor=actor, at=at)
        closed.append(notice)
    return closed


def _recipients(batch: list[Notice]) -> dict[int, list[User]]:
    """Return who is told about each notice of a batch, by notice id, in at most two queries:
    the heads of the departments addressed; the discipline office and leaders for a 通报."""
    second_grade = {notice.pk for notice in batch if notice.level == Notice.Level.SECOND_GRADE}
    overseers = (
        list(
            User.objects.filter(
                groups__name__in=[Role.DISCIPLINE_INSPECTOR.value, Role.LEADER.value],
                is_active=True,
            ).distinct()
        )
        if second_grade
        else []
    )
    heads: dict[int, list[User]] = defaultdict(list)
    department_ids = {notice.department_id for notice in batch if notice.pk not in second_grade}
    if department_ids:
        for user in User.objects.with_role(Role.DEPARTMENT_HEAD).filter(
            department_id__in=department_ids
        ):
            heads[user.department_id].append(user)
    return {
        notice.pk: overseers if notice.pk in second_grade else heads[notice.department_id]
        for notice in batch
    }


def _notify_batch(size: int) -> int:
    """Claim up to `size` notices not yet notified and notify them, in one transaction.

    The claim (FOR UPDATE SKIP LOCKED, then one UPDATE) and the inbox and outbox rows commit
    together: a notice is announced exactly once, and a second worker takes the next notices.
    """
    with transaction.atomic(), notifications.batched():
        batch = list(
            Notice.objects.filter(notified_at__isnull=True, status__in=OPEN_NOTICE_STATUSES)
            .select_related("clock", "department")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("id")[:size]
        )
        if not batch:
            return 0
        Notice.objects.filter(pk__in=[notice.pk for notice in batch]).update(
            notified_at=timezone.now()
        )
        told = _recipients(batch)
        for notice in batch:
            clock = notice.clock
            notifications.notify(
                told[notice.pk],
                subject=coded(
                    "supervision.notice",
                    level=source_text(Notice.Level(notice.level).label),
                    number=notice.number,
                ),
                body=coded(
                    "supervision.notice_body",
                    department=notice.department.name,
                    subject=clock.subject_label,
                    ref=clock.subject_ref,
                    due=deadline_text(clock.due_at, provisional=clock.provisional),
                ),
                url=reverse("supervision:notice", args=[notice.pk]),
                email=False,
            )
    return len(batch)


def notify_pending(*, batch_size: int = NOTIFY_BATCH, budget: float = NOTIFY_BUDGET) -> int:
    """Notify each open notice not yet notified, `batch_size` at a time, until none is left or
    `budget` seconds have passed (the next run, a minute later, goes on). Return how many.

    A notice that closed before it was announced (its clock stopped after crossing the threshold
    while the sweep was down) is kept on record but not announced: there is nothing to do.
    """
    sent = 0
    deadline = time.monotonic() + budget
    while True:
        claimed = _notify_batch(batch_size)
        sent += claimed
        if claimed < batch_size or time.monotonic() >= deadline:
            return sent

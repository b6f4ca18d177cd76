"""Clocks: every pillar starts, pauses, resumes, extends, restarts and stops its deadlines here."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from supervision.models import Clock, ClockEvent
from supervision.services import notices, schedule, summaries, sweep


def _settle(clock: Clock, at: datetime.datetime) -> None:
    """Issue what a sweep at `at` would have issued before the schedule changes (see sweep)."""
    # Before its warning time a clock has crossed nothing: no statement to run.
    if clock.state == Clock.State.RUNNING and clock.warn_at < at:
        sweep.settle(clock_id=clock.pk, at=at)
        clock.refresh_from_db(fields=["light"])


def _reschedule(clock: Clock, now: datetime.datetime) -> None:
    planned = schedule.compute(
        unit=clock.unit,
        kind=clock.kind,
        total=clock.total,
        used=clock.used,
        segment_start=clock.segment_started_at,
    )
    clock.warn_at, clock.due_at = planned.warn_at, planned.due_at
    clock.escalate_at, clock.provisional = planned.escalate_at, planned.provisional
    clock.light = schedule.light_at(clock.warn_at, clock.due_at, now)


# No savepoint: a clock is started inside its pillar's transaction, and a failed start fails it.
@transaction.atomic(savepoint=False)
def clock_start(
    *,
    kind: str,
    subject_ref: str,
    subject_label: str,
    subject_url: str,
    department: Department,
    responsible: User | None,
    limit: int,
    unit: Clock.Unit | str,
    started_at: datetime.datetime | None = None,
    actor: User | None = None,
) -> Clock:
    """Start watching a deadline of `limit` units from `started_at` (counting from the next day)."""
    if limit <= 0:
        raise ValueError("a clock needs a positive limit")
    now = timezone.now()
    started_at = started_at or now
    clock = Clock(
        kind=kind,
        subject_ref=subject_ref,
        subject_label=subject_label[:200],
        subject_url=subject_url,
        department=department,
        responsible=responsible,
        limit=limit,
        unit=unit,
        started_at=started_at,
        segment_started_at=started_at,
    )
    _reschedule(clock, started_at)
    clock.save()
    summaries.clock_moved(clock=clock, before=None)
    ClockEvent.record(
        clock, ClockEvent.Code.STARTED, actor=actor, at=started_at, limit=limit, unit=str(unit)
    )
    return clock


@transaction.atomic
def clock_pause(
    *,
    clock: Clock,
    reason: Clock.PauseReason | str,
    actor: User | None,
    at: datetime.datetime | None = None,
) -> Clock:
    """Stop the clock while the law stops it (补正, 听证, 专家评审, …); the time does not count."""
    clock = lock(clock)
    if clock.state != Clock.State.RUNNING:
        raise DomainError(_("只有计时中的期限才能暂停。"))
    at = at or timezone.now()
    _settle(clock, at)
    before = summaries.position(clock)
    clock.used += schedule.elapsed(clock.unit, clock.segment_started_at, at)
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.PAUSED, at, reason
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    ClockEvent.record(clock, ClockEvent.Code.PAUSED, actor=actor, at=at, reason=str(reason))
    return clock


@transaction.atomic
def clock_resume(*, clock: Clock, actor: User | None, at: datetime.datetime | None = None) -> Clock:
    """Run the clock again with what was left of its limit."""
    clock = lock(clock)
    if clock.state != Clock.State.PAUSED:
        raise DomainError(_("只有已暂停的期限才能恢复计时。"))
    at = at or timezone.now()
    before = summaries.position(clock)
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.RUNNING, None, ""
    clock.segment_started_at = at
    _reschedule(clock, at)
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    ClockEvent.record(clock, ClockEvent.Code.RESUMED, actor=actor, at=at)
    return clock


@transaction.atomic
def clock_restart(
    *, clock: Clock, actor: User | None, at: datetime.datetime | None = None
) -> Clock:
    """Count the whole limit anew from `at` (e.g. once the requested supplement arrives)."""
    clock = lock(clock)
    if clock.state == Clock.State.STOPPED:
        raise DomainError(_("已办结的期限不能重新计时。"))
    at = at or timezone.now()
    _settle(clock, at)
    before = summaries.position(clock)
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.RUNNING, None, ""
    clock.used, clock.segment_started_at = 0, at
    _reschedule(clock, at)
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    ClockEvent.record(clock, ClockEvent.Code.RESTARTED, actor=actor, at=at)
    return clock


@transaction.atomic
def clock_extend(
    *,
    clock: Clock,
    amount: int,
    approver: User,
    reason: str,
    at: datetime.datetime | None = None,
) -> Clock:
    """Extend the limit once, with the approver and the reason on record (延长期限)."""
    clock = lock(clock)
    if clock.state == Clock.State.STOPPED:
        raise DomainError(_("已办结的期限不能延长。"))
    if clock.extension:
        raise DomainError(_("该期限已经延长过一次，不能再次延长。"))
    if amount <= 0:
        raise DomainError(_("延长的期限必须大于零。"))
    if not reason.strip():
        raise DomainError(_("延长期限必须说明理由。"))
    now = at or timezone.now()
    _settle(clock, now)
    before = summaries.position(clock)
    clock.extension, clock.extension_reason, clock.extension_approver = amount, reason, approver
    light = clock.light
    _reschedule(clock, now)
    if clock.state == Clock.State.PAUSED:
        # A paused clock keeps its light; resuming computes the new schedule from then on.
        clock.light = light
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    ClockEvent.record(
        clock, ClockEvent.Code.EXTENDED, actor=approver, at=now, note=reason, amount=amount
    )
    return clock


@transaction.atomic
def clock_stop(*, clock: Clock, actor: User | None, at: datetime.datetime | None = None) -> Clock:
    """Stop the clock because the work is done.

    Its light is settled as of `at` and then stays; its open notices close with the same date.
    """
    clock = lock(clock)
    if clock.state == Clock.State.STOPPED:
        return clock
    at = at or timezone.now()
    _settle(clock, at)
    before = summaries.position(clock)
    clock.state, clock.stopped_at, clock.paused_at = Clock.State.STOPPED, at, None
    clock.save()
    summaries.clock_moved(clock=clock, before=before)
    ClockEvent.record(clock, ClockEvent.Code.STOPPED, actor=actor, at=at)
    notices.notices_close(clock=clock, actor=actor, at=at)
    return clock

"""The supervision API every pillar calls: clocks and alerts. The only writers of this app
besides the set-based sweep (`supervision.sweep`)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.errors import DomainError
from portal.models import Department, User
from supervision import schedule
from supervision.models import Alert, Clock, ClockEvent, Notice


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


def _locked(clock: Clock) -> Clock:
    return Clock.objects.select_for_update().get(pk=clock.pk)


def _event(
    clock: Clock, code: str, actor: User | None, at: datetime.datetime, note: str = "", **data
) -> None:
    ClockEvent.objects.create(
        clock=clock, code=code, actor=actor, created_at=at, note=note, data=data
    )


@transaction.atomic
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
    _event(clock, ClockEvent.Code.STARTED, actor, started_at, limit=limit, unit=str(unit))
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
    clock = _locked(clock)
    if clock.state != Clock.State.RUNNING:
        raise DomainError(_("只有计时中的期限才能暂停。"))
    at = at or timezone.now()
    clock.used += schedule.elapsed(clock.unit, clock.segment_started_at, at)
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.PAUSED, at, reason
    clock.save()
    _event(clock, ClockEvent.Code.PAUSED, actor, at, reason=str(reason))
    return clock


@transaction.atomic
def clock_resume(*, clock: Clock, actor: User | None, at: datetime.datetime | None = None) -> Clock:
    """Run the clock again with what was left of its limit."""
    clock = _locked(clock)
    if clock.state != Clock.State.PAUSED:
        raise DomainError(_("只有已暂停的期限才能恢复计时。"))
    at = at or timezone.now()
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.RUNNING, None, ""
    clock.segment_started_at = at
    _reschedule(clock, at)
    clock.save()
    _event(clock, ClockEvent.Code.RESUMED, actor, at)
    return clock


@transaction.atomic
def clock_restart(
    *, clock: Clock, actor: User | None, at: datetime.datetime | None = None
) -> Clock:
    """Count the whole limit anew from `at` (e.g. once the requested supplement arrives)."""
    clock = _locked(clock)
    if clock.state == Clock.State.STOPPED:
        raise DomainError(_("已办结的期限不能重新计时。"))
    at = at or timezone.now()
    clock.state, clock.paused_at, clock.pause_reason = Clock.State.RUNNING, None, ""
    clock.used, clock.segment_started_at = 0, at
    _reschedule(clock, at)
    clock.save()
    _event(clock, ClockEvent.Code.RESTARTED, actor, at)
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
    clock = _locked(clock)
    if clock.state == Clock.State.STOPPED:
        raise DomainError(_("已办结的期限不能延长。"))
    if clock.extension:
        raise DomainError(_("该期限已经延长过一次，不能再次延长。"))
    if amount <= 0:
        raise DomainError(_("延长的期限必须大于零。"))
    if not reason.strip():
        raise DomainError(_("延长期限必须说明理由。"))
    now = at or timezone.now()
    clock.extension, clock.extension_reason, clock.extension_approver = amount, reason, approver
    light = clock.light
    _reschedule(clock, now)
    if clock.state == Clock.State.PAUSED:
        # A paused clock keeps its light; resuming computes the new schedule from then on.
        clock.light = light
    clock.save()
    _event(clock, ClockEvent.Code.EXTENDED, approver, now, note=reason, amount=amount)
    return clock


@transaction.atomic
def clock_stop(*, clock: Clock, actor: User | None, at: datetime.datetime | None = None) -> Clock:
    """Stop the clock because the work is done; its light stays as it was."""
    clock = _locked(clock)
    if clock.state == Clock.State.STOPPED:
        return clock
    at = at or timezone.now()
    clock.state, clock.stopped_at, clock.paused_at = Clock.State.STOPPED, at, None
    clock.save()
    _event(clock, ClockEvent.Code.STOPPED, actor, at)
    return clock


def alert_raise(
    *,
    kind: Alert.Kind | str,
    severity: Alert.Severity | str,
    department: Department | None,
    subject_ref: str,
    subject_url: str,
    message: str,
    dedup_key: str,
) -> Alert:
    """Raise an alert on the supervision dashboard; raising the same key again returns the first."""
    existing = Alert.objects.filter(dedup_key=dedup_key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Alert.objects.create(
                kind=kind,
                severity=severity,
                department=department,
                subject_ref=subject_ref,
                subject_url=subject_url,
                message=message,
                dedup_key=dedup_key,
            )
    except IntegrityError:
        # Raised at the same moment by another transaction: theirs is the alert.
        return Alert.objects.get(dedup_key=dedup_key)


@transaction.atomic
def alert_acknowledge(*, alert: Alert, actor: User) -> Alert:
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.OPEN:
        raise DomainError(_("该预警已处理过。"))
    alert.status, alert.acknowledged_by, alert.acknowledged_at = (
        Alert.Status.ACKNOWLEDGED,
        actor,
        timezone.now(),
    )
    alert.save()
    return alert


@transaction.atomic
def alert_close(*, alert: Alert, actor: User, action: Alert.Action | str, note: str) -> Alert:
    """Close an alert with the action taken (预警告知函, 限期整改, 约谈, …)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status == Alert.Status.CLOSED:
        raise DomainError(_("该预警已经处置完毕。"))
    if action not in Alert.Action.values:
        raise DomainError(_("请选择处置措施。"))
    if not note.strip():
        raise DomainError(_("请填写处置情况。"))
    now = timezone.now()
    if alert.acknowledged_at is None:
        alert.acknowledged_by, alert.acknowledged_at = actor, now
    alert.status, alert.action, alert.action_note = Alert.Status.CLOSED, action, note
    alert.closed_by, alert.closed_at = actor, now
    alert.save()
    return alert


@transaction.atomic
def notice_acknowledge(*, notice: Notice, actor: User) -> Notice:
    """The department head signs for a notice (签收)."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status != Notice.Status.ISSUED:
        raise DomainError(_("该通知已签收。"))
    notice.status, notice.acknowledged_by, notice.acknowledged_at = (
        Notice.Status.ACKNOWLEDGED,
        actor,
        timezone.now(),
    )
    notice.save()
    return notice


@transaction.atomic
def notice_reply(*, notice: Notice, actor: User, reply: str) -> Notice:
    """The department head answers a notice with the rectification taken (整改反馈)."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status == Notice.Status.ANSWERED:
        raise DomainError(_("该通知已反馈整改情况。"))
    if not reply.strip():
        raise DomainError(_("请填写整改情况。"))
    now = timezone.now()
    if notice.acknowledged_at is None:
        notice.acknowledged_by, notice.acknowledged_at = actor, now
    notice.status, notice.reply, notice.replied_at = Notice.Status.ANSWERED, reply, now
    notice.save()
    return notice


def calendar_check(*, today: datetime.date | None = None) -> list[Alert]:
    """Raise an admin alert for this year and the next while the calendar table lacks them."""
    from portal import workdays

    today = today or timezone.localdate()
    return [
        alert_raise(
            kind=Alert.Kind.CALENDAR_MISSING,
            severity=Alert.Severity.SERIOUS,
            department=None,
            subject_ref=str(year),
            subject_url="/admin/portal/calendaryear/",
            message=_(
                "%(year)d年的法定节假日和调休安排尚未载入工作日历，涉及该年的期限暂按双休日计算。请管理员载入。"
            )
            % {"year": year},
            dedup_key=f"calendar-missing:{year}",
        )
        for year in workdays.missing_years(datetime.date(today.year + 1, 12, 31))
    ]

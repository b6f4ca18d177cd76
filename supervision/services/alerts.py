"""Alerts: raised by any pillar (or the calendar check), acknowledged and closed by the
discipline office with the action taken."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import workdays
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from supervision import permissions
from supervision.models import Alert, AlertEvent


def alert_raise(
    *,
    kind: Alert.Kind | str,
    severity: Alert.Severity | str,
    department: Department | None,
    subject_ref: str,
    subject_url: str,
    dedup_key: str,
    message_code: str = "",
    message_params: dict | None = None,
    message: str = "",
    at: datetime.datetime | None = None,
) -> Alert:
    """Raise an alert on the supervision dashboard; raising the same key again returns the first.

    `at` dates an alert raised for a past move (a decision recorded with its own moment).

    The message is a code registered with `portal.texts.register_texts` and its parameters,
    rendered in each reader's language; `message` is for text that is not the system's words.
    """
    existing = Alert.objects.filter(dedup_key=dedup_key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                kind=kind,
                severity=severity,
                department=department,
                subject_ref=subject_ref,
                subject_url=subject_url,
                message=message,
                message_code=message_code,
                message_params=message_params or {},
                dedup_key=dedup_key,
                raised_at=at or timezone.now(),
            )
            AlertEvent.record(alert, AlertEvent.Code.RAISED, at=alert.raised_at)
            return alert
    except IntegrityError:
        # Raised at the same moment by another transaction: theirs is the alert.
        return Alert.objects.get(dedup_key=dedup_key)


def _require_handler(actor: User) -> None:
    # The views answer 404 before this; the service refuses any other caller the same way.
    if not permissions.can_handle_alert(actor):
        raise DomainError(_("只有纪委（效能办）可以处置预警。"), code="forbidden")


@transaction.atomic
def alert_acknowledge(*, alert: Alert, actor: User) -> Alert:
    """The discipline office takes note of an alert (知悉) before acting on it."""
    _require_handler(actor)
    alert = lock(alert)
    if alert.status != Alert.Status.OPEN:
        raise DomainError(_("该预警已处理过。"))
    now = timezone.now()
    alert.status, alert.acknowledged_by, alert.acknowledged_at = (
        Alert.Status.ACKNOWLEDGED,
        actor,
        now,
    )
    alert.save()
    AlertEvent.record(alert, AlertEvent.Code.ACKNOWLEDGED, actor=actor, at=now)
    return alert


@transaction.atomic
def alert_close(*, alert: Alert, actor: User, action: Alert.Action | str, note: str) -> Alert:
    """Close an alert with the action taken (预警告知函, 限期整改, 约谈, …)."""
    _require_handler(actor)
    alert = lock(alert)
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
    AlertEvent.record(
        alert, AlertEvent.Code.CLOSED, actor=actor, at=now, note=note, action=str(action)
    )
    return alert


CALENDAR_MISSING_MESSAGE = "supervision.calendar_missing"


def calendar_check(*, today: datetime.date | None = None) -> list[Alert]:
    """Raise an admin alert for this year and the next while the calendar table lacks them."""
    today = today or timezone.localdate()
    return [
        alert_raise(
            kind=Alert.Kind.CALENDAR_MISSING,
            severity=Alert.Severity.SERIOUS,
            department=None,
            subject_ref=str(year),
            subject_url="/admin/portal/calendaryear/",
            message_code=CALENDAR_MISSING_MESSAGE,
            message_params={"year": year},
            dedup_key=f"calendar-missing:{year}",
        )
        for year in workdays.missing_years(datetime.date(today.year + 1, 12, 31))
    ]

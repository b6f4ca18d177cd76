"""Monitors (发展环境网络监测员): appointing and ending terms, posting a monitoring report (filed as
a complaint on the `monitor` channel, so it is sorted, dispatched, answered on a clock and rated
like any complaint), and the monthly check for monitors who filed no report."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Category, Complaint, Monitor, MonitorEvent, MonitorReport
from petitions.permissions.monitors import can_manage_monitors, serving_monitor
from petitions.selectors.monitors import monitors_missing, month_first
from petitions.services import labels
from petitions.services.complaints.filing import IdentityData, complaint_file
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from portal.notifications import notify
from portal.texts import coded
from supervision.models import Alert
from supervision.services import alert_raise


def monitor_appoint(
    *,
    actor: User,
    user: User,
    term_start: datetime.date,
    term_end: datetime.date,
    at: datetime.datetime | None = None,
) -> Monitor:
    """Appoint a citizen or an enterprise as a monitor for a term (聘任).

    An earlier appointment whose term is over is closed first; one still running is refused.
    """
    if not can_manage_monitors(actor):
        raise DomainError(_("只有管理员或纪委（效能办）可以聘任监测员。"))
    if not (user.is_active and user.is_citizen):
        raise DomainError(_("只能聘任个人或企业账号为监测员。"))
    if term_end < term_start:
        raise DomainError(_("任期结束日期不能早于开始日期。"))
    at = at or timezone.now()
    with transaction.atomic():
        # The user's row serialises two appointments of the same person.
        lock(user)
        current = Monitor.objects.filter(user=user, status=Monitor.Status.ACTIVE).first()
        if current is not None:
            if current.term_end >= term_start:
                raise DomainError(
                    _("该用户已是在任监测员，任期至%(end)s。") % {"end": current.term_end}
                )
            close_term(current, actor=None, ended_on=current.term_end, at=at)
        monitor = Monitor.objects.create(
            user=user,
            kind=Monitor.Kind.ENTERPRISE
            if user.kind == User.Kind.ENTERPRISE
            else Monitor.Kind.CITIZEN,
            term_start=term_start,
            term_end=term_end,
            appointed_by=actor,
            appointed_at=at,
        )
        MonitorEvent.record(
            monitor,
            MonitorEvent.Code.APPOINTED,
            actor=actor,
            at=at,
            term_start=term_start.isoformat(),
            term_end=term_end.isoformat(),
        )
        notify(
            [user],
            subject=coded("petitions.monitor_appointed"),
            body=coded(
                "petitions.monitor_appointed_body",
                start=term_start.isoformat(),
                end=term_end.isoformat(),
            ),
            url=reverse("petitions:monitor_mine"),
            sms=False,
        )
    return monitor


def monitor_end(*, actor: User, monitor: Monitor, at: datetime.datetime | None = None) -> Monitor:
    """End a term (离任) today, or on its last day if it is already over."""
    if not can_manage_monitors(actor):
        raise DomainError(_("只有管理员或纪委（效能办）可以办理监测员离任。"))
    at = at or timezone.now()
    with transaction.atomic():
        monitor = lock(monitor)
        if monitor.status != Monitor.Status.ACTIVE:
            raise DomainError(_("该监测员已经离任。"))
        ended_on = min(timezone.localtime(at).date(), monitor.term_end)
        close_term(monitor, actor=actor, ended_on=ended_on, at=at)
        notify(
            [monitor.user],
            subject=coded("petitions.monitor_ended"),
            body=coded(
                "petitions.monitor_ended_body",
                start=monitor.term_start.isoformat(),
                end=ended_on.isoformat(),
            ),
            sms=False,
        )
    return monitor


def close_term(
    monitor: Monitor, *, actor: User | None, ended_on: datetime.date, at: datetime.datetime
) -> None:
    """Mark the appointment ended on `ended_on` with its event (inside the caller's transaction)."""
    monitor.status = Monitor.Status.ENDED
    monitor.ended_on = ended_on
    monitor.save(update_fields=["status", "ended_on"])
    MonitorEvent.record(
        monitor, MonitorEvent.Code.ENDED, actor=actor, at=at, ended_on=ended_on.isoformat()
    )


def monitor_report_file(
    *,
    actor: User,
    category: Category,
    title: str,
    content: str,
    place: str = "",
    attachments: Iterable = (),
    at: datetime.datetime | None = None,
) -> MonitorReport:
    """Post a monitoring report: filed as a named complaint on the monitor channel, linked to the
    account (it is followed and rated from "我的监测"), and counted for the month it is sent in."""
    at = at or timezone.now()
    today = timezone.localtime(at).date()
    monitor = serving_monitor(actor, today=today)
    if monitor is None:
        raise DomainError(_("您不是在任的发展环境网络监测员，不能报送监测报告。"))
    with transaction.atomic():
        complaint, _code = complaint_file(
            actor=None,
            category=category,
            title=title,
            content=content,
            place=place,
            identity=IdentityData(name=actor.display_name, phone=actor.mobile, email=actor.email),
            account=actor,
            contact_method=Complaint.Contact.INBOX,
            attachments=attachments,
            channel=Complaint.Channel.MONITOR,
            at=at,
        )
        report = MonitorReport.objects.create(
            monitor=monitor, month=month_first(today), complaint=complaint, submitted_at=at
        )
        MonitorEvent.record(
            monitor, MonitorEvent.Code.REPORTED, actor=actor, at=at, number=complaint.number
        )
    return report


def monitors_check_missing(*, today: datetime.date | None = None) -> int:
    """Raise one alert per monitor who was due a report of last month and filed none.

    Idempotent: the alert's dedup key is the monitor and the month. Returns how many were missing.
    """
    today = today or timezone.localdate()
    month = month_first(month_first(today) - datetime.timedelta(days=1))
    commission = Department.objects.filter(
        code=settings.PETITIONS_DISCIPLINE_DEPARTMENT_CODE, is_active=True
    ).first()
    url = reverse("petitions:monitor_staff_list") + f"?year={month.year}"
    count = 0
    for monitor in monitors_missing(month):
        alert_raise(
            kind=Alert.Kind.MONITOR_MISSING,
            severity=Alert.Severity.WARNING,
            department=commission,
            subject_ref=monitor.user.display_name[:80],
            subject_url=url,
            dedup_key=f"monitor-missing:{monitor.pk}:{month:%Y-%m}",
            message_code=labels.MONITOR_MISSING,
            message_params={"name": monitor.user.display_name, "month": f"{month:%Y-%m}"},
        )
        count += 1
    return count

"""Writes on government information reporting (政务信息报送): submit, adopt with a score, reject."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InfoReport
from disclosure.models.reporting import MAX_SCORE
from disclosure.permissions import reporting as permissions
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.texts import coded, plain


@transaction.atomic
def report_submit(*, actor: User, title: str, body: str) -> InfoReport:
    """A unit submits an information item; the county office is told."""
    if not permissions.can_submit(actor):
        raise DomainError(_("只有所属单位的工作人员可以报送政务信息。"))
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise DomainError(_("请填写标题和内容。"))
    report = InfoReport.objects.create(
        department_id=actor.department_id,
        title=title[:200],
        body=body,
        submitted_by=actor,
        submitted_at=timezone.now(),
    )
    notify(
        User.objects.with_role(Role.ADMIN).filter(is_active=True).exclude(pk=actor.pk),
        subject=coded("disclosure.report_new"),
        body=plain(report.title),
        url=reverse("disclosure:report", args=[report.pk]),
        sms=False,
        email=False,
    )
    return report


def _lock_undecided(actor: User, report: InfoReport) -> InfoReport:
    report = lock(report)
    if report.status != InfoReport.Status.SUBMITTED:
        raise DomainError(_("该信息已经处理过。"))
    if not permissions.can_decide(actor):
        raise DomainError(_("只有县政府办公室（管理员）可以采用或退回政务信息。"))
    if not permissions.can_decide(actor, report):
        raise DomainError(_("不能处理自己报送的信息。"))
    return report


def _tell_submitter(report: InfoReport, subject: str) -> None:
    notify(
        [report.submitted_by],
        subject=coded(subject),
        body=plain(report.title),
        url=reverse("disclosure:report", args=[report.pk]),
        sms=False,
        email=False,
    )


@transaction.atomic
def report_adopt(*, actor: User, report: InfoReport, score: int, note: str = "") -> InfoReport:
    """采用: the item scores 1 to MAX_SCORE points for its unit."""
    report = _lock_undecided(actor, report)
    if not isinstance(score, int) or not 1 <= score <= MAX_SCORE:
        raise DomainError(_("采用的信息得分应在 1 到 %(max)s 分之间。") % {"max": MAX_SCORE})
    report.status, report.score = InfoReport.Status.ADOPTED, score
    report.decided_by, report.decided_at = actor, timezone.now()
    report.decision_note = (note or "").strip()
    report.save()
    _tell_submitter(report, "disclosure.report_adopted")
    return report


@transaction.atomic
def report_reject(*, actor: User, report: InfoReport, note: str) -> InfoReport:
    """不予采用, with the reason for the unit."""
    report = _lock_undecided(actor, report)
    note = (note or "").strip()
    if not note:
        raise DomainError(_("请写明不予采用的理由。"))
    report.status, report.score = InfoReport.Status.REJECTED, 0
    report.decided_by, report.decided_at = actor, timezone.now()
    report.decision_note = note
    report.save()
    _tell_submitter(report, "disclosure.report_rejected")
    return report

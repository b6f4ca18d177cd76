"""Handling by the department: sign, object, ask for more time (decided by the office), reply."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Complaint, ComplaintEvent, ExtensionRequest, Reply
from petitions.permissions import complaints as complaint_permissions
from petitions.services.complaints.clocks import start_clock, start_dispatch_clock, stop_clock
from petitions.services.complaints.notices import (
    notify_complainant,
    notify_department,
    notify_office,
)
from petitions.services.routing import clock_unit
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded
from supervision import services as supervision

PETITION_EXTENSION_MAX_DAYS = 30


def _require_handler(actor: User, complaint: Complaint) -> None:
    """Refuse a member of staff whose department does not handle the complaint."""
    if not complaint_permissions.can_handle(actor, complaint):
        raise DomainError(_("该诉求不属于您所在单位办理。"))


@transaction.atomic
def complaint_sign(*, actor: User, complaint: Complaint, at: datetime | None = None) -> Complaint:
    """The department signs for the complaint (签收); the reply clock starts."""
    complaint = lock(complaint, related=("category",))
    _require_handler(actor, complaint)
    COMPLAINT_MOVES.check(complaint, "sign")
    now = at or timezone.now()
    complaint.status = Complaint.Status.HANDLING
    complaint.signed_at = now
    category = complaint.category
    start_clock(
        complaint,
        kind="petitions.reply",
        limit=category.reply_limit,
        unit=clock_unit(category.limit_unit),
        department=complaint.department,
        actor=actor,
        started_at=now,
    )
    complaint.save()
    ComplaintEvent.record(complaint, ComplaintEvent.Code.SIGNED, actor=actor, at=now)
    if category.is_petition and not complaint.is_anonymous:
        # 信访: a named petitioner is told of the acceptance; anonymous petitions get no notice.
        notify_complainant(
            complaint,
            coded("petitions.petition_accepted"),
            coded(
                "petitions.petition_accepted_body",
                department=complaint.department.name,
                days=category.reply_limit,
            ),
        )
    return complaint


@transaction.atomic
def complaint_object(*, actor: User, complaint: Complaint, reason: str) -> Complaint:
    """The department returns a wrongly assigned complaint with its reasons (异议退回)."""
    if not reason.strip():
        raise DomainError(_("请说明退回理由。"))
    complaint = lock(complaint, related=("category",))
    _require_handler(actor, complaint)
    COMPLAINT_MOVES.check(complaint, "object")
    department = complaint.department
    complaint.status = Complaint.Status.REGISTERED
    complaint.department = None
    start_dispatch_clock(complaint, actor=actor)
    complaint.save()
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.OBJECTED,
        actor=actor,
        note=reason.strip(),
        department=department.name,
    )
    notify_office(complaint, "petitions.complaint_returned")
    return complaint


@transaction.atomic
def extension_request(
    *, actor: User, complaint: Complaint, days: int, reason: str
) -> ExtensionRequest:
    """The department asks once for more time; the hotline office decides."""
    complaint = lock(complaint, related=("category",))
    _require_handler(actor, complaint)
    COMPLAINT_MOVES.check(complaint, "request_extension")
    if not reason.strip():
        raise DomainError(_("请说明延期理由。"))
    # 信访工作条例: a petition's handling is extended once, by at most 30 days.
    most = PETITION_EXTENSION_MAX_DAYS if complaint.category.is_petition else 60
    if not 0 < days <= most:
        raise DomainError(_("延长天数应在1至%(most)s天之间。") % {"most": most})
    if ExtensionRequest.objects.filter(complaint=complaint).exists():
        raise DomainError(_("每件诉求只能申请一次延期。"))
    try:
        with transaction.atomic():
            extension = ExtensionRequest.objects.create(
                complaint=complaint, days=days, reason=reason.strip(), requested_by=actor
            )
    except IntegrityError as error:
        raise DomainError(_("每件诉求只能申请一次延期。")) from error
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.EXTENSION_REQUESTED,
        actor=actor,
        note=reason.strip(),
        days=days,
    )
    notify_office(complaint, "petitions.extension_asked")
    return extension


@transaction.atomic
def extension_decide(
    *, actor: User, complaint: Complaint, approve: bool, note: str = ""
) -> ExtensionRequest:
    """The hotline office approves or refuses the department's request for more time."""
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("延期由热线办审批。"))
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "decide_extension")
    extension = ExtensionRequest.objects.select_for_update().filter(complaint=complaint).first()
    if extension is None or extension.status != ExtensionRequest.Status.PENDING:
        raise DomainError(_("没有待审批的延期申请。"))
    extension.status = (
        ExtensionRequest.Status.APPROVED if approve else ExtensionRequest.Status.REJECTED
    )
    extension.decided_by = actor
    extension.decided_at = timezone.now()
    extension.decision_note = note.strip()[:300]
    extension.save()
    if approve and complaint.clock_id:
        supervision.clock_extend(
            clock=complaint.clock, amount=extension.days, approver=actor, reason=extension.reason
        )
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.EXTENSION_APPROVED
        if approve
        else ComplaintEvent.Code.EXTENSION_REJECTED,
        actor=actor,
        note=note,
        days=extension.days,
    )
    notify_department(
        complaint,
        "petitions.extension_approved" if approve else "petitions.extension_refused",
        sms=False,
    )
    if approve:
        # The complainant learns of the longer limit and why, before the original one runs out.
        notify_complainant(
            complaint,
            coded("petitions.complaint_extended"),
            coded(
                "petitions.complaint_extended_body", days=extension.days, reason=extension.reason
            ),
        )
    return extension


@transaction.atomic
def complaint_reply(
    *, actor: User, complaint: Complaint, content: str, at: datetime | None = None
) -> Reply:
    """The department answers in writing (强制回应); the complainant is told to read and rate it."""
    if not content.strip():
        raise DomainError(_("请填写答复内容。"))
    complaint = lock(complaint, related=("category",))
    _require_handler(actor, complaint)
    COMPLAINT_MOVES.check(complaint, "reply")
    reply = Reply.objects.create(
        complaint=complaint,
        round=complaint.current_round,
        department=complaint.department,
        author=actor,
        content=content.strip(),
        created_at=at or timezone.now(),
    )
    complaint.status = Complaint.Status.REPLIED
    complaint.replied_at = reply.created_at
    stop_clock(complaint, actor=actor, at=reply.created_at)
    complaint.save()
    ComplaintEvent.record(
        complaint, ComplaintEvent.Code.REPLIED, actor=actor, at=reply.created_at, round=reply.round
    )
    notify_complainant(
        complaint,
        coded("petitions.complaint_replied"),
        coded("petitions.complaint_replied_body"),
    )
    duplicates = complaint.duplicates.filter(status=Complaint.Status.MERGED)
    for duplicate in duplicates.select_related("identity"):
        notify_complainant(
            duplicate,
            coded("petitions.complaint_replied"),
            coded("petitions.merged_replied_body", number=complaint.number),
        )
    notify_office(complaint, "petitions.complaint_to_visit")
    return reply

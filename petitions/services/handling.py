"""Handling by the department (sign, object, extension, reply) and the complainant's rating and the return visit."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions import permissions, transitions
from petitions.models import (
    Complaint,
    ExtensionRequest,
    Rating,
    Reply,
    ReturnVisit,
)
from petitions.services.common import (
    E,
    S,
    _clock_unit,
    _event,
    _lock,
    _notify_complainant,
    _notify_department,
    _notify_office,
    _start_clock,
    _stop_clock,
)
from petitions.services.routing import _start_dispatch_clock
from portal.audit import acting_as
from portal.errors import DomainError
from portal.models import User
from supervision import services as supervision

# --- Handling ----------------------------------------------------------------------------------


PETITION_EXTENSION_MAX_DAYS = 30


def _require_handler(actor: User, complaint: Complaint) -> None:
    if not permissions.can_handle(actor, complaint):
        raise DomainError(_("该诉求不属于您所在单位办理。"))


@transaction.atomic
def complaint_sign(*, actor: User, complaint: Complaint) -> Complaint:
    """The department signs for the complaint (签收); the reply clock starts."""
    complaint = _lock(complaint)
    _require_handler(actor, complaint)
    transitions.check(complaint, "sign")
    now = timezone.now()
    complaint.status = S.HANDLING
    complaint.signed_at = now
    category = complaint.category
    _start_clock(
        complaint,
        kind="petitions.reply",
        limit=category.reply_limit,
        unit=_clock_unit(category.limit_unit),
        department=complaint.department,
        actor=actor,
        started_at=now,
    )
    complaint.save()
    _event(complaint, E.SIGNED, actor=actor)
    if category.is_petition and not complaint.is_anonymous:
        # 信访: a named petitioner is told of the acceptance; anonymous petitions get no notice.
        _notify_complainant(
            complaint,
            _("信访事项受理告知"),
            _("您的信访事项已由%(department)s受理，将在%(days)s日内办理答复。")
            % {"department": complaint.department.name, "days": category.reply_limit},
        )
    return complaint


@transaction.atomic
def complaint_object(*, actor: User, complaint: Complaint, reason: str) -> Complaint:
    """The department returns a wrongly assigned complaint with its reasons (异议退回)."""
    if not reason.strip():
        raise DomainError(_("请说明退回理由。"))
    complaint = _lock(complaint)
    _require_handler(actor, complaint)
    transitions.check(complaint, "object")
    department = complaint.department
    permissions.revoke_departments(complaint)
    complaint.status = S.REGISTERED
    complaint.department = None
    _start_dispatch_clock(complaint, actor=actor)
    complaint.save()
    _event(complaint, E.OBJECTED, actor=actor, note=reason.strip(), department=department.name)
    _notify_office(complaint, _("承办单位退回诉求，请重新分派"))
    return complaint


@transaction.atomic
def extension_request(
    *, actor: User, complaint: Complaint, days: int, reason: str
) -> ExtensionRequest:
    """The department asks once for more time; the hotline office decides."""
    complaint = _lock(complaint)
    _require_handler(actor, complaint)
    transitions.check(complaint, "request_extension")
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
    _event(complaint, E.EXTENSION_REQUESTED, actor=actor, note=reason.strip(), days=days)
    _notify_office(complaint, _("承办单位申请延期，请审批"))
    return extension


@transaction.atomic
def extension_decide(
    *, actor: User, complaint: Complaint, approve: bool, note: str = ""
) -> ExtensionRequest:
    if not permissions.can_dispatch(actor):
        raise DomainError(_("延期由热线办审批。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "decide_extension")
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
    _event(
        complaint,
        E.EXTENSION_APPROVED if approve else E.EXTENSION_REJECTED,
        actor=actor,
        note=note,
        days=extension.days,
    )
    _notify_department(
        complaint, _("延期申请已批准") if approve else _("延期申请未获批准"), sms=False
    )
    if approve:
        # The complainant learns of the longer limit and why, before the original one runs out.
        _notify_complainant(
            complaint,
            _("办理期限延长告知"),
            _("您的诉求办理期限延长%(days)s日，理由：%(reason)s")
            % {"days": extension.days, "reason": extension.reason},
        )
    return extension


@transaction.atomic
def complaint_reply(*, actor: User, complaint: Complaint, content: str) -> Reply:
    """The department answers in writing (强制回应); the complainant is told to read and rate it."""
    if not content.strip():
        raise DomainError(_("请填写答复内容。"))
    complaint = _lock(complaint)
    _require_handler(actor, complaint)
    transitions.check(complaint, "reply")
    reply = Reply.objects.create(
        complaint=complaint,
        round=complaint.current_round,
        department=complaint.department,
        author=actor,
        content=content.strip(),
    )
    complaint.status = S.REPLIED
    complaint.replied_at = reply.created_at
    _stop_clock(complaint, actor=actor)
    complaint.save()
    _event(complaint, E.REPLIED, actor=actor, round=reply.round)
    message = _("您的诉求已有答复，请凭诉求编号和查询码查看并评价。")
    _notify_complainant(complaint, _("您的诉求已答复"), message)
    for duplicate in complaint.duplicates.filter(status=S.MERGED).select_related("identity"):
        _notify_complainant(
            duplicate,
            _("您的诉求已答复"),
            _("与您诉求合并办理的编号 %(number)s 已答复。") % {"number": complaint.number},
        )
    _notify_office(complaint, _("诉求已答复，待回访"))
    return reply


def _send_back(complaint: Complaint, *, actor: User | None, note: str) -> None:
    """The one re-handling: back to the same department with its own clock."""
    category = complaint.category
    complaint.status = S.REHANDLING
    complaint.rehandle_count += 1
    _start_clock(
        complaint,
        kind="petitions.rehandle",
        limit=category.rehandle_limit,
        unit=_clock_unit(category.limit_unit),
        department=complaint.department,
        actor=actor,
    )
    complaint.save()
    _event(complaint, E.REHANDLE, actor=actor, note=note)
    _notify_department(complaint, _("群众不满意，诉求退回重办"))


@transaction.atomic
def complaint_rate(*, complaint: Complaint, level: str, comment: str = "") -> Rating:
    """The complainant rates the reply: once per reply; "unsatisfied" sends it back once."""
    if level not in Complaint.Satisfaction.values:
        raise DomainError(_("请选择满意、基本满意或不满意。"))
    with acting_as(None):
        complaint = _lock(complaint)
        transitions.check(complaint, "rate")
        round_ = complaint.current_round
        if Rating.objects.filter(complaint=complaint, round=round_).exists():
            raise DomainError(_("您已评价过这次答复。"))
        try:
            with transaction.atomic():
                rating = Rating.objects.create(
                    complaint=complaint, round=round_, level=level, comment=comment.strip()[:500]
                )
        except IntegrityError as error:
            raise DomainError(_("您已评价过这次答复。")) from error
        complaint.satisfaction = level
        _event(complaint, E.RATED, note=comment.strip()[:500], level=level, round=round_)
        if level == Complaint.Satisfaction.UNSATISFIED and complaint.rehandle_count == 0:
            _send_back(complaint, actor=None, note=_("群众评价不满意"))
        else:
            complaint.save()
            _notify_office(complaint, _("群众已评价，待回访"))
    return rating


@transaction.atomic
def complaint_return_visit(
    *, actor: User, complaint: Complaint, result: str, note: str = ""
) -> ReturnVisit:
    """The hotline office records the return visit (回访); it closes the case or sends it back once."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("回访由热线办进行。"))
    if result not in Complaint.Satisfaction.values:
        raise DomainError(_("请选择回访结果。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "return_visit")
    round_ = complaint.current_round
    if ReturnVisit.objects.filter(complaint=complaint, round=round_).exists():
        raise DomainError(_("这次答复已经回访。"))
    visit = ReturnVisit.objects.create(
        complaint=complaint, round=round_, operator=actor, result=result, note=note.strip()
    )
    _event(complaint, E.RETURN_VISIT, actor=actor, note=note.strip(), result=result, round=round_)
    rated = Rating.objects.filter(complaint=complaint, round=round_).exists()
    if not rated:
        complaint.satisfaction = result
    if result == Complaint.Satisfaction.UNSATISFIED and complaint.rehandle_count == 0:
        _send_back(complaint, actor=actor, note=_("回访不满意"))
        return visit
    complaint.status = S.CLOSED
    complaint.closed_at = timezone.now()
    _stop_clock(complaint, actor=actor)
    complaint.save()
    _event(complaint, E.CLOSED, actor=actor)
    _notify_complainant(
        complaint,
        _("您的诉求已办结"),
        _("如对处理意见不服，可在收到书面答复之日起30日内申请复查。"),
    )
    return visit

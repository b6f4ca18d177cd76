"""Writes on disclosure requests (依申请公开): filing, supplement, consultation, extension, answer.

Every function checks the rule, locks the request, writes the change with an event row the
applicant sees, moves the supervision clock and tells the people concerned. `at` lets a sweep
or a test say when the move happens; it defaults to now.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from disclosure import requests_permissions as permissions
from disclosure import requests_transitions as transitions
from disclosure.models import Consultation, InformationRequest, RequestDocument, RequestEvent
from portal import workdays
from portal.audit import acting_as
from portal.errors import DomainError
from portal.models import Department, User
from portal.notifications import notify
from portal.roles import Role
from supervision import services as supervision
from supervision.models import Clock

S = InformationRequest.Status
E = RequestEvent.Code
R = InformationRequest.ReplyType
CLOCK_KIND = "disclosure.request"


@dataclass(frozen=True)
class ApplicantData:
    """Who applies, as the form gave it (pre-filled from the profile)."""

    name: str
    phone: str
    organization: str = ""
    id_number: str = ""
    email: str = ""
    address: str = ""


# --- Helpers ---------------------------------------------------------------------------------


def office_department() -> Department | None:
    return Department.objects.filter(code=settings.DISCLOSURE_REQUESTS_OFFICE).first()


def _lock(request: InformationRequest) -> InformationRequest:
    """Re-read under a row lock: two clerks, or a clerk and the sweep, never both move it."""
    return (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("clock", "applicant")
        .get(pk=request.pk)
    )


def _event(
    request: InformationRequest,
    code: str,
    *,
    actor: User | None,
    at: datetime.datetime,
    note: str = "",
    **data,
) -> RequestEvent:
    return RequestEvent.objects.create(
        request=request, code=code, actor=actor, created_at=at, note=note, data=data
    )


def _day(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d")


def _notify_applicant(request: InformationRequest, subject: str, body: str) -> None:
    notify(
        [request.applicant],
        subject=subject,
        body=f"{body} {_('申请编号')}：{request.number}",
        url=request.get_absolute_url(),
    )


def _office_staff() -> Iterable[User]:
    return (
        User.objects.staff()
        .filter(
            department__code=settings.DISCLOSURE_REQUESTS_OFFICE,
            groups__name__in=[Role.WINDOW_CLERK.value, Role.DEPARTMENT_HEAD.value],
        )
        .distinct()
    )


def _notify_office(request: InformationRequest, subject: str) -> None:
    notify(
        _office_staff(),
        subject=subject,
        body=f"{request.number} {request.title}",
        url=request.get_absolute_url(),
        sms=False,
        email=False,
    )


def _require_office(actor: User) -> None:
    if not permissions.is_office_staff(actor):
        raise DomainError(_("只有政府信息公开工作机构的工作人员可以办理申请。"))


def _clock_due(request: InformationRequest) -> datetime.datetime | None:
    return request.clock.due_at if request.clock_id else None


# --- Filing ----------------------------------------------------------------------------------


def request_file(
    *,
    applicant: User,
    data: ApplicantData,
    description: str,
    purpose: str = "",
    delivery: str = InformationRequest.Delivery.ONLINE,
    at: datetime.datetime | None = None,
) -> InformationRequest:
    """Receive an application; the 20-working-day answer clock starts from receipt (Art 33)."""
    if not permissions.can_apply(applicant):
        raise DomainError(_("请使用个人或企业账户提出申请。"))
    if not description.strip():
        raise DomainError(_("请描述您需要的政府信息。"))
    if not data.name.strip() or not data.phone.strip():
        raise DomainError(_("请填写申请人姓名和联系电话。"))
    if delivery not in InformationRequest.Delivery.values:
        raise DomainError(_("请选择获取信息的方式。"))
    if delivery == InformationRequest.Delivery.EMAIL and not data.email:
        raise DomainError(_("选择电子邮件方式，请填写电子邮箱。"))
    if delivery == InformationRequest.Delivery.POST and not data.address.strip():
        raise DomainError(_("选择纸质邮寄方式，请填写通信地址。"))
    office = office_department()
    if office is None:
        raise DomainError(_("政府信息公开工作机构尚未设置，请稍后再试或电话咨询。"))
    at = at or timezone.now()
    with transaction.atomic():
        request = InformationRequest(
            applicant=applicant,
            applicant_name=data.name.strip(),
            organization=data.organization.strip(),
            id_number=data.id_number.strip(),
            phone=data.phone.strip(),
            email=data.email.strip(),
            address=data.address.strip(),
            description=description.strip(),
            purpose=purpose.strip(),
            delivery=delivery,
            received_at=at,
        )
        # The first history row is written below, once the request has its number.
        request.skip_history_when_saving = True
        request.save()
        del request.skip_history_when_saving
        # The number comes from the primary key: unique and race-free without a counter row.
        request.number = f"YSQ{timezone.localtime(at):%Y}{request.pk:06d}"
        request.clock = supervision.clock_start(
            kind=CLOCK_KIND,
            subject_ref=request.number,
            subject_label=f"{request.number} {request.title}",
            subject_url=request.get_absolute_url(),
            department=office,
            responsible=None,
            limit=settings.DISCLOSURE_REQUESTS_ANSWER_WORKDAYS,
            unit=Clock.Unit.WORKDAYS,
            started_at=at,
            actor=applicant,
        )
        request.save()
        _event(request, E.RECEIVED, actor=applicant, at=at)
        _notify_applicant(
            request,
            _("已收到您的政府信息公开申请"),
            _("我们将在%(date)s前答复。") % {"date": _day(request.clock.due_at)},
        )
        _notify_office(request, _("新的政府信息公开申请"))
    return request


# --- Supplement (补正, Art 30) ------------------------------------------------------------------


@transaction.atomic
def request_supplement_notice(
    *, actor: User, request: InformationRequest, text: str, at: datetime.datetime | None = None
) -> InformationRequest:
    """Ask once, within 7 working days of receipt, for a clearer request; the clock pauses."""
    _require_office(actor)
    if not text.strip():
        raise DomainError(_("请写明需要补正的内容。"))
    request = _lock(request)
    transitions.check(request, "request_supplement")
    if request.supplement_requested_at is not None:
        raise DomainError(_("补正通知只能发出一次。"))
    at = at or timezone.now()
    window = workdays.add_working_days(
        request.received_at, settings.DISCLOSURE_REQUESTS_SUPPLEMENT_NOTICE_WORKDAYS
    )
    if at > window:
        raise DomainError(
            _("补正通知应当在收到申请之日起%(days)d个工作日内发出（已于%(date)s截止）。")
            % {
                "days": settings.DISCLOSURE_REQUESTS_SUPPLEMENT_NOTICE_WORKDAYS,
                "date": _day(window),
            }
        )
    request.status = S.SUPPLEMENT
    request.supplement_requested_at = at
    request.supplement_request = text.strip()
    request.supplement_due_at = workdays.add_working_days(
        at, settings.DISCLOSURE_REQUESTS_SUPPLEMENT_WORKDAYS
    )
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_pause(
            clock=request.clock, reason=Clock.PauseReason.SUPPLEMENT, actor=actor, at=at
        )
    _event(
        request,
        E.SUPPLEMENT_REQUESTED,
        actor=actor,
        at=at,
        note=request.supplement_request,
        due=request.supplement_due_at.isoformat(),
    )
    _notify_applicant(
        request,
        _("补正申请通知"),
        _("请于%(date)s前补正：%(text)s 逾期未补正的，视为放弃申请。")
        % {"date": _day(request.supplement_due_at), "text": request.supplement_request},
    )
    return request


@transaction.atomic
def request_supplement(
    *, actor: User, request: InformationRequest, text: str, at: datetime.datetime | None = None
) -> InformationRequest:
    """The applicant supplies what was asked; the answer limit counts anew from today."""
    if not text.strip():
        raise DomainError(_("请填写补正内容。"))
    request = _lock(request)
    if not permissions.is_applicant(actor, request):
        raise DomainError(_("只有申请人本人可以补正申请。"))
    transitions.check(request, "supplement")
    at = at or timezone.now()
    if at > request.supplement_due_at:
        raise DomainError(_("补正期限已过，该申请视为放弃。您可以重新提出申请。"))
    request.status = S.RECEIVED
    request.supplemented_at = at
    request.supplement_text = text.strip()
    if request.clock_id:
        request.clock = supervision.clock_restart(clock=request.clock, actor=actor, at=at)
    request.save()
    _event(request, E.SUPPLEMENTED, actor=actor, at=at, note=request.supplement_text)
    _notify_applicant(
        request,
        _("已收到您的补正"),
        _("答复期限自收到补正之日起重新计算，我们将在%(date)s前答复。")
        % {"date": _day(request.clock.due_at)},
    )
    _notify_office(request, _("申请人已补正"))
    return request


@transaction.atomic
def request_abandon(*, request: InformationRequest, at: datetime.datetime) -> InformationRequest:
    """No supplement by the limit the notice gave: the request counts as abandoned (视为放弃)."""
    request = _lock(request)
    transitions.check(request, "abandon")
    if at <= request.supplement_due_at:
        raise DomainError(_("补正期限尚未届满。"))
    request.status = S.ABANDONED
    request.closed_at = at
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_stop(clock=request.clock, actor=None, at=at)
    _event(request, E.ABANDONED, actor=None, at=at)
    _notify_applicant(
        request,
        _("申请视为放弃"),
        _("您未在补正期限内补正，该申请视为放弃。如仍需要该信息，可以重新提出申请。"),
    )
    return request


# --- Third-party consultation (征求第三方意见, Art 32) -----------------------------------------


@transaction.atomic
def request_consult(
    *,
    actor: User,
    request: InformationRequest,
    third_party: str,
    question: str,
    at: datetime.datetime | None = None,
) -> Consultation:
    """Ask a third party whose rights disclosure may touch; the clock pauses for their 15 WD."""
    _require_office(actor)
    if not third_party.strip() or not question.strip():
        raise DomainError(_("请填写第三方名称和征求意见的事项。"))
    request = _lock(request)
    transitions.check(request, "consult")
    at = at or timezone.now()
    consultation = Consultation.objects.create(
        request=request,
        third_party=third_party.strip(),
        question=question.strip(),
        started_at=at,
        due_at=workdays.add_working_days(at, settings.DISCLOSURE_REQUESTS_CONSULTATION_WORKDAYS),
        started_by=actor,
    )
    request.status = S.CONSULTING
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_pause(
            clock=request.clock, reason=Clock.PauseReason.CONSULTATION, actor=actor, at=at
        )
    # The third party's name stays with the office: the applicant sees only the pause.
    _event(
        request,
        E.CONSULTATION_STARTED,
        actor=actor,
        at=at,
        note=_("第三方答复期限至%(date)s，期间答复期限暂停计算。")
        % {"date": _day(consultation.due_at)},
    )
    _notify_applicant(
        request,
        _("征求第三方意见告知"),
        _("您申请的信息涉及第三方权益，我们正在征求其意见，答复期限暂停计算。"),
    )
    return consultation


def _end_consultation(
    request: InformationRequest,
    *,
    outcome: str,
    answer: str,
    actor: User | None,
    at: datetime.datetime,
) -> Consultation:
    consultation = Consultation.objects.select_for_update().get(
        request=request, ended_at__isnull=True
    )
    consultation.ended_at, consultation.outcome, consultation.answer = at, outcome, answer
    consultation.save()
    request.status = S.RECEIVED
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_resume(clock=request.clock, actor=actor, at=at)
    return consultation


@transaction.atomic
def request_consultation_answer(
    *, actor: User, request: InformationRequest, answer: str, at: datetime.datetime | None = None
) -> Consultation:
    """Record the third party's opinion; the answer clock runs on with what was left."""
    _require_office(actor)
    if not answer.strip():
        raise DomainError(_("请填写第三方的意见。"))
    request = _lock(request)
    transitions.check(request, "end_consultation")
    at = at or timezone.now()
    consultation = _end_consultation(
        request, outcome=Consultation.Outcome.ANSWERED, answer=answer.strip(), actor=actor, at=at
    )
    _event(request, E.CONSULTATION_ANSWERED, actor=actor, at=at)
    return consultation


@transaction.atomic
def request_consultation_lapse(
    *, request: InformationRequest, at: datetime.datetime
) -> Consultation:
    """The third party let its 15 WD run out: the clock resumes from the end of their limit."""
    request = _lock(request)
    transitions.check(request, "end_consultation")
    consultation = request.consultations.get(ended_at__isnull=True)
    if at <= consultation.due_at:
        raise DomainError(_("第三方答复期限尚未届满。"))
    # A late sweep must not cost the office the days it ran late.
    consultation = _end_consultation(
        request,
        outcome=Consultation.Outcome.LAPSED,
        answer="",
        actor=None,
        at=consultation.due_at,
    )
    _event(request, E.CONSULTATION_LAPSED, actor=None, at=consultation.due_at)
    return consultation


# --- Extension (延长答复期限, Art 33) ----------------------------------------------------------


@transaction.atomic
def request_extend(
    *,
    actor: User,
    request: InformationRequest,
    days: int,
    reason: str,
    at: datetime.datetime | None = None,
) -> InformationRequest:
    """Extend once, by at most 20 WD, with the office head's approval, before the original due date."""
    if not permissions.is_office_head(actor):
        raise DomainError(_("延长答复期限须经政府信息公开工作机构负责人同意。"))
    maximum = settings.DISCLOSURE_REQUESTS_MAX_EXTENSION_WORKDAYS
    if not 1 <= days <= maximum:
        raise DomainError(_("延长的期限最长不得超过%(max)d个工作日。") % {"max": maximum})
    if not reason.strip():
        raise DomainError(_("请说明延长答复期限的理由。"))
    request = _lock(request)
    transitions.check(request, "extend")
    if request.extension_days:
        raise DomainError(_("答复期限只能延长一次，该申请已经延长过。"))
    at = at or timezone.now()
    due = _clock_due(request)
    if due is not None and at > due:
        raise DomainError(
            _("延长答复期限应当在原答复期限（%(date)s）届满前决定并告知申请人。")
            % {"date": _day(due)}
        )
    request.extension_days = days
    request.extension_reason = reason.strip()[:300]
    request.extension_approver = actor
    request.extended_at = at
    if request.clock_id:
        request.clock = supervision.clock_extend(
            clock=request.clock, amount=days, approver=actor, reason=request.extension_reason, at=at
        )
    request.save()
    _event(request, E.EXTENDED, actor=actor, at=at, note=request.extension_reason, days=days)
    _notify_applicant(
        request,
        _("延长答复期限告知"),
        _("经机构负责人同意，答复期限延长%(days)d个工作日，至%(date)s。理由：%(reason)s")
        % {"days": days, "date": _day(request.clock.due_at), "reason": request.extension_reason},
    )
    return request


# --- Answer (答复, Art 36) ---------------------------------------------------------------------


@transaction.atomic
def request_answer(
    *,
    actor: User,
    request: InformationRequest,
    reply_type: str,
    text: str,
    remedies: str,
    refusal_reason: str = "",
    other_agency: str = "",
    documents: Iterable = (),
    at: datetime.datetime | None = None,
) -> InformationRequest:
    """Answer with exactly one statutory reply type and the remedies; the clock stops."""
    _require_office(actor)
    if reply_type not in R.values:
        raise DomainError(_("请选择一种法定答复类型。"))
    if reply_type in InformationRequest.NEEDS_REASON:
        if refusal_reason not in InformationRequest.RefusalReason.values:
            raise DomainError(_("不予公开或部分公开，必须说明法定理由。"))
    else:
        refusal_reason = ""
    if reply_type == R.NOT_THIS_OFFICE:
        if not other_agency.strip():
            raise DomainError(_("答复“非本机关负责公开”，必须告知负责公开该信息的机关。"))
    else:
        other_agency = ""
    if not text.strip():
        raise DomainError(_("请填写答复内容。"))
    if not remedies.strip():
        raise DomainError(_("答复必须告知申请人救济途径（行政复议、行政诉讼）。"))
    request = _lock(request)
    transitions.check(request, "answer")
    at = at or timezone.now()
    request.status = S.ANSWERED
    request.reply_type = reply_type
    request.refusal_reason = refusal_reason
    request.other_agency = other_agency.strip()
    request.answer_text = text.strip()
    request.remedies = remedies.strip()
    request.answered_by = actor
    request.answered_at = request.closed_at = at
    request.save()
    for upload in documents:
        RequestDocument.objects.create(
            request=request,
            file=upload,
            original_name=upload.name[:200],
            content_type=getattr(upload, "detected_type", "") or upload.content_type or "",
            size=upload.size,
            created_at=at,
        )
    if request.clock_id:
        request.clock = supervision.clock_stop(clock=request.clock, actor=actor, at=at)
    _event(request, E.ANSWERED, actor=actor, at=at, reply_type=reply_type)
    _notify_applicant(
        request,
        _("您的政府信息公开申请已答复"),
        _("答复类型：%(type)s。请登录查看答复内容和相关文件。")
        % {"type": InformationRequest.ReplyType(reply_type).label},
    )
    return request


# --- The sweep (beat) ------------------------------------------------------------------------


def request_deadlines(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Deem abandoned every request whose supplement is late, and end every lapsed consultation.

    Idempotent: each request is re-checked under its lock, so a second run finds nothing to do.
    """
    now = now or timezone.now()
    done = {"abandoned": 0, "lapsed": 0}
    late_supplements = InformationRequest.objects.filter(
        status=S.SUPPLEMENT, supplement_due_at__lt=now
    ).values_list("pk", flat=True)
    lapsed = Consultation.objects.filter(
        ended_at__isnull=True, due_at__lt=now, request__status=S.CONSULTING
    ).values_list("request_id", flat=True)
    with acting_as(None):
        for pk in list(late_supplements):
            try:
                request_abandon(request=InformationRequest(pk=pk), at=now)
            except DomainError:
                continue  # Supplied or handled in the meantime.
            done["abandoned"] += 1
        for pk in list(lapsed):
            try:
                request_consultation_lapse(request=InformationRequest(pk=pk), at=now)
            except DomainError:
                continue
            done["lapsed"] += 1
    return done

"""Third-party consultation (征求第三方意见, 条例 Art 32): the answer clock pauses while a third
party whose rights disclosure may touch has its 15 working days to answer."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import Consultation, InformationRequest, RequestEvent
from disclosure.services import labels
from disclosure.services.requests.common import (
    LOCK_RELATED,
    day_text,
    notify_applicant,
    require_office,
)
from disclosure.transitions.requests import REQUEST_MOVES
from portal import workdays
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Clock


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
    require_office(actor)
    if not third_party.strip() or not question.strip():
        raise DomainError(_("请填写第三方名称和征求意见的事项。"))
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "consult")
    at = at or timezone.now()
    consultation = Consultation.objects.create(
        request=request,
        third_party=third_party.strip(),
        question=question.strip(),
        started_at=at,
        due_at=workdays.add_working_days(at, settings.DISCLOSURE_REQUESTS_CONSULTATION_WORKDAYS),
        started_by=actor,
    )
    request.status = InformationRequest.Status.CONSULTING
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_pause(
            clock=request.clock, reason=Clock.PauseReason.CONSULTATION, actor=actor, at=at
        )
    # The third party's name stays with the office: the applicant sees only the pause.
    RequestEvent.record(
        request,
        RequestEvent.Code.CONSULTATION_STARTED,
        actor=actor,
        at=at,
        note_code=labels.CONSULTATION_PAUSE,
        note_params={"date": day_text(consultation.due_at)},
    )
    notify_applicant(
        request,
        coded("disclosure.consultation"),
        coded("disclosure.consultation_body"),
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
    request.status = InformationRequest.Status.RECEIVED
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_resume(clock=request.clock, actor=actor, at=at)
    return consultation


@transaction.atomic
def request_consultation_answer(
    *, actor: User, request: InformationRequest, answer: str, at: datetime.datetime | None = None
) -> Consultation:
    """Record the third party's opinion; the answer clock runs on with what was left."""
    require_office(actor)
    if not answer.strip():
        raise DomainError(_("请填写第三方的意见。"))
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "end_consultation")
    at = at or timezone.now()
    consultation = _end_consultation(
        request, outcome=Consultation.Outcome.ANSWERED, answer=answer.strip(), actor=actor, at=at
    )
    RequestEvent.record(request, RequestEvent.Code.CONSULTATION_ANSWERED, actor=actor, at=at)
    return consultation


@transaction.atomic
def request_consultation_lapse(
    *, request: InformationRequest, at: datetime.datetime
) -> Consultation:
    """The third party let its 15 WD run out: the clock resumes from the end of their limit."""
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "end_consultation")
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
    RequestEvent.record(
        request, RequestEvent.Code.CONSULTATION_LAPSED, actor=None, at=consultation.due_at
    )
    return consultation

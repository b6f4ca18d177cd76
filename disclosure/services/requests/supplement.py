"""Supplement (补正, 条例 Art 30): the office asks once for a clearer request; the applicant
supplies it and the answer limit counts anew, or lets the limit pass and the request is deemed
abandoned (视为放弃)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest, RequestEvent
from disclosure.permissions import requests as permissions
from disclosure.services.requests.common import (
    LOCK_RELATED,
    clock_due_text,
    day_text,
    notify_applicant,
    notify_office,
    require_office,
    supplement_due_text,
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
def request_supplement_notice(
    *, actor: User, request: InformationRequest, text: str, at: datetime.datetime | None = None
) -> InformationRequest:
    """Ask once, within 7 working days of receipt, for a clearer request; the clock pauses."""
    require_office(actor)
    if not text.strip():
        raise DomainError(_("请写明需要补正的内容。"))
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "request_supplement")
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
                "date": day_text(window),
            }
        )
    request.status = InformationRequest.Status.SUPPLEMENT
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
    RequestEvent.record(
        request,
        RequestEvent.Code.SUPPLEMENT_REQUESTED,
        actor=actor,
        at=at,
        note=request.supplement_request,
        due=request.supplement_due_at.isoformat(),
    )
    notify_applicant(
        request,
        coded("disclosure.supplement_asked"),
        coded(
            "disclosure.supplement_asked_body",
            date=supplement_due_text(request),
            text=request.supplement_request,
        ),
    )
    return request


@transaction.atomic
def request_supplement(
    *, actor: User, request: InformationRequest, text: str, at: datetime.datetime | None = None
) -> InformationRequest:
    """The applicant supplies what was asked; the answer limit counts anew from today."""
    if not text.strip():
        raise DomainError(_("请填写补正内容。"))
    request = lock(request, related=LOCK_RELATED)
    if not permissions.is_applicant(actor, request):
        raise DomainError(_("只有申请人本人可以补正申请。"))
    REQUEST_MOVES.check(request, "supplement")
    at = at or timezone.now()
    if at > request.supplement_due_at:
        raise DomainError(_("补正期限已过，该申请视为放弃。您可以重新提出申请。"))
    request.status = InformationRequest.Status.RECEIVED
    request.supplemented_at = at
    request.supplement_text = text.strip()
    if request.clock_id:
        request.clock = supervision.clock_restart(clock=request.clock, actor=actor, at=at)
    request.save()
    RequestEvent.record(
        request, RequestEvent.Code.SUPPLEMENTED, actor=actor, at=at, note=request.supplement_text
    )
    notify_applicant(
        request,
        coded("disclosure.supplement_received"),
        coded("disclosure.supplement_received_body", date=clock_due_text(request)),
    )
    notify_office(request, "disclosure.supplemented")
    return request


@transaction.atomic
def request_abandon(*, request: InformationRequest, at: datetime.datetime) -> InformationRequest:
    """No supplement by the limit the notice gave: the request counts as abandoned (视为放弃)."""
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "abandon")
    if at <= request.supplement_due_at:
        raise DomainError(_("补正期限尚未届满。"))
    request.status = InformationRequest.Status.ABANDONED
    request.closed_at = at
    request.save()
    if request.clock_id:
        request.clock = supervision.clock_stop(clock=request.clock, actor=None, at=at)
    RequestEvent.record(request, RequestEvent.Code.ABANDONED, actor=None, at=at)
    notify_applicant(
        request,
        coded("disclosure.abandoned"),
        coded("disclosure.abandoned_body"),
    )
    return request

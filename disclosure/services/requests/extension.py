"""Extension (延长答复期限, 条例 Art 33): once, by at most 20 working days, approved by the head."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest, RequestEvent
from disclosure.permissions import requests as permissions
from disclosure.services.requests.common import (
    LOCK_RELATED,
    clock_due,
    clock_due_text,
    day_text,
    notify_applicant,
)
from disclosure.transitions.requests import REQUEST_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded
from supervision import services as supervision


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
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "extend")
    if request.extension_days:
        raise DomainError(_("答复期限只能延长一次，该申请已经延长过。"))
    at = at or timezone.now()
    due = clock_due(request)
    if due is not None and at > due:
        raise DomainError(
            _("延长答复期限应当在原答复期限（%(date)s）届满前决定并告知申请人。")
            % {"date": day_text(due)}
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
    RequestEvent.record(
        request,
        RequestEvent.Code.EXTENDED,
        actor=actor,
        at=at,
        note=request.extension_reason,
        days=days,
    )
    notify_applicant(
        request,
        coded("disclosure.extended"),
        coded(
            "disclosure.extended_body",
            days=days,
            date=clock_due_text(request),
            reason=request.extension_reason,
        ),
    )
    return request

"""The answer (答复, 条例 Art 36): one statutory reply type, the remedies, the documents."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest, RequestDocument, RequestEvent
from disclosure.services.requests.common import LOCK_RELATED, notify_applicant, require_office
from disclosure.transitions.requests import REQUEST_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded, source_text
from supervision import services as supervision


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
    require_office(actor)
    if reply_type not in InformationRequest.ReplyType.values:
        raise DomainError(_("请选择一种法定答复类型。"))
    if reply_type in InformationRequest.NEEDS_REASON:
        if refusal_reason not in InformationRequest.RefusalReason.values:
            raise DomainError(_("不予公开或部分公开，必须说明法定理由。"))
    else:
        refusal_reason = ""
    if reply_type == InformationRequest.ReplyType.NOT_THIS_OFFICE:
        if not other_agency.strip():
            raise DomainError(_("答复“非本机关负责公开”，必须告知负责公开该信息的机关。"))
    else:
        other_agency = ""
    if not text.strip():
        raise DomainError(_("请填写答复内容。"))
    if not remedies.strip():
        raise DomainError(_("答复必须告知申请人救济途径（行政复议、行政诉讼）。"))
    request = lock(request, related=LOCK_RELATED)
    REQUEST_MOVES.check(request, "answer")
    at = at or timezone.now()
    request.status = InformationRequest.Status.ANSWERED
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
    RequestEvent.record(
        request, RequestEvent.Code.ANSWERED, actor=actor, at=at, reply_type=reply_type
    )
    notify_applicant(
        request,
        coded("disclosure.request_answered"),
        coded(
            "disclosure.request_answered_body",
            type=source_text(InformationRequest.ReplyType(reply_type).label),
        ),
    )
    return request

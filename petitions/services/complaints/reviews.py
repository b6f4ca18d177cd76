"""复查 and 复核: requested within 30 days of the opinion contested, decided within 30 days."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Complaint, ComplaintEvent, ReviewRequest
from petitions.permissions import complaints as complaint_permissions
from petitions.services.complaints.notices import (
    complaint_label,
    notify_complainant,
    notify_leaders,
    notify_office,
    staff_url,
)
from petitions.services.routing import hotline_department
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Clock


def review_window_opens_at(complaint: Complaint, level: str) -> datetime | None:
    """Return when the window for this level opened (the written opinion it contests), or None."""
    if level == ReviewRequest.Level.REVIEW:
        reply = complaint.replies.order_by("-round").first()
        return reply.created_at if reply else None
    review = complaint.reviews.filter(
        level=ReviewRequest.Level.REVIEW, decided_at__isnull=False
    ).first()
    return review.decided_at if review else None


@transaction.atomic
def review_request(
    *, complaint: Complaint, reason: str, at: datetime | None = None
) -> ReviewRequest:
    """The complainant asks for 复查 (or, after it, 复核) within 30 days of the opinion contested."""
    if not reason.strip():
        raise DomainError(_("请说明申请理由。"))
    with acting_as(None):
        complaint = lock(complaint, related=("category",))
        COMPLAINT_MOVES.check(complaint, "request_review")
        if complaint.is_final:
            raise DomainError(_("该事项已经复核终结，依法不再受理。"))
        at = at or timezone.now()
        existing = {review.level: review for review in complaint.reviews.all()}
        if ReviewRequest.Level.REVIEW not in existing:
            level = ReviewRequest.Level.REVIEW
        elif (
            ReviewRequest.Level.RE_REVIEW not in existing
            and existing[ReviewRequest.Level.REVIEW].is_decided
        ):
            level = ReviewRequest.Level.RE_REVIEW
        else:
            raise DomainError(_("已有复查或复核申请正在办理。"))
        opened = review_window_opens_at(complaint, level)
        window = timedelta(days=settings.PETITIONS_REVIEW_REQUEST_DAYS)
        if opened is None or at > opened + window:
            raise DomainError(
                _("已超过申请期限（收到意见之日起%(days)s日内）。")
                % {"days": settings.PETITIONS_REVIEW_REQUEST_DAYS}
            )
        try:
            with transaction.atomic():
                review = ReviewRequest.objects.create(
                    complaint=complaint, level=level, reason=reason.strip(), requested_at=at
                )
        except IntegrityError as error:
            raise DomainError(_("已有复查或复核申请正在办理。")) from error
        review.clock = supervision.clock_start(
            kind=f"petitions.{level}",
            subject_ref=complaint.number,
            subject_label=complaint_label(complaint),
            subject_url=staff_url(complaint),
            department=hotline_department() or complaint.department,
            responsible=None,
            limit=settings.PETITIONS_REVIEW_DECIDE_DAYS,
            unit=Clock.Unit.DAYS,
            started_at=at,
            actor=None,
        )
        review.save()
        ComplaintEvent.record(
            complaint,
            ComplaintEvent.Code.REVIEW_REQUESTED,
            at=at,
            note=reason.strip(),
            level=level,
        )
        if level == ReviewRequest.Level.REVIEW:
            notify_office(complaint, "petitions.review_asked")
        else:
            notify_leaders(complaint, "petitions.re_review_asked")
    return review


@transaction.atomic
def review_decide(
    *,
    actor: User,
    review: ReviewRequest,
    outcome: str,
    decision: str,
    at: datetime | None = None,
) -> ReviewRequest:
    """Decide a 复查 (hotline office) or 复核 (leader); after 复核 the matter is final."""
    if not complaint_permissions.can_decide_review(actor, review.level):
        raise DomainError(_("您无权办理该申请。"))
    if outcome not in ReviewRequest.Outcome.values or not decision.strip():
        raise DomainError(_("请选择结论并填写意见。"))
    complaint = lock(review.complaint, related=("category",))
    review = lock(review)
    if review.is_decided:
        raise DomainError(_("该申请已经办理。"))
    review.outcome = outcome
    review.decision = decision.strip()
    review.decided_by = actor
    review.decided_at = at or timezone.now()
    if review.clock_id and review.clock.is_open:
        supervision.clock_stop(clock=review.clock, actor=actor, at=review.decided_at)
    review.save()
    if review.level == ReviewRequest.Level.RE_REVIEW:
        complaint.is_final = True
        complaint.save()
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.REVIEW_DECIDED,
        actor=actor,
        at=review.decided_at,
        note=decision.strip(),
        level=review.level,
        outcome=outcome,
    )
    tail = (
        "petitions.re_review_final"
        if review.level == ReviewRequest.Level.RE_REVIEW
        else "petitions.review_appeal"
    )
    notify_complainant(
        complaint,
        coded("petitions.review_decided"),
        coded("petitions.review_decided_body", decision=review.decision, tail=coded(tail)),
    )
    return review

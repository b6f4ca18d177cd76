"""复查 and 复核: requested within 30 days of the opinion contested, decided within 30 days."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions import permissions, transitions
from petitions.models import (
    Complaint,
    ReviewRequest,
)
from petitions.services.common import (
    E,
    _event,
    _label,
    _lock,
    _notify_complainant,
    _notify_office,
    _staff_url,
    hotline_department,
)
from portal.audit import acting_as
from portal.errors import DomainError
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from supervision import services as supervision
from supervision.models import Clock

# --- Review (复查) and re-review (复核) -----------------------------------------------------------


def review_window_opens_at(complaint: Complaint, level: str):
    """Return when the window for this level opened (the written opinion it contests), or None."""
    if level == ReviewRequest.Level.REVIEW:
        reply = complaint.replies.order_by("-round").first()
        return reply.created_at if reply else None
    review = complaint.reviews.filter(
        level=ReviewRequest.Level.REVIEW, decided_at__isnull=False
    ).first()
    return review.decided_at if review else None


@transaction.atomic
def review_request(*, complaint: Complaint, reason: str) -> ReviewRequest:
    """The complainant asks for 复查 (or, after it, 复核) within 30 days of the opinion contested."""
    if not reason.strip():
        raise DomainError(_("请说明申请理由。"))
    with acting_as(None):
        complaint = _lock(complaint)
        transitions.check(complaint, "request_review")
        if complaint.is_final:
            raise DomainError(_("该事项已经复核终结，依法不再受理。"))
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
        if opened is None or timezone.now() > opened + window:
            raise DomainError(
                _("已超过申请期限（收到意见之日起%(days)s日内）。")
                % {"days": settings.PETITIONS_REVIEW_REQUEST_DAYS}
            )
        try:
            with transaction.atomic():
                review = ReviewRequest.objects.create(
                    complaint=complaint, level=level, reason=reason.strip()
                )
        except IntegrityError as error:
            raise DomainError(_("已有复查或复核申请正在办理。")) from error
        review.clock = supervision.clock_start(
            kind=f"petitions.{level}",
            subject_ref=complaint.number,
            subject_label=_label(complaint),
            subject_url=_staff_url(complaint),
            department=hotline_department() or complaint.department,
            responsible=None,
            limit=settings.PETITIONS_REVIEW_DECIDE_DAYS,
            unit=Clock.Unit.DAYS,
            actor=None,
        )
        review.save()
        _event(complaint, E.REVIEW_REQUESTED, note=reason.strip(), level=level)
        if level == ReviewRequest.Level.REVIEW:
            _notify_office(complaint, _("有复查申请待办理"))
        else:
            notify(
                User.objects.with_role(Role.LEADER),
                subject=_("有复核申请待办理"),
                body=_label(complaint),
                url=_staff_url(complaint),
                sms=False,
                email=False,
            )
    return review


@transaction.atomic
def review_decide(
    *, actor: User, review: ReviewRequest, outcome: str, decision: str
) -> ReviewRequest:
    """Decide a 复查 (hotline office) or 复核 (leader); after 复核 the matter is final."""
    if not permissions.can_decide_review(actor, review.level):
        raise DomainError(_("您无权办理该申请。"))
    if outcome not in ReviewRequest.Outcome.values or not decision.strip():
        raise DomainError(_("请选择结论并填写意见。"))
    complaint = _lock(review.complaint)
    review = ReviewRequest.objects.select_for_update().get(pk=review.pk)
    if review.is_decided:
        raise DomainError(_("该申请已经办理。"))
    review.outcome = outcome
    review.decision = decision.strip()
    review.decided_by = actor
    review.decided_at = timezone.now()
    if review.clock_id and review.clock.is_open:
        supervision.clock_stop(clock=review.clock, actor=actor)
    review.save()
    if review.level == ReviewRequest.Level.RE_REVIEW:
        complaint.is_final = True
        complaint.save()
    _event(
        complaint,
        E.REVIEW_DECIDED,
        actor=actor,
        note=decision.strip(),
        level=review.level,
        outcome=outcome,
    )
    tail = (
        _("此为复核意见，同一事项不再受理。")
        if review.level == ReviewRequest.Level.RE_REVIEW
        else _("如不服，可在收到复查意见之日起30日内申请复核。")
    )
    _notify_complainant(complaint, _("复查/复核意见"), f"{review.decision} {tail}")
    return review

"""好差评 services: rate a finished case, answer the rectification ticket, appeal and decide.

Each function is one use case in one transaction, writes one `RatingEvent` row per change and
tells the people concerned after commit (through `portal.notifications`).
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent, Rating, RatingAppeal, RatingEvent, RectificationTicket
from approvals.permissions.applying import case_is_followed_by
from approvals.permissions.ratings import (
    can_answer_ticket,
    can_appeal,
    can_decide_appeal,
    case_is_rateable,
)
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.texts import coded, source_text
from supervision import services as supervision
from supervision.models import Clock

RECTIFICATION_CLOCK = "approvals.rectification"


def _unit_staff(department, *roles: Role) -> list[User]:
    users = User.objects.filter(department=department, kind=User.Kind.STAFF, is_active=True)
    if roles:
        users = users.filter(groups__name__in=[role.value for role in roles]).distinct()
    return list(users)


def _ticket_url(ticket: RectificationTicket) -> str:
    return reverse("approvals:staff_rectification", args=[ticket.pk])


@transaction.atomic
def rating_submit(
    *, actor: User, case: Case, level: int, comment: str = "", at: datetime.datetime | None = None
) -> Rating:
    """The applicant (or their agent) rates a finished case, once; a 差评 opens a ticket."""
    if level not in Rating.Level.values:
        raise DomainError(_("请选择一个评价等级。"))
    comment = comment.strip()[:500]
    case = lock(case)
    if not case_is_followed_by(case, actor):
        raise DomainError(_("只有申请人或代办员可以评价本办件。"))
    if Rating.objects.filter(case=case).exists():
        raise DomainError(_("您已评价过本办件，每个办件只能评价一次。"))
    if not case_is_rateable(case):
        raise DomainError(_("办件办结后才能评价。"))
    # The handling unit (承办单位) answers for the rating.
    department = case.department
    at = at or timezone.now()
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                case=case,
                department=department,
                level=level,
                comment=comment,
                rated_by=actor,
                created_at=at,
            )
    except IntegrityError as error:
        raise DomainError(_("您已评价过本办件，每个办件只能评价一次。")) from error
    RatingEvent.record(
        rating, RatingEvent.Code.RATED, actor=actor, at=at, note=comment, level=level
    )
    # The case's own timeline shows the rating too ("全程留痕").
    CaseEvent.record(case, CaseEvent.Code.RATED, actor=actor, at=at, note=comment, level=level)
    if rating.is_bad:
        _open_ticket(rating, case=case, at=at)
    return rating


def _open_ticket(rating: Rating, *, case: Case, at: datetime.datetime) -> RectificationTicket:
    """A 差评 becomes the unit's 整改工单, watched by a supervision clock."""
    ticket = RectificationTicket.objects.create(
        rating=rating, department=rating.department, opened_at=at
    )
    ticket.clock = supervision.clock_start(
        kind=RECTIFICATION_CLOCK,
        subject_ref=case.number,
        subject_label=_("差评整改：%(number)s") % {"number": case.number},
        subject_url=_ticket_url(ticket),
        department=rating.department,
        responsible=None,
        limit=settings.APPROVALS_RECTIFICATION_WORKDAYS,
        unit=Clock.Unit.WORKDAYS,
        started_at=ticket.opened_at,
    )
    ticket.save(update_fields=["clock"])
    RatingEvent.record(
        rating,
        RatingEvent.Code.TICKET_OPENED,
        actor=None,
        at=at,
        limit=settings.APPROVALS_RECTIFICATION_WORKDAYS,
    )
    notify(
        _unit_staff(rating.department, Role.DEPARTMENT_HEAD, Role.WINDOW_CLERK),
        subject=coded("approvals.ticket"),
        body=coded(
            "approvals.ticket_body",
            number=case.number,
            level=source_text(Rating.Level(rating.level).label),
            days=settings.APPROVALS_RECTIFICATION_WORKDAYS,
        ),
        url=_ticket_url(ticket),
        email=False,
    )
    return ticket


@transaction.atomic
def ticket_answer(
    *,
    actor: User,
    ticket: RectificationTicket,
    visited_at: datetime.datetime,
    visit_note: str,
    outcome: str,
    answer: str,
    at: datetime.datetime | None = None,
) -> RectificationTicket:
    """The unit records its return visit (回访) and its fix or explanation; the applicant is told."""
    ticket = lock(ticket, related=("rating", "rating__case", "rating__rated_by", "clock"))
    if not ticket.is_open:
        raise DomainError(_("该整改工单已经处理，不能再次反馈。"))
    if not can_answer_ticket(actor, ticket):
        raise DomainError(_("只有被评价单位的工作人员可以反馈整改情况。"))
    if outcome not in RectificationTicket.Outcome.values:
        raise DomainError(_("请选择处理方式。"))
    visit_note, answer = visit_note.strip(), answer.strip()
    if not visit_note or not answer:
        raise DomainError(_("请填写回访记录和整改反馈。"))
    # The form gives minutes: a visit in the minute the ticket opened is on time.
    opened = ticket.opened_at.replace(second=0, microsecond=0)
    now = at or timezone.now()
    if visited_at > now or visited_at < opened:
        raise DomainError(_("回访时间应在派单之后、现在之前。"))
    ticket.status = RectificationTicket.Status.ANSWERED
    ticket.visited_at, ticket.visit_note = visited_at, visit_note
    ticket.outcome, ticket.answer = outcome, answer
    ticket.answered_by, ticket.answered_at = actor, now
    ticket.save()
    if ticket.clock is not None:
        supervision.clock_stop(clock=ticket.clock, actor=actor, at=now)
    rating = ticket.rating
    RatingEvent.record(
        rating,
        RatingEvent.Code.TICKET_ANSWERED,
        actor=actor,
        at=now,
        note=answer,
        outcome=outcome,
    )
    case = rating.case
    notify(
        [rating.rated_by],
        subject=coded("approvals.ticket_answered"),
        body=coded("approvals.ticket_answered_body", number=case.number),
        url=reverse("approvals:case", args=[case.pk]),
    )
    return ticket


@transaction.atomic
def appeal_file(
    *, actor: User, rating: Rating, reason: str, at: datetime.datetime | None = None
) -> RatingAppeal:
    """The unit's head says a bad rating is mistaken or malicious; an inspector will decide."""
    rating = lock(rating)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("请填写申诉理由。"))
    if RatingAppeal.objects.filter(rating=rating).exists():
        raise DomainError(_("该评价已经申诉过，每个评价只能申诉一次。"))
    if not can_appeal(actor, rating):
        raise DomainError(_("只有被评价单位的负责人可以对差评提出申诉。"))
    try:
        with transaction.atomic():
            appeal = RatingAppeal.objects.create(
                rating=rating, reason=reason, filed_by=actor, filed_at=at or timezone.now()
            )
    except IntegrityError as error:
        raise DomainError(_("该评价已经申诉过，每个评价只能申诉一次。")) from error
    RatingEvent.record(
        rating, RatingEvent.Code.APPEAL_FILED, actor=actor, at=appeal.filed_at, note=reason
    )
    inspectors = User.objects.with_role(Role.DISCIPLINE_INSPECTOR).filter(is_active=True)
    notify(
        inspectors,
        subject=coded("approvals.appeal_filed"),
        body=coded(
            "approvals.appeal_filed_body",
            department=rating.department.name,
            number=rating.case.number,
        ),
        url=_ticket_url(rating.ticket),
        sms=False,
        email=False,
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    actor: User,
    appeal: RatingAppeal,
    upheld: bool,
    note: str,
    at: datetime.datetime | None = None,
) -> RatingAppeal:
    """An inspector decides: upheld excludes the rating from the statistics (never deletes it)."""
    if not can_decide_appeal(actor):
        raise DomainError(_("申诉由纪委/效能办审核。"))
    appeal = lock(appeal, related=("rating",))
    if appeal.status != RatingAppeal.Status.PENDING:
        raise DomainError(_("该申诉已经审核。"))
    note = note.strip()
    if not note:
        raise DomainError(_("请填写审核意见。"))
    now = at or timezone.now()
    appeal.status = RatingAppeal.Status.UPHELD if upheld else RatingAppeal.Status.REJECTED
    appeal.decision_note, appeal.decided_by, appeal.decided_at = note, actor, now
    appeal.save()
    rating = appeal.rating
    if upheld:
        rating.excluded, rating.excluded_at = True, now
        rating.save(update_fields=["excluded", "excluded_at"])
        _withdraw_ticket(rating, actor=actor, at=now)
    RatingEvent.record(
        rating,
        RatingEvent.Code.APPEAL_UPHELD if upheld else RatingEvent.Code.APPEAL_REJECTED,
        actor=actor,
        at=now,
        note=note,
    )
    notify(
        [appeal.filed_by],
        subject=coded("approvals.appeal_decided"),
        body=coded(
            "approvals.appeal_decided_body",
            number=rating.case.number,
            result=source_text(RatingAppeal.Status(appeal.status).label),
        ),
        url=_ticket_url(rating.ticket),
        sms=False,
        email=False,
    )
    return appeal


def _withdraw_ticket(rating: Rating, *, actor: User, at: datetime.datetime) -> None:
    """An upheld appeal releases the unit from a ticket it has not answered yet."""
    ticket = (
        RectificationTicket.objects.select_for_update(of=("self",))
        .select_related("clock")
        .filter(rating=rating, status=RectificationTicket.Status.OPEN)
        .first()
    )
    if ticket is None:
        return
    ticket.status = RectificationTicket.Status.WITHDRAWN
    ticket.save(update_fields=["status"])
    if ticket.clock is not None:
        supervision.clock_stop(clock=ticket.clock, actor=actor, at=at)

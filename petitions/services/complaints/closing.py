"""Closing: the complainant rates the reply, the hotline office calls back (回访); the complaint
closes, or goes back once to the department (re-handling)."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Complaint, ComplaintEvent, Rating, ReturnVisit
from petitions.permissions import complaints as complaint_permissions
from petitions.services import labels
from petitions.services.complaints.board import submit_for_board
from petitions.services.complaints.clocks import start_clock, stop_clock
from petitions.services.complaints.notices import (
    notify_complainant,
    notify_department,
    notify_office,
)
from petitions.services.routing import clock_unit
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded


def _send_back(
    complaint: Complaint, *, actor: User | None, at: datetime, note_code: str, **data
) -> None:
    """The one re-handling: back to the same department with its own clock (one `rehandle` event)."""
    category = complaint.category
    complaint.status = Complaint.Status.REHANDLING
    complaint.rehandle_count += 1
    start_clock(
        complaint,
        kind="petitions.rehandle",
        limit=category.rehandle_limit,
        unit=clock_unit(category.limit_unit),
        department=complaint.department,
        actor=actor,
        started_at=at,
    )
    complaint.save()
    ComplaintEvent.record(
        complaint, ComplaintEvent.Code.REHANDLE, actor=actor, at=at, note_code=note_code, **data
    )
    notify_department(complaint, "petitions.complaint_rehandle")


@transaction.atomic
def complaint_rate(
    *, complaint: Complaint, level: str, comment: str = "", at: datetime | None = None
) -> Rating:
    """The complainant rates the reply: once per reply; "unsatisfied" sends it back once."""
    if level not in Complaint.Satisfaction.values:
        raise DomainError(_("请选择满意、基本满意或不满意。"))
    with acting_as(None):
        complaint = lock(complaint, related=("category",))
        COMPLAINT_MOVES.check(complaint, "rate")
        round_ = complaint.current_round
        if Rating.objects.filter(complaint=complaint, round=round_).exists():
            raise DomainError(_("您已评价过这次答复。"))
        try:
            with transaction.atomic():
                rating = Rating.objects.create(
                    complaint=complaint,
                    round=round_,
                    level=level,
                    comment=comment.strip()[:500],
                    created_at=at or timezone.now(),
                )
        except IntegrityError as error:
            raise DomainError(_("您已评价过这次答复。")) from error
        complaint.satisfaction = level
        ComplaintEvent.record(
            complaint,
            ComplaintEvent.Code.RATED,
            at=rating.created_at,
            note=comment.strip()[:500],
            level=level,
            round=round_,
        )
        if level == Complaint.Satisfaction.UNSATISFIED and complaint.rehandle_count == 0:
            _send_back(
                complaint, actor=None, at=rating.created_at, note_code=labels.RATED_UNSATISFIED
            )
        else:
            complaint.save()
            notify_office(complaint, "petitions.complaint_rated")
    return rating


@transaction.atomic
def complaint_return_visit(
    *,
    actor: User,
    complaint: Complaint,
    result: str,
    note: str = "",
    at: datetime | None = None,
) -> ReturnVisit:
    """The hotline office records the return visit (回访); it closes the case or sends it back once.

    One event says what the visit did to the complaint: `closed` (with the visit's record as its
    note) or `rehandle`; either carries the visit's result and round in its data.
    """
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("回访由热线办进行。"))
    if result not in Complaint.Satisfaction.values:
        raise DomainError(_("请选择回访结果。"))
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "return_visit")
    round_ = complaint.current_round
    if ReturnVisit.objects.filter(complaint=complaint, round=round_).exists():
        raise DomainError(_("这次答复已经回访。"))
    at = at or timezone.now()
    visit = ReturnVisit.objects.create(
        complaint=complaint,
        round=round_,
        operator=actor,
        result=result,
        note=note.strip(),
        created_at=at,
    )
    rated = Rating.objects.filter(complaint=complaint, round=round_).exists()
    if not rated:
        complaint.satisfaction = result
    visit_data = {"return_visit": True, "result": result, "round": round_}
    if result == Complaint.Satisfaction.UNSATISFIED and complaint.rehandle_count == 0:
        _send_back(
            complaint,
            actor=actor,
            at=at,
            note_code=labels.VISIT_UNSATISFIED,
            visit_note=note.strip(),
            **visit_data,
        )
        return visit
    complaint.status = Complaint.Status.CLOSED
    complaint.closed_at = at
    stop_clock(complaint, actor=actor, at=at)
    complaint.save()
    ComplaintEvent.record(
        complaint, ComplaintEvent.Code.CLOSED, actor=actor, at=at, note=note.strip(), **visit_data
    )
    # Public only once a moderator passed it: the board, its feed and the search then show it.
    submit_for_board(complaint, at=at)
    notify_complainant(
        complaint,
        coded("petitions.complaint_closed"),
        coded("petitions.complaint_closed_body"),
    )
    return visit

"""The complaint's running clock: one at a time (dispatch, sign, reply, re-handling), kept by supervision."""

from datetime import datetime

from petitions.models import Complaint
from petitions.services.complaints.notices import complaint_label, staff_url
from petitions.services.routing import hotline_department
from portal.models import Department, User
from supervision import services as supervision
from supervision.models import Clock


def start_clock(
    complaint: Complaint,
    *,
    kind: str,
    limit: int,
    unit: str,
    department: Department | None,
    actor: User | None,
    started_at: datetime | None = None,
) -> None:
    """Stop the complaint's running clock and start the next one (the caller saves the complaint)."""
    stop_clock(complaint, actor=actor, at=started_at)
    department = department or hotline_department() or complaint.department
    complaint.clock = supervision.clock_start(
        kind=kind,
        subject_ref=complaint.number,
        subject_label=complaint_label(complaint),
        subject_url=staff_url(complaint),
        department=department,
        responsible=None,
        limit=limit,
        unit=unit,
        started_at=started_at,
        actor=actor,
    )


def stop_clock(complaint: Complaint, *, actor: User | None, at: datetime | None = None) -> None:
    """Stop the complaint's running clock, if any (the caller saves the complaint)."""
    if complaint.clock_id is not None and complaint.clock.is_open:
        supervision.clock_stop(clock=complaint.clock, actor=actor, at=at)
    complaint.clock = None


def start_dispatch_clock(complaint: Complaint, *, actor: User | None) -> None:
    """The hotline office's clock: dispatch within the category's minutes of registration."""
    start_clock(
        complaint,
        kind="petitions.dispatch",
        limit=complaint.category.dispatch_limit_minutes,
        unit=Clock.Unit.MINUTES,
        department=hotline_department(),
        actor=actor,
        started_at=complaint.registered_at,
    )

"""Complaint deadlines once the State Council's arrangement of a year is loaded.

Supervision recomputes the clocks and calls `complaints_calendar_loaded` (registered in
`PetitionsConfig.ready`): each complainant whose reply deadline moved is told the new date.
"""

import datetime

from petitions.models import Complaint
from petitions.services.complaints.notices import notify_complainant
from portal.holidays import deadline_text
from portal.texts import coded
from supervision.services.calendar import MovedDeadline


def complaints_calendar_loaded(
    *, years: list[int], moved: list[MovedDeadline], at: datetime.datetime
) -> int:
    """Tell each complainant whose reply deadline (答复期限) the official calendar moved."""
    previous = {item.clock.pk: item.previous_due_at for item in moved}
    complaints = Complaint.objects.filter(clock_id__in=previous).select_related(
        "clock", "identity__account"
    )
    for complaint in complaints:
        notify_complainant(
            complaint,
            coded("petitions.complaint_deadline_moved"),
            coded(
                "petitions.complaint_deadline_moved_body",
                old=deadline_text(previous[complaint.clock_id], provisional=False),
                new=deadline_text(complaint.clock.due_at, provisional=complaint.clock.provisional),
            ),
        )
    return len(complaints)

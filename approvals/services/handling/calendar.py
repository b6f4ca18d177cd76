"""Case deadlines once the State Council's arrangement of a year is loaded.

Supervision recomputes the clocks and calls `cases_calendar_loaded` (registered in
`ApprovalsConfig.ready`): each applicant whose case deadline moved is told the new date.
"""

import datetime

from approvals.models import Case
from approvals.services.cases import tell_applicant
from portal.holidays import deadline_text
from portal.texts import coded
from supervision.services.calendar import MovedDeadline


def cases_calendar_loaded(
    *, years: list[int], moved: list[MovedDeadline], at: datetime.datetime
) -> int:
    """Tell each applicant whose case deadline (办结期限) the official calendar moved."""
    previous = {item.clock.pk: item.previous_due_at for item in moved}
    cases = Case.objects.filter(clock_id__in=previous).select_related("clock", "item")
    for case in cases:
        tell_applicant(
            case,
            coded("approvals.deadline_moved"),
            coded(
                "approvals.deadline_moved_body",
                number=case.number,
                old=deadline_text(previous[case.clock_id], provisional=False),
                new=deadline_text(case.clock.due_at, provisional=case.clock.provisional),
            ),
        )
    return len(cases)

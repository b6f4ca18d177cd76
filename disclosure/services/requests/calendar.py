"""Deadlines of requests once the State Council's arrangement of a year is loaded.

Supervision recomputes the answer clocks and calls `requests_calendar_loaded` (registered in
`DisclosureConfig.ready`): the supplement and consultation deadlines the requests store are
recomputed here, and each applicant whose answer or supplement deadline moved is told.
"""

import datetime

from django.conf import settings

from disclosure.models import Consultation, InformationRequest
from disclosure.services.requests.common import (
    clock_due_text,
    day_text,
    notify_applicant,
    supplement_due_text,
)
from portal import workdays
from portal.texts import coded
from supervision.services.calendar import MovedDeadline, spans_years


def _tell_answer_moved(moved: list[MovedDeadline]) -> int:
    previous = {item.clock.pk: item.previous_due_at for item in moved}
    requests = InformationRequest.objects.filter(clock_id__in=previous).select_related(
        "applicant", "clock"
    )
    for request in requests:
        notify_applicant(
            request,
            coded("disclosure.answer_moved"),
            coded(
                "disclosure.answer_moved_body",
                old=day_text(previous[request.clock_id]),
                new=clock_due_text(request),
            ),
        )
    return len(requests)


def _recompute_supplements(years: list[int]) -> int:
    requests = InformationRequest.objects.filter(
        spans_years(years, start="supplement_requested_at", end="supplement_due_at"),
        status=InformationRequest.Status.SUPPLEMENT,
    ).select_related("applicant")
    told = 0
    for request in requests:
        due = workdays.add_working_days(
            request.supplement_requested_at, settings.DISCLOSURE_REQUESTS_SUPPLEMENT_WORKDAYS
        )
        if due == request.supplement_due_at:
            continue
        previous, request.supplement_due_at = request.supplement_due_at, due
        request.save(update_fields=["supplement_due_at"])
        notify_applicant(
            request,
            coded("disclosure.supplement_moved"),
            coded(
                "disclosure.supplement_moved_body",
                old=day_text(previous),
                new=supplement_due_text(request),
            ),
        )
        told += 1
    return told


def _recompute_consultations(years: list[int]) -> None:
    # The third party has no account: the office sees the new date on the request page.
    consultations = Consultation.objects.filter(
        spans_years(years, start="started_at", end="due_at"), ended_at__isnull=True
    )
    for consultation in consultations:
        due = workdays.add_working_days(
            consultation.started_at, settings.DISCLOSURE_REQUESTS_CONSULTATION_WORKDAYS
        )
        if due != consultation.due_at:
            consultation.due_at = due
            consultation.save(update_fields=["due_at"])


def requests_calendar_loaded(
    *, years: list[int], moved: list[MovedDeadline], at: datetime.datetime
) -> int:
    """Recompute the deadlines requests store and tell the applicants whose deadline moved."""
    told = _tell_answer_moved(moved)
    told += _recompute_supplements(years)
    _recompute_consultations(years)
    return told

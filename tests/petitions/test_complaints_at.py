"""Every complaint service takes `at=`: a complaint placed in the past keeps those moments, and
its clocks count from them (no clock patching)."""

import pytest

from petitions.models import Complaint, ComplaintEvent, Rating, ReviewRequest
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import handling as handling_services
from petitions.services.complaints import reviews as review_services
from portal import workdays
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db

FILED, SIGNED, REPLIED = at("2026-11-02 09:00"), at("2026-11-03 10:00"), at("2026-11-05 16:00")


@pytest.fixture
def replied_in_the_past(file_complaint, routed_category, clerk):
    complaint, _code = file_complaint(category=routed_category, at=FILED)
    handling_services.complaint_sign(actor=clerk, complaint=complaint, at=SIGNED)
    handling_services.complaint_reply(
        actor=clerk, complaint=complaint, content="已处理。", at=REPLIED
    )
    complaint.refresh_from_db()
    return complaint


def moments(complaint, code):
    return list(complaint.events.filter(code=code).values_list("created_at", flat=True))


def test_filing_dispatch_sign_and_reply_keep_the_given_moments(
    file_complaint, routed_category, clerk
):
    complaint, _code = file_complaint(category=routed_category, at=FILED)
    assert (complaint.registered_at, complaint.dispatched_at) == (FILED, FILED)
    assert (complaint.clock.kind, complaint.clock.started_at) == ("petitions.sign", FILED)
    assert complaint.clock.due_at == workdays.add_working_days(FILED, routed_category.sign_limit)
    handling_services.complaint_sign(actor=clerk, complaint=complaint, at=SIGNED)
    complaint.refresh_from_db()
    reply_clock = complaint.clock
    assert complaint.signed_at == SIGNED and reply_clock.started_at == SIGNED
    assert reply_clock.due_at == workdays.add_working_days(SIGNED, routed_category.reply_limit)
    handling_services.complaint_reply(
        actor=clerk, complaint=complaint, content="已处理。", at=REPLIED
    )
    complaint.refresh_from_db()
    reply_clock.refresh_from_db()
    assert complaint.replied_at == REPLIED and reply_clock.stopped_at == REPLIED
    assert moments(complaint, ComplaintEvent.Code.FILED) == [FILED]
    assert moments(complaint, ComplaintEvent.Code.DISPATCHED) == [FILED]
    assert moments(complaint, ComplaintEvent.Code.SIGNED) == [SIGNED]
    assert moments(complaint, ComplaintEvent.Code.REPLIED) == [REPLIED]


def test_an_unsatisfied_rating_in_the_past_restarts_handling_from_then(replied_in_the_past):
    rated = at("2026-11-06 09:00")
    closing_services.complaint_rate(complaint=replied_in_the_past, level="unsatisfied", at=rated)
    complaint = Complaint.objects.get(pk=replied_in_the_past.pk)
    assert Rating.objects.get(complaint=complaint).created_at == rated
    assert (complaint.clock.kind, complaint.clock.started_at) == ("petitions.rehandle", rated)
    assert moments(complaint, ComplaintEvent.Code.REHANDLE) == [rated]


def test_return_visit_and_review_in_the_past(replied_in_the_past, operator):
    visited, requested, decided = (
        at("2026-11-09 10:00"),
        at("2026-11-10 10:00"),
        at("2026-11-20 10:00"),
    )
    closing_services.complaint_return_visit(
        actor=operator, complaint=replied_in_the_past, result="satisfied", at=visited
    )
    complaint = Complaint.objects.get(pk=replied_in_the_past.pk)
    assert complaint.closed_at == visited
    review = review_services.review_request(complaint=complaint, reason="处理不当。", at=requested)
    assert review.requested_at == requested and review.clock.started_at == requested
    review_services.review_decide(
        actor=operator, review=review, outcome="upheld", decision="维持。", at=decided
    )
    review = ReviewRequest.objects.get(pk=review.pk)
    assert review.decided_at == decided and review.clock.stopped_at == decided
    assert moments(complaint, ComplaintEvent.Code.CLOSED) == [visited]
    assert moments(complaint, ComplaintEvent.Code.REVIEW_DECIDED) == [decided]

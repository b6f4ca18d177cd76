"""复查 and 复核: within 30 days, each level once, decided by the office or a leader."""

from datetime import timedelta

import pytest
from django.utils import timezone

from petitions.models import Complaint, ReviewRequest
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from petitions.services.complaints import reviews as review_services
from portal.errors import DomainError
from tests.petitions.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="basic")
    replied.refresh_from_db()
    return replied


def test_review_within_30_days_is_accepted(closed):
    review = review_services.review_request(complaint=closed, reason="处理不当")
    assert review.level == ReviewRequest.Level.REVIEW
    assert review.clock.kind == "petitions.review"


def test_review_after_30_days_is_refused(closed):
    closed.replies.update(created_at=timezone.now() - timedelta(days=31))
    with pytest.raises(DomainError):
        review_services.review_request(complaint=closed, reason="处理不当")
    assert not closed.reviews.exists()


def test_re_review_follows_a_decided_review_and_ends_the_matter(closed, operator, leader):
    review = review_services.review_request(complaint=closed, reason="处理不当")
    with pytest.raises(DomainError):
        review_services.review_request(complaint=closed, reason="再次")
    review_services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    re_review = review_services.review_request(complaint=closed, reason="仍不服")
    assert re_review.level == ReviewRequest.Level.RE_REVIEW
    review_services.review_decide(
        actor=leader, review=re_review, outcome="upheld", decision="维持，终结"
    )
    closed.refresh_from_db()
    assert closed.is_final
    with pytest.raises(DomainError):
        review_services.review_request(complaint=closed, reason="第三次")


def test_re_review_after_30_days_of_the_review_decision_is_refused(closed, operator):
    review = review_services.review_request(complaint=closed, reason="处理不当")
    review_services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    ReviewRequest.objects.filter(pk=review.pk).update(
        decided_at=timezone.now() - timedelta(days=31)
    )
    with pytest.raises(DomainError):
        review_services.review_request(complaint=closed, reason="仍不服")


def test_re_review_is_decided_by_a_leader_not_the_operator(closed, operator):
    review = review_services.review_request(complaint=closed, reason="处理不当")
    review_services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    re_review = review_services.review_request(complaint=closed, reason="仍不服")
    with pytest.raises(DomainError):
        review_services.review_decide(
            actor=operator, review=re_review, outcome="upheld", decision="维持"
        )


def test_same_matter_after_re_review_is_not_accepted_again(
    closed, operator, leader, file_complaint
):
    category = CategoryFactory()
    review = review_services.review_request(complaint=closed, reason="a")
    review_services.review_decide(actor=operator, review=review, outcome="upheld", decision="维持")
    review_services.review_decide(
        actor=leader,
        review=review_services.review_request(complaint=closed, reason="b"),
        outcome="upheld",
        decision="终结",
    )
    with pytest.raises(DomainError):
        file_complaint(category=category, related_number=closed.number)
    duplicate, _ = file_complaint(category=category)
    dispatching_services.complaint_merge(actor=operator, duplicate=duplicate, original=closed)
    duplicate.refresh_from_db()
    assert duplicate.status == Complaint.Status.NOT_ACCEPTED

"""Races on PostgreSQL with real threads: one rating per reply, one dispatch per complaint,
unique numbers under concurrent filing."""

import pytest

from petitions.models import Complaint, ComplaintEvent, Rating
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from portal.roles import Role
from tests.concurrency import race
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_reply_rated_twice_at_once_keeps_one_rating(replied):
    outcomes = race(
        lambda: closing_services.complaint_rate(
            complaint=Complaint.objects.get(pk=replied.pk), level="satisfied"
        ),
        lambda: closing_services.complaint_rate(
            complaint=Complaint.objects.get(pk=replied.pk), level="unsatisfied"
        ),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert Rating.objects.filter(complaint=replied).count() == 1
    assert ComplaintEvent.objects.filter(complaint=replied, code="rated").count() == 1


def test_two_operators_dispatching_at_once_dispatch_once(
    file_complaint, category, operator, department, other_department
):
    complaint, _ = file_complaint(category=category)
    second = StaffFactory(roles=[Role.HOTLINE_OPERATOR], department=operator.department)
    outcomes = race(
        lambda: dispatching_services.complaint_dispatch(
            actor=operator, complaint=complaint, department=department
        ),
        lambda: dispatching_services.complaint_dispatch(
            actor=second, complaint=complaint, department=other_department
        ),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert ComplaintEvent.objects.filter(complaint=complaint, code="dispatched").count() == 1
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DISPATCHED


def test_concurrent_filings_get_distinct_numbers(file_complaint, routed_category):
    outcomes = race(*[lambda: file_complaint(category=routed_category) for _ in range(8)])
    assert outcomes == ["ok"] * 8
    numbers = list(Complaint.objects.values_list("number", flat=True))
    assert len(numbers) == 8 and len(set(numbers)) == 8

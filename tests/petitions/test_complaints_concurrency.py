"""Races on PostgreSQL with real threads: one rating per reply, one dispatch per complaint,
unique numbers under concurrent filing."""

import threading

import pytest
from django.db import connection

from petitions.models import Complaint, ComplaintEvent, Rating
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from portal.errors import DomainError
from portal.roles import Role
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*calls):
    """Start every call at the same moment in its own thread; return what each raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except DomainError:
            outcomes[index] = "refused"
        except Exception as error:
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_reply_rated_twice_at_once_keeps_one_rating(replied):
    outcomes = _race(
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
    outcomes = _race(
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
    outcomes = _race(*[lambda: file_complaint(category=routed_category) for _ in range(8)])
    assert outcomes == ["ok"] * 8
    numbers = list(Complaint.objects.values_list("number", flat=True))
    assert len(numbers) == 8 and len(set(numbers)) == 8

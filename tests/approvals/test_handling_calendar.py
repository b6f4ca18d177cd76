"""A case accepted on Monday 28 December 2026 with a 10-working-day limit runs into 2027, which
the State Council has not announced: its deadline is marked provisional on the applicant's and
the clerk's pages, and moves, with a word to the applicant, when the year is loaded."""

import datetime

import pytest
from django.urls import reverse

from approvals.services.handling.acceptance import case_accept
from portal import services as portal_services
from portal.models import InboxMessage
from tests.approvals.factories import CaseFactory, ProcessFactory
from tests.factories import StaffFactory
from tests.supervision.factories import at

CAVEAT = "以国务院公布的节假日安排为准"


@pytest.fixture
def case(department, crew):
    process = ProcessFactory(item__department=department, total_limit_workdays=10)
    submitted = CaseFactory(process=process, at=at("2026-12-28 09:00"))
    return case_accept(actor=crew.clerk, case=submitted, at=at("2026-12-28 10:00"))


def test_the_applicants_page_marks_the_deadline_provisional(client, case):
    client.force_login(case.applicant)
    page = client.get(reverse("approvals:case", args=[case.pk])).content.decode()
    assert CAVEAT in page


def test_the_clerks_page_shows_the_provisional_deadline(client, case, crew):
    client.force_login(crew.clerk)
    page = client.get(reverse("approvals:staff_case", args=[case.pk])).content.decode()
    assert "2027-01-12" in page and CAVEAT in page


def test_loading_2027_tells_the_applicant_the_new_deadline(
    case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.calendar_load_announced(
            actor=StaffFactory(is_staff=True, is_superuser=True),
            year=2027,
            holidays=[datetime.date(2027, 1, 1)],
            workdays=[datetime.date(2027, 1, 9)],  # a make-up Saturday
        )
    message = InboxMessage.objects.get(recipient=case.applicant, subject="办结期限调整告知")
    assert "2027-01-12" in message.body and "2027-01-11" in message.body

"""A complaint signed for on Monday 28 December 2026 with a 10-working-day reply limit runs into
2027, which the State Council has not announced: the complainant's tracking page and the
clerk's page mark the deadline provisional, and loading the year tells the complainant."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from petitions.models import Category
from petitions.services.complaints import handling as handling_services
from portal import services as portal_services
from portal.models import InboxMessage
from tests.factories import StaffFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

pytestmark = pytest.mark.django_db

CAVEAT = "以国务院公布的节假日安排为准"
MONDAY = datetime.datetime(2026, 12, 28, 2, 0, tzinfo=datetime.UTC)  # 10:00 in Beijing


@pytest.fixture
def complaint(file_complaint, department, clerk, citizen):
    category = CategoryFactory(kind=Category.Kind.HELP, sign_limit=1, reply_limit=10)
    RoutingRuleFactory(category=category, department=department)
    with time_machine.travel(MONDAY, tick=False):
        filed, _code = file_complaint(category=category, account=citizen)
        return handling_services.complaint_sign(actor=clerk, complaint=filed)


def test_the_tracking_page_marks_the_reply_deadline_provisional(client, complaint, citizen):
    client.force_login(citizen)
    page = client.get(reverse("petitions:track_detail", args=[complaint.number]))
    assert CAVEAT in page.content.decode()


def test_the_clerks_page_shows_the_provisional_deadline(client, complaint, clerk):
    client.force_login(clerk)
    page = client.get(reverse("petitions:staff_detail", args=[complaint.number])).content.decode()
    assert "2027-01-12" in page and CAVEAT in page


def test_loading_2027_tells_the_complainant(complaint, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        portal_services.calendar_load_announced(
            actor=StaffFactory(is_staff=True, is_superuser=True),
            year=2027,
            holidays=[datetime.date(2027, 1, 1)],
            workdays=[datetime.date(2027, 1, 9)],  # a make-up Saturday
        )
    message = InboxMessage.objects.get(recipient=citizen, subject="答复期限调整告知")
    assert "2027-01-12" in message.body and "2027-01-11" in message.body

"""The petitions sections on the portal's gathering pages, and the demo data."""

import pytest
from django.urls import reverse

from petitions import demo
from petitions.demo.history import seasonal_titles
from petitions.models import Category, Complaint, Message
from petitions.services.complaints import closing as closing_services
from portal import demo as portal_demo
from tests.petitions.helpers import publish_on_board

pytestmark = pytest.mark.django_db


def test_navigation_links_to_the_complaint_platform(client):
    assert reverse("petitions:index") in client.get(reverse("portal:home")).content.decode()


def test_home_shows_the_hotline_and_public_replies(client, replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    publish_on_board(replied, operator)
    page = client.get(reverse("portal:home")).content.decode()
    assert "12345民生热线" in page and replied.title in page


def test_a_reply_published_on_the_board_shows_on_the_home_page_at_once(client, replied, operator):
    client.get(reverse("portal:home"))
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    publish_on_board(replied, operator)
    assert replied.title in client.get(reverse("portal:home")).content.decode()


def test_my_account_lists_my_complaints(client, file_complaint, routed_category, citizen):
    complaint, _ = file_complaint(category=routed_category, account=citizen)
    client.force_login(citizen)
    assert complaint.number in client.get(reverse("portal:account")).content.decode()


def test_workbench_shows_the_department_queue(client, dispatched, clerk):
    client.force_login(clerk)
    assert dispatched.number in client.get(reverse("portal:workbench")).content.decode()


def test_workbench_shows_the_leader_what_awaits_instruction(client, file_complaint, leader):
    category = Category.objects.create(
        code="report-official", name="举报公职人员", kind="report", needs_instruction=True
    )
    complaint, _ = file_complaint(category=category)
    client.force_login(leader)
    page = client.get(reverse("portal:workbench")).content.decode()
    assert "待批示" in page and complaint.number in page


def test_operator_workbench_query_count_is_bounded(
    client, django_assert_max_num_queries, file_complaint, category, operator
):
    for _ in range(8):
        file_complaint(category=category)
    client.force_login(operator)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("portal:workbench")).status_code == 200


def test_demo_seeds_a_dozen_complaints_and_is_idempotent(settings):
    portal_demo.seed()
    demo.seed()
    demo.seed()
    # A dozen in every state; beside them the past year's seasonal ones (petitions/demo/history.py),
    # the one the messages demo converts from a message and the monitors' reports.
    from_messages = Message.objects.exclude(converted_to=None).values("converted_to")
    own = (
        Complaint.objects.exclude(title__in=seasonal_titles())
        .exclude(pk__in=from_messages)
        .exclude(channel=Complaint.Channel.MONITOR)
    )
    assert own.count() == 12
    assert set(Complaint.objects.values_list("status", flat=True)) >= {
        "registered",
        "awaiting_instruction",
        "dispatched",
        "handling",
        "replied",
        "rehandling",
        "closed",
        "referred",
        "transferred",
    }

"""好差评 pages: rate once, a bad rating's ticket answered by the unit, appeals decided."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals.models import Rating, RatingAppeal, RectificationTicket
from approvals.services import ratings as ratings_services
from portal.models import InboxMessage
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.factories import CitizenFactory, StaffFactory
from tests.submissions import token_on

pytestmark = pytest.mark.django_db


def case_url(case) -> str:
    return reverse("approvals:case", args=[case.pk])


def rate_url(case) -> str:
    return reverse("approvals:rate", args=[case.pk])


@pytest.fixture
def finished(process, citizen):
    return CaseFactory(process=process, applicant=citizen, stage="finished")


@pytest.fixture
def bad_rating(finished, citizen):
    return ratings_services.rating_submit(
        actor=citizen, case=finished, level=Rating.Level.VERY_UNSATISFIED, comment="窗口态度差"
    )


def ticket_url(rating) -> str:
    return reverse("approvals:staff_rectification", args=[rating.ticket.pk])


def test_rating_form_appears_only_after_completion(client, citizen, process):
    running = CaseFactory(process=process, applicant=citizen, stage="decided")
    client.force_login(citizen)
    assert client.get(case_url(running)).context["rating_form"] is None
    response = client.post(rate_url(running), {"level": "5"})
    assert response.status_code == 400 and "办件办结后才能评价" in response.content.decode()
    assert not Rating.objects.exists()


def test_good_rating_once(client, citizen, finished):
    client.force_login(citizen)
    assert "评价本次办理" in client.get(case_url(finished)).content.decode()
    client.post(rate_url(finished), {"level": "5", "comment": "很快"})
    rating = Rating.objects.get(case=finished)
    assert rating.level == 5 and not RectificationTicket.objects.exists()
    page = client.get(case_url(finished)).content.decode()
    assert "非常满意" in page and "评价本次办理" not in page

    response = client.post(rate_url(finished), {"level": "1"})
    assert response.status_code == 400
    assert Rating.objects.filter(case=finished).count() == 1


def test_a_double_click_on_rate_rates_once_and_thanks_twice(client, citizen, finished):
    client.force_login(citizen)
    token = token_on(client.get(case_url(finished)))
    for _ in range(2):
        response = client.post(
            rate_url(finished), {"level": "5", "submission_token": token}, follow=True
        )
        assert response.redirect_chain[-1][0] == case_url(finished)
        assert "感谢您的评价" in response.content.decode()
    assert Rating.objects.filter(case=finished).count() == 1


def test_rating_needs_a_level(client, citizen, finished):
    client.force_login(citizen)
    response = client.post(rate_url(finished), {"comment": "?"})
    assert response.status_code == 400 and "请选择一个评价等级" in response.content.decode()


def test_only_the_applicant_rates(client, finished):
    client.force_login(CitizenFactory())
    assert client.post(rate_url(finished), {"level": "1"}).status_code == 404
    assert not Rating.objects.exists()


def test_bad_rating_opens_a_ticket_the_citizen_can_follow(client, citizen, finished):
    client.force_login(citizen)
    client.post(rate_url(finished), {"level": "2", "comment": "等了很久"})
    ticket = RectificationTicket.objects.get(rating__case=finished)
    assert ticket.status == RectificationTicket.Status.OPEN
    page = client.get(case_url(finished)).content.decode()
    assert "整改进展" in page and "待整改" in page


def test_unit_answers_the_ticket_and_the_citizen_sees_it(client, citizen, bad_rating, crew):
    client.force_login(crew.clerk)
    listing = client.get(reverse("approvals:rectifications")).content.decode()
    assert bad_rating.case.number in listing
    page = client.get(ticket_url(bad_rating)).content.decode()
    assert "窗口态度差" in page and "生成整改工单" in page

    opened = timezone.now() - datetime.timedelta(hours=2)
    RectificationTicket.objects.filter(pk=bad_rating.ticket.pk).update(opened_at=opened)
    visited = timezone.localtime(opened + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("approvals:ticket_answer", args=[bad_rating.ticket.pk]),
        {
            "visited_at": visited,
            "visit_note": "电话回访，群众反映排队久",
            "outcome": "fixed",
            "answer": "已增开一个窗口",
        },
    )
    assert response.status_code == 302
    ticket = RectificationTicket.objects.get(pk=bad_rating.ticket.pk)
    assert ticket.status == RectificationTicket.Status.ANSWERED
    assert InboxMessage.objects.filter(recipient=citizen, subject="差评整改反馈").exists()

    client.force_login(citizen)
    page = client.get(case_url(bad_rating.case)).content.decode()
    assert "已增开一个窗口" in page and "已反馈" in page


def test_answer_with_missing_fields_changes_nothing(client, bad_rating, crew):
    client.force_login(crew.clerk)
    response = client.post(
        reverse("approvals:ticket_answer", args=[bad_rating.ticket.pk]), {"outcome": "fixed"}
    )
    assert response.status_code == 400
    assert RectificationTicket.objects.get().status == RectificationTicket.Status.OPEN


def test_other_units_do_not_see_the_ticket(client, bad_rating):
    client.force_login(StaffFactory(roles=[Role.DEPARTMENT_HEAD]))
    assert client.get(ticket_url(bad_rating)).status_code == 404
    listing = client.get(reverse("approvals:rectifications")).content.decode()
    assert bad_rating.case.number not in listing


def test_citizens_do_not_reach_the_ticket_pages(client, citizen, bad_rating):
    client.force_login(citizen)
    assert client.get(reverse("approvals:rectifications")).status_code == 404
    assert client.get(ticket_url(bad_rating)).status_code == 404


def test_clerk_cannot_appeal(client, bad_rating, crew):
    client.force_login(crew.clerk)
    assert client.get(ticket_url(bad_rating)).context["appeal_form"] is None
    response = client.post(
        reverse("approvals:appeal_file", args=[bad_rating.ticket.pk]), {"reason": "恶意"}
    )
    assert response.status_code == 400
    assert not RatingAppeal.objects.exists()


def test_upheld_appeal_excludes_the_rating_and_keeps_it(client, citizen, bad_rating, crew):
    client.force_login(crew.head)
    client.post(
        reverse("approvals:appeal_file", args=[bad_rating.ticket.pk]),
        {"reason": "申请人因私人纠纷恶意评价"},
    )
    assert RatingAppeal.objects.get().status == RatingAppeal.Status.PENDING

    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    client.force_login(inspector)
    assert client.get(ticket_url(bad_rating)).context["decision_form"] is not None
    client.post(
        reverse("approvals:appeal_decide", args=[bad_rating.ticket.pk]),
        {"upheld": "1", "note": "经核实属恶意评价"},
    )
    rating = Rating.objects.get(pk=bad_rating.pk)
    assert rating.excluded and rating.ticket.status == RectificationTicket.Status.WITHDRAWN

    client.force_login(citizen)
    page = client.get(case_url(rating.case)).content.decode()
    assert "非常不满意" in page and "不计入统计" in page


def test_the_unit_head_cannot_decide_an_appeal(client, bad_rating, crew):
    ratings_services.appeal_file(actor=crew.head, rating=bad_rating, reason="恶意")
    client.force_login(crew.head)
    response = client.post(
        reverse("approvals:appeal_decide", args=[bad_rating.ticket.pk]),
        {"upheld": "1", "note": "自己批"},
    )
    assert response.status_code == 400
    assert RatingAppeal.objects.get().status == RatingAppeal.Status.PENDING


def test_ticket_list_queries_do_not_grow(client, process, crew, django_assert_max_num_queries):
    for _ in range(4):
        case = CaseFactory(process=process, stage="finished")
        ratings_services.rating_submit(actor=case.applicant, case=case, level=1)
    client.force_login(crew.clerk)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("approvals:rectifications"))
    assert len(response.context["page"].object_list) == 4

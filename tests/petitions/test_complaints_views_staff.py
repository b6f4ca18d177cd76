"""The staff pages: queues, the export, registration, the case page and its actions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from petitions.models import Complaint
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import reviews as review_services
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

pytestmark = pytest.mark.django_db


def test_department_sees_only_its_complaints(client, dispatched, other_clerk):
    client.force_login(other_clerk)
    assert (
        client.get(reverse("petitions:staff_detail", args=[dispatched.number])).status_code == 404
    )
    assert dispatched.number not in client.get(reverse("petitions:staff_queue")).content.decode()


def test_citizen_cannot_open_staff_pages(client, dispatched, citizen):
    client.force_login(citizen)
    assert (
        client.get(reverse("petitions:staff_detail", args=[dispatched.number])).status_code == 404
    )


def test_clerk_signs_and_replies_through_the_page(client, dispatched, clerk):
    client.force_login(clerk)
    client.post(reverse("petitions:staff_act", args=[dispatched.number, "sign"]))
    response = client.post(
        reverse("petitions:staff_act", args=[dispatched.number, "reply"]),
        {"content": "已查处"},
        follow=True,
    )
    assert "答复已发送" in response.content.decode()
    dispatched.refresh_from_db()
    assert dispatched.status == Complaint.Status.REPLIED


def test_refused_action_shows_the_reason_and_changes_nothing(client, dispatched, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:staff_act", args=[dispatched.number, "reply"]),
        {"content": "x"},
        follow=True,
    )
    assert "不能答复" in response.content.decode()
    dispatched.refresh_from_db()
    assert dispatched.status == Complaint.Status.DISPATCHED


def test_empty_reply_is_refused_with_the_form(client, handling, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:staff_act", args=[handling.number, "reply"]), {"content": ""}
    )
    assert response.status_code == 400
    handling.refresh_from_db()
    assert handling.status == Complaint.Status.HANDLING


def test_operator_registers_a_call(client, operator, routed_category):
    client.force_login(operator)
    response = client.post(
        reverse("petitions:staff_register"),
        {
            "channel": "phone",
            "category": routed_category.pk,
            "title": "路灯不亮",
            "content": "西门路灯不亮",
            "name": "来电人",
            "phone": "13900000098",
            "contact_method": "sms",
        },
        follow=True,
    )
    complaint = Complaint.objects.get()
    assert complaint.channel == "phone" and complaint.registered_by == operator
    assert "查询码" in response.content.decode()


def test_operator_dispatches_from_the_page(client, file_complaint, category, operator, department):
    complaint, _ = file_complaint(category=category)
    client.force_login(operator)
    client.post(
        reverse("petitions:staff_act", args=[complaint.number, "dispatch"]),
        {"department": department.pk},
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DISPATCHED


def test_export_lists_the_department_queue(client, dispatched, clerk):
    client.force_login(clerk)
    response = client.get(reverse("petitions:staff_export"))
    assert dispatched.number in response.content.decode("utf-8-sig")


def test_staff_queue_query_count_does_not_grow(
    client, django_assert_max_num_queries, file_complaint, routed_category, operator
):
    for _ in range(12):
        file_complaint(category=routed_category)
    client.force_login(operator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("petitions:staff_queue"))
    assert response.status_code == 200


def test_the_staff_list_joins_no_merged_original_and_reads_none_when_no_row_is_merged(
    client, django_assert_max_num_queries, file_complaint, routed_category, operator
):
    # Joined, the original and its category cost PostgreSQL 2 ms of planning a view (issue 21).
    file_complaint(category=routed_category)
    client.force_login(operator)
    with django_assert_max_num_queries(12) as captured:
        client.get(reverse("petitions:staff_queue"))
    complaints = [
        q["sql"] for q in captured.captured_queries if 'FROM "petitions_complaint"' in q["sql"]
    ]
    assert len(complaints) == 1
    assert 'JOIN "petitions_complaint"' not in complaints[0]


def test_unknown_number_is_404_not_500(client, operator):
    client.force_login(operator)
    assert client.get(reverse("petitions:staff_detail", args=["TS0000"])).status_code == 404
    assert client.get(reverse("petitions:board_detail", args=["<script>"])).status_code == 404


def test_leader_instructs_from_the_page_and_the_complaint_is_routed(
    client, file_complaint, leader, department
):
    category = CategoryFactory(needs_instruction=True)
    RoutingRuleFactory(category=category, department=department)
    complaint, _ = file_complaint(category=category)
    client.force_login(leader)
    client.post(
        reverse("petitions:staff_act", args=[complaint.number, "instruct"]), {"text": "从严查处"}
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DISPATCHED


def test_operator_decides_a_review_from_the_page(client, replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="basic")
    review = review_services.review_request(complaint=replied, reason="处理不当")
    client.force_login(operator)
    client.post(
        reverse("petitions:staff_review_decide", args=[replied.number, review.pk]),
        {"outcome": "upheld", "decision": "经复查，维持原处理意见。"},
    )
    review.refresh_from_db()
    assert review.is_decided and review.decided_by == operator


def test_staff_detail_query_count_is_bounded(
    client, django_assert_max_num_queries, replied, operator
):
    closing_services.complaint_rate(complaint=replied, level="unsatisfied")
    client.force_login(operator)
    with django_assert_max_num_queries(25):
        assert (
            client.get(reverse("petitions:staff_detail", args=[replied.number])).status_code == 200
        )


def test_an_unanswered_complaint_page_reads_no_replies_ratings_visits_or_reviews(
    client, django_assert_max_num_queries, handling, operator
):
    client.force_login(operator)
    url = reverse("petitions:staff_detail", args=[handling.number])
    with django_assert_max_num_queries(14) as captured:
        assert client.get(url).status_code == 200
    answers = ("petitions_reply", "petitions_rating", "petitions_returnvisit", "petitions_review")
    assert not [q for q in captured.captured_queries if any(t in q["sql"] for t in answers)]


def test_the_staff_page_fetches_its_complaint_without_a_sort_or_the_merged_original(
    client, django_assert_max_num_queries, handling, operator
):
    # Each join and a sort cost PostgreSQL planning time on every view (issue 21).
    client.force_login(operator)
    url = reverse("petitions:staff_detail", args=[handling.number])
    with django_assert_max_num_queries(14) as captured:
        client.get(url)
    fetch = next(q["sql"] for q in captured.captured_queries if handling.number in q["sql"])
    assert "ORDER BY" not in fetch
    assert fetch.count('JOIN "petitions_complaint"') == 0


def test_export_is_a_dated_csv_with_a_byte_order_mark(client, dispatched, clerk):
    client.force_login(clerk)
    response = client.get(reverse("petitions:staff_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="complaints-{timezone.localdate():%Y%m%d}.csv"'
    )
    assert response.content.startswith("\ufeff编号,类别,标题,来源,状态,承办单位,".encode())
    assert response.content.endswith(b"\r\n")


def test_hotline_register_button_shows_only_to_the_operator(client, clerk, operator):
    client.force_login(clerk)
    assert "热线登记" not in client.get(reverse("petitions:staff_queue")).content.decode()
    client.force_login(operator)
    assert "热线登记" in client.get(reverse("petitions:staff_queue")).content.decode()

"""The public board and the staff list page through their rows without counting them (issue 21):
the count of every complaint cost more than the page; the pager shows the page number alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from petitions.models import Complaint
from petitions.views.complaints import public, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_board(file_complaint, routed_category):
    """Three complaints on the public board, the newest published last."""
    numbers = []
    for n in range(3):
        complaint, _code = file_complaint(category=routed_category, title=f"诉求{n}")
        Complaint.objects.filter(pk=complaint.pk).update(
            allow_publication=True,
            published_at=timezone.now() + timedelta(minutes=n),
            public_title=f"公开标题{n}",
        )
        numbers.append(complaint.number)
    return numbers


def test_the_board_pages_without_counting(
    client, django_assert_max_num_queries, on_board, monkeypatch
):
    monkeypatch.setattr(public, "BOARD_PAGE_SIZE", 2)
    with django_assert_max_num_queries(1) as captured:
        first = client.get(reverse("petitions:board")).content.decode()
    assert not any("COUNT(" in query["sql"] for query in captured.captured_queries)
    assert "公开标题2" in first and "公开标题1" in first and "公开标题0" not in first
    assert "第 1 页" in first and "?page=2" in first
    second = client.get(reverse("petitions:board"), {"page": 2}).content.decode()
    assert "公开标题0" in second and "公开标题2" not in second
    assert "第 2 页" in second and "?page=1" in second and "?page=3" not in second


def test_a_page_past_the_end_of_the_board_is_empty_not_an_error(client, on_board):
    response = client.get(reverse("petitions:board"), {"page": 99})
    assert response.status_code == 200
    assert "暂无公开的答复。" in response.content.decode()


def test_the_staff_list_keeps_its_filters_on_the_next_page(
    client, file_complaint, routed_category, operator, monkeypatch
):
    monkeypatch.setattr(staff, "QUEUE_PAGE_SIZE", 1)
    for n in range(2):
        file_complaint(category=routed_category, title=f"过期食品{n}")
    client.force_login(operator)
    page = client.get(reverse("petitions:staff_queue"), {"status": "dispatched", "q": "过期"})
    text = page.content.decode()
    assert "过期食品1" in text and "过期食品0" not in text
    assert "?status=dispatched&amp;q=%E8%BF%87%E6%9C%9F&amp;page=2" in text


def test_the_staff_list_counts_nothing_whatever_the_rows(
    client, django_assert_max_num_queries, file_complaint, routed_category, operator
):
    client.force_login(operator)
    file_complaint(category=routed_category)
    client.get(reverse("petitions:staff_queue"))
    with django_assert_max_num_queries(6) as few:
        client.get(reverse("petitions:staff_queue"))
    for _ in range(4):
        file_complaint(category=routed_category)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        client.get(reverse("petitions:staff_queue"))
    assert not any("COUNT(" in query["sql"] for query in many.captured_queries)


def test_each_row_links_to_its_complaint(client, dispatched, clerk):
    client.force_login(clerk)
    page = client.get(reverse("petitions:staff_queue")).content.decode()
    detail = reverse("petitions:staff_detail", args=[dispatched.number])
    assert f'<a href="{detail}">{dispatched.number}</a>' in page


def test_the_staff_list_shows_the_registration_minute_in_local_time(client, dispatched, clerk):
    client.force_login(clerk)
    page = client.get(reverse("petitions:staff_queue")).content.decode()
    assert timezone.localtime(dispatched.registered_at).strftime("%Y-%m-%d %H:%M") in page

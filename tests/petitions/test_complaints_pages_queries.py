"""The complainant's pages cost the same queries with one complaint or many, one event or many
(issue 21: queries per page that do not grow with data)."""

import pytest
from django.urls import reverse

from petitions.services.complaints import handling as handling_services

pytestmark = pytest.mark.django_db


def test_tracking_page_queries_do_not_grow_with_the_history(
    client, django_assert_max_num_queries, file_complaint, routed_category, citizen, clerk
):
    complaint, _code = file_complaint(category=routed_category, account=citizen)
    client.force_login(citizen)
    url = reverse("petitions:track_detail", args=[complaint.number])
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    few = len(few.captured_queries)
    handling_services.complaint_sign(actor=clerk, complaint=complaint)
    handling_services.complaint_reply(actor=clerk, complaint=complaint, content="已责令下架。")
    client.get(url)  # the notices of the reply are counted once for the unread badge
    with django_assert_max_num_queries(few):
        page = client.get(url).content.decode()
    assert "已责令下架。" in page


def test_account_page_queries_do_not_grow_with_the_complaints(
    client, django_assert_max_num_queries, file_complaint, routed_category, citizen
):
    file_complaint(category=routed_category, account=citizen, title="第一件")
    client.force_login(citizen)
    url = reverse("portal:account")
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    few = len(few.captured_queries)
    for n in range(8):
        file_complaint(category=routed_category, account=citizen, title=f"又一件{n}")
    client.get(url)  # the notices of the filings are counted once for the unread badge
    with django_assert_max_num_queries(few):
        page = client.get(url).content.decode()
    assert "又一件7" in page


def test_staff_queue_shows_each_status_and_light_once_per_column(client, dispatched, clerk):
    client.force_login(clerk)
    page = client.get(reverse("petitions:staff_queue")).content.decode()
    # The badge and the light appear in the row and again in its phone layout.
    assert page.count(f"{dispatched.get_status_display()}</span>") == 2
    assert page.count('class="light light-green"') == 2

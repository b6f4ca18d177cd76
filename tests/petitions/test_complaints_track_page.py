"""The complainant's tracking page (issue 21): times formatted once, the original of a merged
complaint read only when it is shown, and the citizen's lists in one query each."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(client, file_complaint, routed_category, citizen):
    complaint, _code = file_complaint(category=routed_category, account=citizen, title="路灯不亮")
    client.force_login(citizen)
    return complaint


def test_the_timeline_shows_each_time_in_the_local_zone(client, mine):
    event = mine.events.earliest("created_at", "id")
    local = timezone.localtime(event.created_at)
    page = client.get(reverse("petitions:track_detail", args=[mine.number])).content.decode()
    assert f'datetime="{local.isoformat()}">{local:%Y-%m-%d %H:%M}</time>' in page
    assert event.get_code_display() in page


def test_a_merged_complaint_names_the_one_it_joined(
    client, mine, file_complaint, routed_category, citizen
):
    original, _code = file_complaint(category=routed_category, account=citizen)
    mine.status, mine.merged_into = "merged", original
    mine.save(update_fields=["status", "merged_into"])
    page = client.get(reverse("petitions:track_detail", args=[mine.number])).content.decode()
    assert f"已与编号 {original.number} 的诉求合并办理。" in page


def test_my_complaints_show_category_status_and_time(client, mine):
    page = client.get(reverse("petitions:mine")).content.decode()
    local = timezone.localtime(mine.registered_at)
    row = page[page.index(mine.number) :]
    assert "路灯不亮" in row and mine.category.label in row
    assert mine.get_status_display() in row and f"{local:%Y-%m-%d %H:%M}" in row

"""办理结果公示: finished cases, no personal data, search by number, bounded queries."""

import pytest
from django.urls import reverse

from approvals.selectors.applying import mask_name
from tests.approvals.factories import CaseFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

RESULTS = "/approvals/results/"


@pytest.mark.parametrize(
    ("name", "masked"), [("张三丰", "张**"), ("李四", "李**"), ("欧阳小明", "欧***"), ("", "")]
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_board_lists_finished_cases_without_personal_data(client, process):
    citizen = CitizenFactory(real_name="王小明")
    done = CaseFactory(process=process, applicant=citizen, stage="finished")
    running = CaseFactory(process=process, stage="in_progress")
    page = client.get(RESULTS).content.decode()
    assert done.number in page and running.number not in page
    assert "王**" in page and process.item.name in page and "准予许可" in page
    for secret in ("王小明", citizen.resident_id, citizen.mobile, done.query_code_digest):
        assert secret not in page


def test_search_by_number(client, process):
    first, second = (CaseFactory(process=process, stage="finished") for _ in range(2))
    page = client.get(RESULTS, {"q": second.number.lower()}).content.decode()
    assert second.number in page and first.number not in page
    assert "没有找到" in client.get(RESULTS, {"q": "QS0"}).content.decode()


def test_board_queries_do_not_grow(client, process, django_assert_max_num_queries):
    for _ in range(5):
        CaseFactory(process=process, stage="finished")
    with django_assert_max_num_queries(4):
        response = client.get(RESULTS)
    assert len(response.context["rows"]) == 5


def test_home_tiles_reach_the_public_pages(client):
    page = client.get(reverse("portal:home")).content.decode()
    for name in ("approvals:track", "approvals:results"):
        assert reverse(name) in page

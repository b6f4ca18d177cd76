"""办理结果公示 in the site-wide search: a finished case is findable with what the board shows."""

import pytest

from approvals.services.handling.publicity import SEARCH_KIND
from portal.search.models import SearchEntry
from tests.approvals.factories import CaseFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db
URL = "/disclosure/search/"


def test_a_running_case_is_not_indexed(process):
    CaseFactory(process=process, stage="in_progress")

    assert not SearchEntry.objects.filter(kind=SEARCH_KIND).exists()


def test_a_finished_case_is_indexed_without_personal_data(process):
    citizen = CitizenFactory(real_name="王小明")
    case = CaseFactory(process=process, applicant=citizen, stage="finished")
    entry = SearchEntry.objects.get(kind=SEARCH_KIND, object_id=case.pk)

    assert entry.title == process.item.name
    assert entry.fields == {
        "number": case.number,
        "decision": "准予许可",
        "applicant": "王**",
        "department": case.department.name,
    }
    assert entry.url == f"/approvals/results/?q={case.number}"
    for secret in ("王小明", citizen.resident_id, citizen.mobile):
        assert secret not in entry.content


def test_the_search_page_finds_a_result_by_its_number(client, process):
    case = CaseFactory(process=process, stage="finished")
    page = client.get(URL, {"q": case.number}).content.decode()

    assert f'href="/approvals/results/?q={case.number}"' in page
    assert "办理结果公示" in page and "匹配：办件编号" in page

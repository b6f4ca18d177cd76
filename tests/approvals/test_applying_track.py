"""办件查询 by number and query code, without signing in; failed attempts are rate-limited."""

import pytest
from django.urls import reverse

from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db

TRACK = "/approvals/track/"


@pytest.fixture
def case(process):
    return CaseFactory(process=process, stage="in_progress")


def test_number_and_code_open_the_case_read_only(client, case):
    response = client.post(TRACK, {"number": case.number.lower(), "code": case.query_code})
    assert response["Location"] == reverse("approvals:case", args=[case.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "受理" in page.content.decode()
    assert page.context["withdraw_form"] is None and page.context["materials"] == []


def test_a_wrong_code_tells_nothing(client, case):
    wrong = f"{(int(case.query_code) + 1) % 10**6:06d}"
    response = client.post(TRACK, {"number": case.number, "code": wrong})
    assert response.status_code == 400
    assert "办件编号或查询码不正确" in response.content.decode()
    assert client.get(reverse("approvals:case", args=[case.pk])).status_code == 404


def test_an_unknown_number_gets_the_same_answer(client):
    response = client.post(TRACK, {"number": "QS2099010100001", "code": "123456"})
    assert "办件编号或查询码不正确" in response.content.decode()


def test_too_many_failures_block_even_the_right_code(client, case, settings):
    settings.APPROVALS_TRACK_ATTEMPTS_PER_HOUR = 3
    for _ in range(3):
        client.post(TRACK, {"number": case.number, "code": "000000x"})
    response = client.post(TRACK, {"number": case.number, "code": case.query_code})
    assert response.status_code == 429
    assert "查询失败次数过多" in response.content.decode()

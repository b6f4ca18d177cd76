"""办件查询 by number and query code, without signing in; failed attempts are rate-limited."""

import pytest
from django.urls import reverse

from approvals.models import Case
from approvals.services.applying import case_submit
from tests.approvals.factories import CaseFactory, advance

pytestmark = pytest.mark.django_db

TRACK = "/approvals/track/"


@pytest.fixture
def submitted(process):
    """A case in progress and the query code its applicant was shown."""
    draft = CaseFactory(process=process, stage="draft")
    case, code = case_submit(actor=draft.applicant, case=draft)
    return advance(case, "in_progress"), code


@pytest.fixture
def case(submitted):
    return submitted[0]


@pytest.fixture
def code(submitted):
    return submitted[1]


def test_the_code_is_kept_only_as_a_digest_and_never_in_history(case, code):
    row = Case.objects.filter(pk=case.pk).values().get()
    assert code not in str(row) and len(row["query_code_digest"]) == 64
    history = list(case.history.values())
    assert history and all(code not in str(record) for record in history)
    assert all("query_code" not in field for record in history for field in record)


def test_number_and_code_open_the_case_read_only(client, case, code):
    response = client.post(TRACK, {"number": case.number.lower(), "code": code.lower()})
    assert response["Location"] == reverse("approvals:case", args=[case.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "受理" in page.content.decode()
    assert page.context["withdraw_form"] is None and page.context["materials"] == []


def test_a_wrong_code_tells_nothing(client, case, code):
    wrong = "ABCDEFGH" if code != "ABCDEFGH" else "HGFEDCBA"
    response = client.post(TRACK, {"number": case.number, "code": wrong})
    assert response.status_code == 400
    assert "办件编号或查询码不正确" in response.content.decode()
    assert client.get(reverse("approvals:case", args=[case.pk])).status_code == 404


def test_an_unknown_number_gets_the_same_answer(client):
    response = client.post(TRACK, {"number": "QS2099010100001", "code": "123456"})
    assert "办件编号或查询码不正确" in response.content.decode()


def test_another_case_s_code_does_not_open_this_case(client, case, process):
    other = CaseFactory(process=process, stage="draft")
    _other_case, other_code = case_submit(actor=other.applicant, case=other)
    response = client.post(TRACK, {"number": case.number, "code": other_code})
    assert response.status_code == 400
    assert client.get(reverse("approvals:case", args=[case.pk])).status_code == 404


def test_too_many_failures_block_even_the_right_code(client, case, code, settings):
    # A cache of this process only: the shared file cache is cleared by other test runs.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.APPROVALS_TRACK_ATTEMPTS_PER_HOUR = 3
    for _ in range(3):
        client.post(TRACK, {"number": case.number, "code": "000000x"})
    response = client.post(TRACK, {"number": case.number, "code": code})
    assert response.status_code == 429
    assert "查询失败次数过多" in response.content.decode()

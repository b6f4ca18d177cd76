"""The citizen's case page in plain markup (issue 21): the rating and withdrawal forms as
crispy-forms drew them, errors included, the timeline's times, and a fixed number of queries."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertInHTML

from approvals.models import CaseEvent
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def case_url(case) -> str:
    return reverse("approvals:case", args=[case.pk])


@pytest.fixture
def finished(process, citizen, client):
    client.force_login(citizen)
    return CaseFactory(process=process, applicant=citizen, stage="finished")


def test_the_rating_form_offers_each_level_with_its_label(client, finished):
    page = client.get(case_url(finished)).content.decode()
    form = page[page.index(reverse("approvals:rate", args=[finished.pk])) :]
    assert '<legend class="form-label requiredField fs-6">您对本次办理的评价' in form
    for n, label in enumerate(["非常满意", "满意", "基本满意", "不满意", "非常不满意"]):
        assert f'id="id_level_{n}" required>' in form
        assert f'<label for="id_level_{n}" class="form-check-label">{label}</label>' in form
    assert re.search(r'name="submission_token" value="[\w-]{20,}" id="id_submission_token"', form)


def test_a_rating_without_a_level_shows_the_error_and_keeps_the_comment(client, finished):
    response = client.post(reverse("approvals:rate", args=[finished.pk]), {"comment": "很好"})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<fieldset aria-describedby="id_level_error">' in page
    assert '<p id="error_1_id_level"><strong>请选择一个评价等级。</strong></p>' in page
    assert 'aria-invalid="true"' in page
    assert 'id="id_comment">\n很好</textarea>' in page


def test_a_chosen_level_stays_checked_after_an_error(client, finished):
    response = client.post(
        reverse("approvals:rate", args=[finished.pk]), {"level": "2", "comment": "x" * 501}
    )
    page = response.content.decode()
    assertInHTML(
        '<input type="radio" class="form-check-input" name="level" value="2" id="id_level_3"'
        " required checked>",
        page,
    )
    assert 'aria-describedby="id_comment_error"' in page and 'id="id_comment_error"' in page


def test_withdrawing_without_a_reason_shows_the_error(client, process, citizen):
    case = CaseFactory(process=process, applicant=citizen, stage="in_progress")
    client.force_login(citizen)
    page = client.get(case_url(case)).content.decode()
    assert '<label for="id_reason" class="form-label requiredField">撤回理由' in page
    response = client.post(reverse("approvals:withdraw", args=[case.pk]), {"reason": ""})
    page = response.content.decode()
    assertInHTML(
        '<textarea name="reason" cols="40" rows="2" maxlength="500" required id="id_reason"'
        ' class="textarea form-control is-invalid" aria-invalid="true"'
        ' aria-describedby="id_reason_error"></textarea>',
        page,
    )
    assert '<div id="id_reason_error" class="invalid-feedback">' in page


def test_the_timeline_shows_each_time_in_the_local_zone(client, finished):
    event = finished.events.exclude(code__in=CaseEvent.DRAFT_CODES).earliest("created_at", "id")
    local = timezone.localtime(event.created_at)
    page = client.get(case_url(finished)).content.decode()
    timeline = page[page.index('id="case-timeline"') :]
    assert f'<time class="small text-body-secondary" datetime="{local.isoformat()}">' in timeline
    assert f"{local:%Y-%m-%d %H:%M}</time>" in timeline


def test_the_case_page_reads_the_notice_and_the_version_with_the_case(
    client, finished, django_assert_max_num_queries
):
    client.get(case_url(finished))
    # The session, the user, the case (item, unit, clock, version, notice), the item's list of
    # materials (a case filed before versions), the rating, the uploads and the timeline.
    with django_assert_max_num_queries(7):
        client.get(case_url(finished))

"""The discipline office's side of appraisal rounds, and who reads the results when."""

import pytest
from django.urls import reverse

from petitions.models import AppraisalRound, AppraisalRoundEvent
from petitions.models.appraisal import Grade
from petitions.services import appraisal as services
from portal.errors import DomainError
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.appraisal import appraisal_round, grades, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureaus(db):
    return [DepartmentFactory(name="县市场监督管理局"), DepartmentFactory(name="县民政局")]


def test_the_office_opens_closes_and_publishes_with_events(client, inspector, bureaus):
    draft = appraisal_round(inspector, bureaus, status="draft")
    client.force_login(inspector)
    for move in ("open", "close", "publish"):
        client.post(reverse("petitions:appraisal_staff_move", args=[draft.pk, move]))
    draft.refresh_from_db()
    assert draft.status == AppraisalRound.Status.PUBLISHED
    codes = list(draft.events.values_list("code", "actor"))
    assert codes == [
        ("created", inspector.pk),
        ("opened", inspector.pk),
        ("closed", inspector.pk),
        ("published", inspector.pk),
    ]


def test_publishing_an_open_round_is_refused(inspector, bureaus):
    open_round = appraisal_round(inspector, bureaus)
    with pytest.raises(DomainError, match="只有已结束的评议可以公布结果"):
        services.appraisal_round_publish(actor=inspector, appraisal_round=open_round)


def test_a_department_head_cannot_close_a_round(client, inspector, bureaus):
    open_round = appraisal_round(inspector, bureaus)
    client.force_login(StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=bureaus[0]))
    response = client.post(reverse("petitions:appraisal_staff_move", args=[open_round.pk, "close"]))
    assert response.status_code == 404
    open_round.refresh_from_db()
    assert open_round.status == AppraisalRound.Status.OPEN


def test_the_office_creates_a_round_from_its_page(client, inspector, bureaus):
    client.force_login(inspector)
    response = client.post(
        reverse("petitions:appraisal_staff_list"),
        {
            "title": "2027年度民主评议",
            "period_kind": "year",
            "year": 2027,
            "quarter": "",
            "opens_at": "2027-01-05T08:00",
            "closes_at": "2027-01-31T18:00",
            "departments": [department.pk for department in bureaus],
        },
    )
    assert response.status_code == 302
    created = AppraisalRound.objects.get(title="2027年度民主评议")
    assert created.status == AppraisalRound.Status.DRAFT and created.quarter is None
    assert AppraisalRoundEvent.objects.filter(round=created, code="created").exists()


def test_a_second_round_for_the_same_quarter_is_refused(client, inspector, bureaus):
    appraisal_round(inspector, bureaus, status="draft")
    client.force_login(inspector)
    response = client.post(
        reverse("petitions:appraisal_staff_list"),
        {
            "title": "重复",
            "period_kind": "quarter",
            "year": 2026,
            "quarter": "4",
            "opens_at": "2026-10-05T08:00",
            "closes_at": "2026-10-31T18:00",
            "departments": [bureaus[0].pk],
        },
    )
    assert response.status_code == 400
    assert "该周期已有评议" in response.content.decode()
    assert AppraisalRound.objects.count() == 1


def test_results_are_hidden_from_the_public_before_publication(client, inspector, bureaus):
    closed = appraisal_round(inspector, bureaus, status="closed")
    response = client.get(reverse("petitions:appraisal_results", args=[closed.pk]))
    assert response.status_code == 404


def test_the_office_reads_results_before_publication(client, inspector, bureaus):
    closed = appraisal_round(inspector, bureaus, status="closed")
    client.force_login(inspector)
    page = client.get(reverse("petitions:appraisal_results", args=[closed.pk])).content.decode()
    assert "结果尚未公布" in page


def test_published_results_show_scores_and_the_weighting(client, inspector, bureaus, settings):
    settings.PETITIONS_APPRAISAL_MIN_RESPONSES = 1
    round_ = appraisal_round(inspector, bureaus)
    vote(round_, CitizenFactory(), grades(bureaus, Grade.FAIRLY_SATISFIED))
    services.appraisal_round_close(actor=inspector, appraisal_round=round_)
    services.appraisal_round_publish(actor=inspector, appraisal_round=round_)
    page = client.get(reverse("petitions:appraisal_results", args=[round_.pk])).content.decode()
    assert "80.00" in page
    assert "基本满意 80" in page and "依法履行职责 16.7%" in page
    assert 'id="appraisal-chart"' in page


def test_the_results_page_keeps_its_query_count(
    client, inspector, settings, django_assert_max_num_queries
):
    settings.PETITIONS_APPRAISAL_MIN_RESPONSES = 1
    departments = [DepartmentFactory() for _n in range(8)]
    round_ = appraisal_round(inspector, departments)
    for _n in range(3):
        vote(round_, CitizenFactory(), grades(departments))
    services.appraisal_round_close(actor=inspector, appraisal_round=round_)
    services.appraisal_round_publish(actor=inspector, appraisal_round=round_)
    with django_assert_max_num_queries(14):
        client.get(reverse("petitions:appraisal_results", args=[round_.pk]))

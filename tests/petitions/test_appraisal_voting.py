"""Answering an appraisal: one anonymous ballot per person and round, signed-in public only."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from petitions.models import AppraisalAnswer, AppraisalBallot, AppraisalParticipation
from petitions.models.appraisal import Dimension, Grade
from portal.errors import DomainError
from portal.models import Submission, User
from portal.roles import Role
from tests.factories import DepartmentFactory, EnterpriseFactory, StaffFactory
from tests.petitions.appraisal import DURING, appraisal_round, grades, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureaus(db):
    return [DepartmentFactory(name="县市场监督管理局"), DepartmentFactory(name="县民政局")]


@pytest.fixture
def open_round(inspector, bureaus):
    return appraisal_round(inspector, bureaus)


def form_data(bureaus, grade=Grade.SATISFIED, token="t" * 32) -> dict:
    data = {
        f"grade_{department.pk}_{dimension}": grade
        for department in bureaus
        for dimension in Dimension.values
    }
    return {**data, "submission_token": token}


def test_a_citizen_answers_once_and_the_ballot_is_stored(client, citizen, open_round, bureaus):
    client.force_login(citizen)
    url = reverse("petitions:appraisal_answer", args=[open_round.pk])
    with time_machine.travel(DURING):
        response = client.post(url, form_data(bureaus), follow=True)
    assert "感谢您参加评议" in response.content.decode()
    assert AppraisalParticipation.objects.filter(round=open_round, voter=citizen).count() == 1
    assert AppraisalAnswer.objects.filter(ballot__round=open_round).count() == 12


def test_a_second_attempt_says_so_and_stores_nothing(client, citizen, open_round, bureaus):
    vote(open_round, citizen, grades(bureaus))
    client.force_login(citizen)
    url = reverse("petitions:appraisal_answer", args=[open_round.pk])
    with time_machine.travel(DURING):
        response = client.post(url, form_data(bureaus, Grade.UNSATISFIED, token="u" * 32))
    assert "您已参加本轮评议" in response.content.decode()
    assert AppraisalBallot.objects.filter(round=open_round).count() == 1
    assert not AppraisalAnswer.objects.filter(grade=Grade.UNSATISFIED).exists()


def test_the_service_refuses_a_second_ballot(citizen, open_round, bureaus):
    vote(open_round, citizen, grades(bureaus))
    with pytest.raises(DomainError, match="您已参加本轮评议"):
        vote(open_round, citizen, grades(bureaus))


def test_an_enterprise_may_answer(open_round, bureaus):
    vote(open_round, EnterpriseFactory(), grades(bureaus))
    assert AppraisalBallot.objects.filter(round=open_round).count() == 1


def test_staff_cannot_answer_at_all(open_round, bureaus):
    staff = StaffFactory(roles=[Role.WINDOW_CLERK], department=DepartmentFactory())
    with pytest.raises(DomainError):
        vote(open_round, staff, grades(bureaus))


def test_the_page_is_not_found_for_staff(client, open_round):
    client.force_login(StaffFactory(roles=[Role.WINDOW_CLERK]))
    response = client.get(reverse("petitions:appraisal_answer", args=[open_round.pk]))
    assert response.status_code == 404


def test_a_missing_choice_is_refused_with_nothing_stored(client, citizen, open_round, bureaus):
    data = form_data(bureaus)
    del data[f"grade_{bureaus[0].pk}_integrity"]
    client.force_login(citizen)
    with time_machine.travel(DURING):
        response = client.post(reverse("petitions:appraisal_answer", args=[open_round.pk]), data)
    assert response.status_code == 400
    assert "请选择一项评价" in response.content.decode()
    assert not AppraisalParticipation.objects.exists()


def test_a_forged_grade_is_refused(client, citizen, open_round, bureaus):
    data = form_data(bureaus)
    data[f"grade_{bureaus[0].pk}_duties"] = "excellent"
    client.force_login(citizen)
    with time_machine.travel(DURING):
        response = client.post(reverse("petitions:appraisal_answer", args=[open_round.pk]), data)
    assert response.status_code == 400
    assert not AppraisalBallot.objects.exists()


def test_a_ballot_for_part_of_the_departments_is_refused(citizen, open_round, bureaus):
    with pytest.raises(DomainError, match="请对每个单位的每项内容作出评价"):
        vote(open_round, citizen, grades(bureaus[:1]))


def test_after_the_closing_time_no_ballot(citizen, open_round, bureaus):
    with pytest.raises(DomainError, match="本轮评议已截止"):
        vote(open_round, citizen, grades(bureaus), at=open_round.closes_at)


def test_a_closed_round_has_no_questionnaire(client, citizen, inspector, bureaus):
    closed = appraisal_round(inspector, bureaus, status="closed")
    client.force_login(citizen)
    response = client.get(reverse("petitions:appraisal_answer", args=[closed.pk]))
    assert response.status_code == 404


def test_nothing_links_a_ballot_to_a_person(client, citizen, open_round, bureaus):
    """No column of a ballot or an answer refers to a user, no history names the voter, and the
    double-submission receipt points at the participation."""
    for model in (AppraisalBallot, AppraisalAnswer):
        assert not any(
            field.is_relation and field.related_model is User for field in model._meta.fields
        )
        assert not any(field.name.endswith("_at") for field in model._meta.fields)
        assert not apps.all_models["petitions"].get(f"historical{model._meta.model_name}")
    client.force_login(citizen)
    with time_machine.travel(DURING):
        client.post(reverse("petitions:appraisal_answer", args=[open_round.pk]), form_data(bureaus))
    receipt = Submission.objects.get(account=citizen)
    assert receipt.subject_type == "petitions.appraisalparticipation"


def test_the_list_shows_that_the_citizen_took_part(client, citizen, open_round, bureaus):
    vote(open_round, citizen, grades(bureaus))
    client.force_login(citizen)
    page = client.get(reverse("petitions:appraisal_rounds")).content.decode()
    assert "您已参加本轮评议" in page


def test_the_round_list_keeps_its_query_count(
    client, citizen, inspector, bureaus, django_assert_max_num_queries
):
    for year in (2023, 2024, 2025, 2026):
        appraisal_round(inspector, bureaus, year=year)
    client.force_login(citizen)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("petitions:appraisal_rounds"))
    assert response.status_code == 200


def test_time_window_uses_the_round_dates(citizen, open_round, bureaus):
    early = open_round.opens_at - datetime.timedelta(minutes=1)
    with pytest.raises(DomainError, match="本轮评议尚未开始"):
        vote(open_round, citizen, grades(bureaus), at=early)

"""在线调查, answering: once per account or per device, required and invalid answers, limits."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from petitions.models import SurveyAnswer, SurveyResponse
from petitions.services.surveys import answering
from portal.errors import DomainError
from tests.petitions.surveying import answer, by_text, make_survey, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(clerk):
    return make_survey(clerk)


@pytest.fixture
def anonymous_survey(clerk):
    return make_survey(clerk, anonymous=True)


def test_a_citizen_answers_and_the_answers_are_stored(client, citizen, survey):
    client.force_login(citizen)
    data = post_data(survey)
    found = by_text(survey)
    data[f"q{found['其他意见'].pk}"] = "希望延长营业时间"
    response = client.post(reverse("petitions:survey_answer", args=[survey.pk]), data, follow=True)
    assert "感谢您参加本次调查" in response.content.decode()
    stored = SurveyResponse.objects.get(survey=survey, user=citizen)
    text = stored.answers.get(question=found["其他意见"])
    assert text.moderation == SurveyAnswer.Moderation.PENDING and text.public_text == ""
    assert stored.answers.get(question=found["卫生状况评分"]).rating == 4


def test_a_second_attempt_by_the_same_account_stores_nothing(client, citizen, survey):
    answer(survey, citizen)
    client.force_login(citizen)
    page = client.get(reverse("petitions:survey_detail", args=[survey.pk]))
    assert page.context["form"] is None
    assert "您已参加过本次调查" in page.content.decode()
    response = client.post(
        reverse("petitions:survey_answer", args=[survey.pk]), post_data(survey), follow=True
    )
    assert "您已参加过本次调查" in response.content.decode()
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def test_the_service_refuses_a_second_response_of_the_account(citizen, survey):
    answer(survey, citizen)
    with pytest.raises(DomainError, match="您已参加过本次调查"):
        answer(survey, citizen, rating=1)
    assert SurveyAnswer.objects.filter(rating=1).count() == 0


def test_a_double_post_of_the_same_form_stores_one_response(client, citizen, survey):
    client.force_login(citizen)
    data = post_data(survey)
    url = reverse("petitions:survey_answer", args=[survey.pk])
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    assert first.status_code == 302
    assert "感谢您参加本次调查" in second.content.decode()
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def test_a_signed_in_survey_sends_the_anonymous_visitor_to_the_login(client, survey):
    page = client.get(reverse("petitions:survey_detail", args=[survey.pk]))
    assert page.context["form"] is None and page.context["needs_login"]
    response = client.post(reverse("petitions:survey_answer", args=[survey.pk]), post_data(survey))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not SurveyResponse.objects.exists()


def test_staff_accounts_do_not_answer(clerk, survey):
    with pytest.raises(DomainError, match="请以个人或企业账号登录"):
        answer(survey, clerk)


def test_an_anonymous_survey_is_answered_once_per_device(client, anonymous_survey):
    url = reverse("petitions:survey_detail", args=[anonymous_survey.pk])
    assert client.get(url).context["form"] is not None
    answer_url = reverse("petitions:survey_answer", args=[anonymous_survey.pk])
    assert client.post(answer_url, post_data(anonymous_survey)).status_code == 302
    again = client.post(answer_url, post_data(anonymous_survey), follow=True)
    assert "您已参加过本次调查" in again.content.decode()
    stored = SurveyResponse.objects.get(survey=anonymous_survey)
    assert stored.user is None and len(stored.anon_key) == 64


def test_an_anonymous_survey_does_not_link_a_signed_in_citizen(client, citizen, anonymous_survey):
    client.force_login(citizen)
    client.get(reverse("petitions:survey_detail", args=[anonymous_survey.pk]))
    client.post(
        reverse("petitions:survey_answer", args=[anonymous_survey.pk]), post_data(anonymous_survey)
    )
    assert SurveyResponse.objects.get(survey=anonymous_survey).user is None


def test_another_device_at_the_same_address_may_answer(client, anonymous_survey):
    url = reverse("petitions:survey_answer", args=[anonymous_survey.pk])
    client.post(url, post_data(anonymous_survey))
    client.cookies.clear()
    assert client.post(url, post_data(anonymous_survey)).status_code == 302
    assert SurveyResponse.objects.filter(survey=anonymous_survey).count() == 2


@override_settings(PETITIONS_SURVEY_ANSWERS_PER_HOUR=1)
def test_anonymous_answers_are_limited_per_address(client, anonymous_survey):
    url = reverse("petitions:survey_answer", args=[anonymous_survey.pk])
    client.post(url, post_data(anonymous_survey))
    client.cookies.clear()
    refused = client.post(url, post_data(anonymous_survey))
    assert refused.status_code == 429
    assert "提交的次数过多" in refused.content.decode()
    assert SurveyResponse.objects.filter(survey=anonymous_survey).count() == 1


def test_a_missing_required_answer_is_named_and_nothing_is_stored(client, citizen, survey):
    client.force_login(citizen)
    found = by_text(survey)
    data = post_data(survey)
    del data[f"q{found['您多久去一次农贸市场？'].pk}"]
    response = client.post(reverse("petitions:survey_answer", args=[survey.pk]), data)
    assert response.status_code == 400
    assert "请检查标红的题目" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_an_optional_question_may_stay_empty(citizen, survey):
    response = answer(survey, citizen, text="")
    assert not response.answers.filter(question__kind="text").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("您多久去一次农贸市场？", "999999"),
        ("卫生状况评分", "6"),
        ("卫生状况评分", "abc"),
    ],
)
def test_an_invalid_answer_is_refused_with_a_message(client, citizen, survey, field, value):
    client.force_login(citizen)
    data = post_data(survey)
    data[f"q{by_text(survey)[field].pk}"] = value
    response = client.post(reverse("petitions:survey_answer", args=[survey.pk]), data)
    assert response.status_code == 400
    assert "alert-danger" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_nul_byte_is_refused_before_anything_is_stored(client, citizen, survey):
    client.force_login(citizen)
    data = post_data(survey)
    data[f"q{by_text(survey)['其他意见'].pk}"] = "好\x00坏"
    response = client.post(reverse("petitions:survey_answer", args=[survey.pk]), data)
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_the_service_refuses_a_nul_byte_too(citizen, survey):
    with pytest.raises(DomainError, match="回答无效"):
        answer(survey, citizen, text="好\x00坏")


def test_the_service_refuses_a_choice_of_another_question(citizen, survey):
    found = by_text(survey)
    with pytest.raises(DomainError, match="选项无效"):
        answering.survey_answer(
            actor=citizen,
            survey=survey,
            answers={
                found["您多久去一次农贸市场？"].pk: [found["choices"]["停车"]],
                found["希望改进哪些方面？"].pk: [],
                found["卫生状况评分"].pk: 3,
            },
        )


def test_a_survey_not_yet_open_takes_no_answer(clerk, citizen):
    later = make_survey(
        clerk,
        opens_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=5),
    )
    with pytest.raises(DomainError, match="不在答题时间内"):
        answer(later, citizen)


def test_a_draft_is_not_public(client, clerk):
    draft = make_survey(clerk, publish=False)
    assert client.get(reverse("petitions:survey_detail", args=[draft.pk])).status_code == 404


def test_staff_accounts_do_not_answer_anonymous_surveys_either(clerk, anonymous_survey):
    with pytest.raises(DomainError, match="请以个人或企业账号登录"):
        answer(anonymous_survey, clerk, key="b" * 64)

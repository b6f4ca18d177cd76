"""在线调查, results: the maths, public results, moderation of free text, the export."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from petitions.models import SurveyAnswer, SurveyEvent
from petitions.selectors import surveys as selectors
from petitions.services.surveys import building, review
from portal.errors import DomainError
from tests.factories import CitizenFactory
from tests.petitions.surveying import answer, make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(clerk):
    return make_survey(clerk)


def three_answers(survey):
    answer(survey, CitizenFactory(), single="每天", multiple=("停车", "卫生"), rating=5)
    answer(survey, CitizenFactory(), single="每天", multiple=("停车",), rating=4)
    answer(
        survey,
        CitizenFactory(),
        single="很少",
        multiple=(),
        rating=2,
        text="我叫王小明，电话13912345678",
    )


def result_of(results, text):
    return next(
        result for _s, rows in results.sections for result in rows if result.question.text == text
    )


def test_counts_percentages_and_the_rating_average(survey):
    three_answers(survey)
    results = selectors.results(survey, public=False)
    single = result_of(results, "您多久去一次农贸市场？")
    assert results.responses == 3
    assert [(row.label, row.count, row.percent) for row in single.rows] == [
        ("每天", 2, Decimal("66.7")),
        ("每周", 0, Decimal("0.0")),
        ("很少", 1, Decimal("33.3")),
    ]
    multiple = result_of(results, "希望改进哪些方面？")
    # Those who ticked nothing did not answer the question: the base is 2.
    assert multiple.answered == 2
    assert [(row.count, row.percent) for row in multiple.rows] == [
        (2, Decimal("100.0")),
        (0, Decimal("0.0")),
        (1, Decimal("50.0")),
    ]
    rating = result_of(results, "卫生状况评分")
    assert rating.average == Decimal("3.67")
    assert [row.count for row in rating.rows] == [0, 1, 0, 1, 1]


def test_results_of_a_survey_without_answers_show_no_percentages(survey):
    rating = result_of(selectors.results(survey, public=True), "卫生状况评分")
    assert rating.average is None and rating.rows[0].percent is None


def test_public_results_wait_for_the_end_of_the_survey(client, clerk, survey):
    url = reverse("petitions:survey_results", args=[survey.pk])
    assert client.get(url).status_code == 404
    building.survey_close(actor=clerk, survey=survey)
    assert client.get(url).status_code == 200


def test_results_not_declared_public_stay_with_staff(client, clerk):
    private = make_survey(clerk, results_public=False)
    building.survey_close(actor=clerk, survey=private)
    assert client.get(reverse("petitions:survey_results", args=[private.pk])).status_code == 404
    client.force_login(clerk)
    url = reverse("petitions:survey_staff_results", args=[private.pk])
    assert client.get(url).status_code == 200


def test_the_results_page_draws_a_chart_per_choice_question(client, clerk, survey):
    three_answers(survey)
    building.survey_close(actor=clerk, survey=survey)
    body = client.get(reverse("petitions:survey_results", args=[survey.pk])).content.decode()
    assert body.count('id="survey-chart-') == 3
    assert "vendor/chartjs/chart.umd.js" in body and "66.7%" in body and "3.67" in body


def test_free_text_is_public_only_after_moderation(client, clerk, operator, survey):
    three_answers(survey)
    building.survey_close(actor=clerk, survey=survey)
    url = reverse("petitions:survey_results", args=[survey.pk])
    assert "电话" not in client.get(url).content.decode()
    text = SurveyAnswer.objects.get(moderation=SurveyAnswer.Moderation.PENDING)
    review.answer_text_pass(actor=operator, answer=text)
    body = client.get(url).content.decode()
    assert "我叫王某某，电话139****5678" in body and "13912345678" not in body


def test_the_moderator_edits_the_proposed_text(client, operator, survey):
    answer(survey, CitizenFactory(), text="停车位太少")
    text = SurveyAnswer.objects.get(moderation=SurveyAnswer.Moderation.PENDING)
    client.force_login(operator)
    page = client.get(reverse("petitions:survey_staff_moderation", args=[survey.pk]))
    assert "停车位太少" in page.content.decode()
    client.post(
        reverse("petitions:survey_staff_moderate", args=[survey.pk, text.pk]),
        {"decision": "pass", "text": "停车位偏少"},
    )
    text.refresh_from_db()
    assert text.moderation == "passed" and text.public_text == "停车位偏少"
    assert survey.events.filter(code=SurveyEvent.Code.TEXT_PASSED, actor=operator).exists()


def test_a_rejected_text_never_shows(client, clerk, operator, survey):
    answer(survey, CitizenFactory(), text="无关广告")
    text = SurveyAnswer.objects.get(moderation=SurveyAnswer.Moderation.PENDING)
    review.answer_text_reject(actor=operator, answer=text)
    with pytest.raises(DomainError, match="已由其他审核人处理"):
        review.answer_text_pass(actor=operator, answer=text)
    building.survey_close(actor=clerk, survey=survey)
    body = client.get(reverse("petitions:survey_results", args=[survey.pk])).content.decode()
    assert "无关广告" not in body


def test_only_moderators_moderate_survey_text(client, clerk, survey):
    answer(survey, CitizenFactory(), text="意见")
    text = SurveyAnswer.objects.get(moderation=SurveyAnswer.Moderation.PENDING)
    with pytest.raises(DomainError, match="没有审核公开内容的权限"):
        review.answer_text_pass(actor=clerk, answer=text)
    client.force_login(clerk)
    url = reverse("petitions:survey_staff_moderation", args=[survey.pk])
    assert client.get(url).status_code == 404


def test_an_empty_public_text_is_refused(client, operator, survey):
    answer(survey, CitizenFactory(), text="意见")
    text = SurveyAnswer.objects.get(moderation=SurveyAnswer.Moderation.PENDING)
    client.force_login(operator)
    response = client.post(
        reverse("petitions:survey_staff_moderate", args=[survey.pk, text.pk]),
        {"decision": "pass", "text": "  "},
        follow=True,
    )
    assert "公开内容不能为空" in response.content.decode()
    text.refresh_from_db()
    assert text.moderation == "pending"


def test_the_csv_export_has_one_row_per_response(client, clerk, survey):
    three_answers(survey)
    client.force_login(clerk)
    response = client.get(reverse("petitions:survey_staff_export", args=[survey.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][2:] == [
        "您多久去一次农贸市场？",
        "希望改进哪些方面？",
        "卫生状况评分",
        "其他意见",
    ]
    assert rows[1][2:] == ["每天", "停车; 卫生", "5", ""]
    assert len(rows) == 4


def test_the_xlsx_export_opens(client, clerk, survey):
    three_answers(survey)
    client.force_login(clerk)
    response = client.get(
        reverse("petitions:survey_staff_export", args=[survey.pk]), {"format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4 and sheet.cell(row=4, column=5).value == 2


def test_citizens_cannot_export(client, citizen, survey):
    client.force_login(citizen)
    url = reverse("petitions:survey_staff_export", args=[survey.pk])
    assert client.get(url).status_code == 404


def test_the_results_query_count_does_not_grow_with_answers(
    client, clerk, survey, django_assert_max_num_queries
):
    for _n in range(4):
        three_answers(survey)
    client.force_login(clerk)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("petitions:survey_staff_results", args=[survey.pk]))
    assert response.status_code == 200

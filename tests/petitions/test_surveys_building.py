"""在线调查, building: settings, sections and questions, publishing, the freeze, closing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from petitions.models import Survey, SurveyEvent, SurveyQuestion
from petitions.services.surveys import building
from portal.errors import DomainError
from tests.petitions.surveying import QUESTIONS, answer, make_survey

pytestmark = pytest.mark.django_db


def test_staff_create_a_survey_of_their_department(client, clerk):
    client.force_login(clerk)
    now = timezone.localtime()
    response = client.post(
        reverse("petitions:survey_staff_new"),
        {
            "title": "停车满意度调查",
            "intro": "",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
            "anonymous": "on",
        },
    )
    survey = Survey.objects.get(title="停车满意度调查")
    assert response.status_code == 302
    assert survey.department == clerk.department and survey.anonymous
    assert survey.status == Survey.Status.DRAFT and not survey.results_public
    assert survey.events.filter(code=SurveyEvent.Code.DRAFTED, actor=clerk).exists()


def test_closing_before_opening_is_refused_with_a_message(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:survey_staff_new"),
        {"title": "调查", "opens_at": "2026-05-02T09:00", "closes_at": "2026-05-01T09:00"},
    )
    assert response.status_code == 400
    assert "截止时间必须晚于开始时间" in response.content.decode()
    assert not Survey.objects.exists()


def test_the_builder_adds_a_section_and_a_choice_question(client, clerk):
    survey = make_survey(clerk, publish=False, questions=[])
    client.force_login(clerk)
    build = "petitions:survey_staff_build"
    client.post(reverse(build, args=[survey.pk, "section_add"]), {"title": "基本情况"})
    response = client.post(
        reverse(build, args=[survey.pk, "question_add"]),
        {
            "section": survey.sections.get().pk,
            "kind": "single",
            "text": "您的年龄段",
            "required": "on",
            "choices": "18岁以下\n18-60岁\n\n60岁以上",
            "scale_max": "5",
        },
    )
    assert response.status_code == 302
    question = survey.questions.get()
    assert question.section.title == "基本情况" and question.required
    assert list(question.choices.values_list("text", flat=True)) == [
        "18岁以下",
        "18-60岁",
        "60岁以上",
    ]
    page = client.get(reverse("petitions:survey_staff_detail", args=[survey.pk])).content.decode()
    assert "您的年龄段" in page and "60岁以上" in page


def test_a_choice_question_needs_two_choices(client, clerk):
    survey = make_survey(clerk, publish=False, questions=[])
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:survey_staff_build", args=[survey.pk, "question_add"]),
        {"kind": "multiple", "text": "选项太少", "choices": "唯一选项", "scale_max": "5"},
        follow=True,
    )
    assert "选择题至少需要两个选项" in response.content.decode()
    assert not survey.questions.exists()


def test_a_question_without_a_section_gets_an_untitled_one(clerk):
    survey = make_survey(clerk, publish=False, questions=QUESTIONS[:1])
    assert survey.sections.get().title == ""
    assert survey.questions.get().section == survey.sections.get()


def test_an_invalid_builder_form_says_what_is_wrong(client, clerk):
    survey = make_survey(clerk, publish=False, questions=[])
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:survey_staff_build", args=[survey.pk, "question_add"]),
        {"kind": "rating", "text": "", "scale_max": "99"},
    )
    assert response.status_code == 400
    assert not survey.questions.exists()


def test_publishing_without_a_question_is_refused(client, clerk):
    survey = make_survey(clerk, publish=False, questions=[])
    client.force_login(clerk)
    response = client.post(reverse("petitions:survey_staff_publish", args=[survey.pk]), follow=True)
    assert "调查还没有题目" in response.content.decode()
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT


def test_publishing_puts_it_on_the_public_list(client, clerk):
    survey = make_survey(clerk, publish=False, title="即将发布的调查")
    assert "即将发布的调查" not in client.get(reverse("petitions:surveys")).content.decode()
    building.survey_publish(actor=clerk, survey=survey)
    assert "即将发布的调查" in client.get(reverse("petitions:surveys")).content.decode()


def test_questions_may_change_after_publishing_until_the_first_response(clerk, citizen):
    survey = make_survey(clerk)
    question = survey.questions.get(kind=SurveyQuestion.Kind.RATING)
    draft = building.QuestionDraft(kind="rating", text="卫生状况评分", scale_max=10)
    building.question_update(actor=clerk, question=question, draft=draft)
    answer(survey, citizen, rating=9)
    with pytest.raises(DomainError, match="已有人参加调查"):
        building.question_update(actor=clerk, question=question, draft=draft)
    with pytest.raises(DomainError, match="已有人参加调查"):
        building.question_remove(actor=clerk, question=question)
    assert survey.questions.count() == len(QUESTIONS)


def test_the_builder_page_of_an_answered_survey_has_no_forms(client, clerk, citizen):
    survey = make_survey(clerk)
    answer(survey, citizen)
    client.force_login(clerk)
    page = client.get(reverse("petitions:survey_staff_detail", args=[survey.pk]))
    assert page.context["question_form"] is None
    assert "已有人参加调查，题目不能再修改" in page.content.decode()
    edit = client.get(reverse("petitions:survey_staff_edit", args=[survey.pk]))
    assert edit.status_code == 302


def test_another_department_cannot_change_the_survey(client, clerk, other_clerk):
    survey = make_survey(clerk, publish=False)
    with pytest.raises(DomainError):
        building.section_add(actor=other_clerk, survey=survey, title="别人的分组")
    client.force_login(other_clerk)
    url = reverse("petitions:survey_staff_detail", args=[survey.pk])
    assert client.get(url).status_code == 404


def test_the_hotline_office_runs_any_survey(clerk, operator):
    survey = make_survey(clerk, publish=False)
    assert building.survey_publish(actor=operator, survey=survey).status == "published"


def test_closing_ends_answering(clerk, citizen):
    survey = make_survey(clerk)
    building.survey_close(actor=clerk, survey=survey)
    with pytest.raises(DomainError, match="不在答题时间内"):
        answer(survey, citizen)
    assert survey.events.filter(code=SurveyEvent.Code.CLOSED).exists()


def test_the_preview_is_the_questionnaire_with_submit_disabled(client, clerk):
    survey = make_survey(clerk, publish=False)
    client.force_login(clerk)
    page = client.get(reverse("petitions:survey_staff_preview", args=[survey.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "您多久去一次农贸市场？" in body and "每周" in body
    assert 'type="submit" disabled' in body


def test_the_staff_list_query_count_does_not_grow(client, clerk, django_assert_max_num_queries):
    for n in range(5):
        make_survey(clerk, title=f"调查{n}")
    client.force_login(clerk)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("petitions:survey_staff_list")).status_code == 200


def test_the_public_list_query_count_does_not_grow(client, clerk, django_assert_max_num_queries):
    for n in range(5):
        make_survey(clerk, title=f"调查{n}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("petitions:surveys"))
    assert response.status_code == 200 and "调查4" in response.content.decode()


def test_a_published_survey_is_found_in_the_site_search(client, clerk):
    draft = make_survey(clerk, publish=False, title="城南湿地公园建设意见调查")
    found = client.get("/disclosure/search/", {"q": "湿地公园"}).content.decode()
    assert f'href="{draft.get_absolute_url()}"' not in found
    building.survey_publish(actor=clerk, survey=draft)
    found = client.get("/disclosure/search/", {"q": "湿地公园"}).content.decode()
    assert f'href="{draft.get_absolute_url()}"' in found

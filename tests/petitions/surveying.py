"""Builders the survey tests share: a survey of the clerk's department with one question of each
kind, published unless told otherwise, and a way to answer it."""

import datetime

from django.utils import timezone

from petitions.models import SurveyQuestion
from petitions.services.surveys import answering, building

Kind = SurveyQuestion.Kind
QUESTIONS = [
    {"kind": Kind.SINGLE, "text": "您多久去一次农贸市场？", "choices": ["每天", "每周", "很少"]},
    {
        "kind": Kind.MULTIPLE,
        "text": "希望改进哪些方面？",
        "required": False,
        "choices": ["停车", "价格", "卫生"],
    },
    {"kind": Kind.RATING, "text": "卫生状况评分"},
    {"kind": Kind.TEXT, "text": "其他意见", "required": False},
]


def make_survey(actor, *, publish=True, questions=QUESTIONS, **settings):
    now = timezone.now()
    draft = building.SurveyDraft(
        title=settings.pop("title", "农贸市场满意度调查"),
        intro=settings.pop("intro", "请如实填写。"),
        opens_at=settings.pop("opens_at", now - datetime.timedelta(days=1)),
        closes_at=settings.pop("closes_at", now + datetime.timedelta(days=10)),
        anonymous=settings.pop("anonymous", False),
        results_public=settings.pop("results_public", True),
    )
    survey = building.survey_save(actor=actor, draft=draft)
    for fields in questions:
        building.question_add(actor=actor, survey=survey, draft=building.QuestionDraft(**fields))
    if publish:
        survey = building.survey_publish(actor=actor, survey=survey, at=draft.opens_at)
    return survey


def by_text(survey) -> dict:
    """The survey's questions by their text, and their choices' ids by text."""
    questions = {question.text: question for question in survey.questions.all()}
    choices = {
        choice.text: choice.pk
        for question in questions.values()
        for choice in question.choices.all()
    }
    return questions | {"choices": choices}


def answer(survey, actor=None, *, single="每天", multiple=("停车",), rating=4, text="", key=""):
    """Answer the QUESTIONS survey as `actor` (or anonymously with the device key `key`)."""
    found = by_text(survey)
    values = {
        found["您多久去一次农贸市场？"].pk: [found["choices"][single]] if single else [],
        found["希望改进哪些方面？"].pk: [found["choices"][text_] for text_ in multiple],
        found["卫生状况评分"].pk: rating,
        found["其他意见"].pk: text,
    }
    return answering.survey_answer(actor=actor, survey=survey, answers=values, anon_key=key)


def post_data(survey, **overrides) -> dict:
    """The questionnaire as the browser posts it, with a fresh submission token."""
    from portal.submissions import new_token

    found = by_text(survey)
    data = {
        f"q{found['您多久去一次农贸市场？'].pk}": str(found["choices"]["每天"]),
        f"q{found['希望改进哪些方面？'].pk}": [str(found["choices"]["停车"])],
        f"q{found['卫生状况评分'].pk}": "4",
        f"q{found['其他意见'].pk}": "",
        "submission_token": new_token(),
    }
    data.update(overrides)
    return data

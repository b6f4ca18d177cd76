"""The matrix's surveys: one open survey of the unit the owner answered (with free text waiting
for a moderator), and one closed survey whose results are public."""

from datetime import timedelta

from django.utils import timezone

from petitions.models import SurveyAnswer
from petitions.services.surveys import building
from tests.petitions.surveying import answer, make_survey


def survey_objects(who: dict) -> dict:
    survey = make_survey(who["clerk"], title="农贸市场满意度调查")
    answer(survey, who["owner"], text="希望增加停车位")
    text = SurveyAnswer.objects.get(response__survey=survey, question__kind="text")
    now = timezone.now()
    over = make_survey(
        who["clerk"],
        title="已结束的调查",
        opens_at=now - timedelta(days=10),
        closes_at=now - timedelta(days=1),
    )
    building.survey_close(actor=who["clerk"], survey=over)
    question = survey.questions.first()
    return {
        "petitions:survey_detail": [survey.pk],
        "petitions:survey_answer": [survey.pk],
        "petitions:survey_results": [over.pk],
        "petitions:survey_staff_detail": [survey.pk],
        "petitions:survey_staff_edit": [survey.pk],
        "petitions:survey_staff_build": [survey.pk, "section_add"],
        "petitions:survey_staff_question": [survey.pk, question.pk],
        "petitions:survey_staff_preview": [survey.pk],
        "petitions:survey_staff_publish": [survey.pk],
        "petitions:survey_staff_close": [survey.pk],
        "petitions:survey_staff_results": [survey.pk],
        "petitions:survey_staff_export": [survey.pk],
        "petitions:survey_staff_moderation": [survey.pk],
        "petitions:survey_staff_moderate": [survey.pk, text.pk],
    }

"""Reads of surveys: the public list and page, the questionnaire's structure, the results (counts,
percentages, rating averages), the free text to moderate, the export table."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import (
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyQuestion,
    SurveyResponse,
    SurveySection,
)
from petitions.permissions.surveys import surveys_managed_by

# Public results show this many of the latest passed texts per question.
PUBLIC_TEXTS = 50


def with_counts(surveys: QuerySet[Survey]) -> QuerySet[Survey]:
    return surveys.annotate(response_count=Count("responses", distinct=True))


def public_list() -> QuerySet[Survey]:
    """Open and coming surveys, and those over whose results are public."""
    now = timezone.now()
    shown = Q(status=Survey.Status.PUBLISHED, closes_at__gt=now) | Q(
        ~Q(status=Survey.Status.DRAFT), results_public=True
    )
    return (
        with_counts(Survey.objects.filter(shown))
        .select_related("department")
        .order_by("-opens_at", "-id")
    )


def public_get(pk: int) -> Survey:
    survey = Survey.objects.exclude(status=Survey.Status.DRAFT).filter(pk=pk).first()
    if survey is None:
        raise Http404
    return survey


def staff_list(user) -> QuerySet[Survey]:
    return with_counts(surveys_managed_by(user).select_related("department")).order_by(
        "-created_at", "-id"
    )


def staff_get(user, pk: int) -> Survey:
    """Fetch and authorise in one call: 404 for missing and forbidden alike."""
    survey = surveys_managed_by(user).select_related("department").filter(pk=pk).first()
    if survey is None:
        raise Http404
    return survey


def structure(survey: Survey) -> list[SurveySection]:
    """The sections in order, each with `questions` (and their `choices`) prefetched."""
    questions = SurveyQuestion.objects.order_by("order", "id").prefetch_related(
        Prefetch("choices", queryset=SurveyChoice.objects.order_by("order", "id"))
    )
    return list(
        survey.sections.order_by("order", "id").prefetch_related(
            Prefetch("questions", queryset=questions)
        )
    )


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Row:
    """One bar: a choice or a score, how many picked it and their share of those who answered."""

    label: str
    count: int
    percent: Decimal | None


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    rows: list[Row] = field(default_factory=list)
    average: Decimal | None = None
    texts: list[str] = field(default_factory=list)
    pending: int = 0

    def chart(self) -> dict | None:
        if not self.rows:
            return None
        return {
            "id": self.question.pk,
            "labels": [row.label for row in self.rows],
            "counts": [row.count for row in self.rows],
        }


@dataclass
class SurveyResults:
    responses: int
    sections: list[tuple[SurveySection, list[QuestionResult]]]

    def charts(self) -> list[dict]:
        return [
            chart
            for _section, results in self.sections
            for result in results
            if (chart := result.chart()) is not None
        ]


def results(survey: Survey, *, public: bool) -> SurveyResults:
    """Count the answers: per choice, per score, the rating average; the texts public allows.

    Percentages are of those who answered the question (a multiple-choice question's add up to
    more than 100). A fixed number of queries, whatever the number of questions.
    """
    answers = SurveyAnswer.objects.filter(response__survey=survey)
    answered = dict(
        answers.values_list("question_id").annotate(n=Count("id")).values_list("question_id", "n")
    )
    by_choice = dict(
        SurveyAnswer.choices.through.objects.filter(surveyanswer__response__survey=survey)
        .values_list("surveychoice_id")
        .annotate(n=Count("id"))
        .values_list("surveychoice_id", "n")
    )
    scores: dict[int, Counter] = defaultdict(Counter)
    rated = answers.filter(rating__isnull=False).values_list("question_id", "rating")
    for question_id, rating, n in rated.annotate(n=Count("id")).values_list(
        "question_id", "rating", "n"
    ):
        scores[question_id][rating] = n
    texts = _texts(answers, public=public)
    sections = []
    for section in structure(survey):
        question_results = []
        for question in section.questions.all():
            result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
            if question.has_choices:
                result.rows = [
                    Row(choice.text, by_choice.get(choice.pk, 0), None)
                    for choice in question.choices.all()
                ]
            elif question.kind == SurveyQuestion.Kind.RATING:
                counts = scores[question.pk]
                result.rows = [
                    Row(str(score), counts[score], None)
                    for score in range(1, question.scale_max + 1)
                ]
                total = sum(score * n for score, n in counts.items())
                if result.answered:
                    result.average = (Decimal(total) / result.answered).quantize(
                        Decimal("0.01"), rounding=ROUND_HALF_UP
                    )
            else:
                result.texts, result.pending = texts.get(question.pk, ([], 0))
            for row in result.rows:
                row.percent = percent(row.count, result.answered)
            question_results.append(result)
        sections.append((section, question_results))
    return SurveyResults(responses=survey.responses.count(), sections=sections)


def _texts(answers: QuerySet[SurveyAnswer], *, public: bool) -> dict[int, tuple[list[str], int]]:
    """Per text question: the passed texts (latest first, capped) and how many wait."""
    pending = dict(
        answers.filter(moderation=SurveyAnswer.Moderation.PENDING)
        .values_list("question_id")
        .annotate(n=Count("id"))
        .values_list("question_id", "n")
    )
    shown: dict[int, list[str]] = defaultdict(list)
    passed = answers.filter(moderation=SurveyAnswer.Moderation.PASSED).order_by("-moderated_at")
    for question_id, text in passed.values_list("question_id", "public_text"):
        if len(shown[question_id]) < PUBLIC_TEXTS:
            shown[question_id].append(text)
    return {
        question_id: (shown.get(question_id, []), 0 if public else pending.get(question_id, 0))
        for question_id in {*shown, *pending}
    }


def texts_to_moderate(survey: Survey, *, status: str) -> QuerySet[SurveyAnswer]:
    """Free-text answers of a survey in one moderation status, oldest first."""
    return (
        SurveyAnswer.objects.filter(
            response__survey=survey, question__kind=SurveyQuestion.Kind.TEXT, moderation=status
        )
        .select_related("question", "response")
        .order_by("response__submitted_at", "id")
    )


def export_table(survey: Survey) -> list[list]:
    """One row per response: when, then each question's answer, in the questionnaire's order."""
    questions = [question for section in structure(survey) for question in section.questions.all()]
    header = [_("答卷编号"), _("提交时间"), *(question.text for question in questions)]
    responses = (
        SurveyResponse.objects.filter(survey=survey)
        .order_by("submitted_at", "id")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=SurveyAnswer.objects.prefetch_related(
                    Prefetch("choices", queryset=SurveyChoice.objects.order_by("order", "id"))
                ),
            )
        )
    )
    rows = [header]
    for response in responses:
        by_question = {answer.question_id: answer for answer in response.answers.all()}
        cells = []
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                cells.append("")
            elif question.has_choices:
                cells.append("; ".join(choice.text for choice in answer.choices.all()))
            elif question.kind == SurveyQuestion.Kind.RATING:
                cells.append(answer.rating)
            else:
                cells.append(answer.text)
        submitted = timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M")
        rows.append([response.pk, submitted, *cells])
    return rows

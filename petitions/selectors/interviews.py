"""Reads of online interviews: what is coming and live, the archive by year, the live record,
the host's pending questions, and the interviews held per year for the inspection."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404

from petitions.models import Interview, InterviewAnswer, InterviewQuestion, ModerationItem
from petitions.permissions.interviews import interviews_managed_by

# An interview was held once it went live; the year is that of its start.
HELD = (Interview.Status.ENDED, Interview.Status.ARCHIVED)


@dataclass(frozen=True)
class Record:
    """The public record of an interview: the posts in order, and passed questions not answered."""

    answers: list[InterviewAnswer]
    waiting: list[InterviewQuestion]


def upcoming() -> QuerySet[Interview]:
    """Announced and live interviews, the soonest first."""
    return (
        Interview.objects.filter(status__in=[Interview.Status.SCHEDULED, Interview.Status.LIVE])
        .select_related("department")
        .order_by("starts_at", "id")
    )


def archive(year: int) -> QuerySet[Interview]:
    return (
        Interview.objects.filter(status__in=HELD, started_at__year=year)
        .select_related("department")
        .order_by("-started_at", "-id")
    )


def archive_years() -> list[int]:
    """The years that have an interview in the archive, newest first."""
    years = (
        Interview.objects.filter(status__in=HELD)
        .annotate(year=ExtractYear("started_at"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def held_per_year() -> list[tuple[int, int]]:
    """How many interviews were held each year (网上访谈场次), newest year first."""
    rows = (
        Interview.objects.filter(status__in=HELD)
        .annotate(year=ExtractYear("started_at"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("-year")
    )
    return [(row["year"], row["count"]) for row in rows]


def public_get(pk: int) -> Interview:
    interview = Interview.objects.select_related("department").filter(pk=pk).first()
    if interview is None:
        raise Http404
    return interview


def record(interview: Interview) -> Record:
    """The posts (each with the question it answers) and the passed questions still waiting."""
    answers = list(interview.answers.select_related("question").order_by("posted_at", "id"))
    answered = {answer.question_id for answer in answers}
    waiting = [
        question for question in published_questions(interview) if question.pk not in answered
    ]
    return Record(answers=answers, waiting=waiting)


def staff_list(user) -> QuerySet[Interview]:
    return interviews_managed_by(user).select_related("department", "host")


def staff_get(user, pk: int) -> Interview:
    """Fetch and authorise in one call: 404 for missing and forbidden alike."""
    interview = staff_list(user).filter(pk=pk).first()
    if interview is None:
        raise Http404
    return interview


def pending_questions(interview: Interview) -> QuerySet[ModerationItem]:
    """The interview's questions waiting in the moderation queue, oldest first."""
    return (
        ModerationItem.objects.filter(
            question__interview=interview, status=ModerationItem.Status.PENDING
        )
        .select_related("question")
        .order_by("submitted_at", "id")
    )


def published_questions(interview: Interview) -> QuerySet[InterviewQuestion]:
    """The passed questions, which the host may answer."""
    return interview.questions.filter(published_at__isnull=False).order_by("published_at", "id")


def question_get(interview: Interview, pk: int) -> ModerationItem:
    """The pending moderation item of one of the interview's questions, or 404."""
    item = pending_questions(interview).filter(question_id=pk).first()
    if item is None:
        raise Http404
    return item

"""Reads of democratic appraisal rounds: the lists, and each round's scores, ranking and trend.

Scores come from the stored answers and the weighting in settings
(`PETITIONS_APPRAISAL_GRADE_POINTS`, `PETITIONS_APPRAISAL_DIMENSION_WEIGHTS`): a dimension's
score is the mean of its graded answers' points (不了解 counts in no denominator); a department's
overall score is the weighted mean of its dimension scores, rounded to two decimals, and counts
(is ranked, trended and alerted on) only with `PETITIONS_APPRAISAL_MIN_RESPONSES` ballots that
graded it. The trend compares with the last published round of the same period kind.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from petitions.models import AppraisalAnswer, AppraisalRound
from petitions.models.appraisal import Dimension, Grade
from petitions.permissions.appraisal import (
    can_manage_appraisal,
    can_see_appraisal_results,
    rounds_visible_to,
)
from portal.models import Department

CENT = Decimal("0.01")


@dataclass(frozen=True)
class DepartmentScore:
    """One department's line of a round's results."""

    department: Department
    responses: int
    dimensions: list[Decimal | None]  # in `Dimension` order
    overall: Decimal | None  # None: fewer ballots graded it than the minimum
    rank: int | None = None
    previous: Decimal | None = None

    @property
    def delta(self) -> Decimal | None:
        if self.overall is None or self.previous is None:
            return None
        return self.overall - self.previous

    @property
    def below_threshold(self) -> bool:
        return self.overall is not None and self.overall < alert_score()


@dataclass(frozen=True)
class RoundResults:
    round: AppraisalRound
    rows: list[DepartmentScore]  # ranked first, then those without a score, by name
    ballots: int
    previous_round: AppraisalRound | None


def alert_score() -> Decimal:
    return Decimal(settings.PETITIONS_APPRAISAL_ALERT_SCORE)


def weighting() -> dict:
    """The weighting as the results page prints it."""
    points = settings.PETITIONS_APPRAISAL_GRADE_POINTS
    weights = settings.PETITIONS_APPRAISAL_DIMENSION_WEIGHTS
    total = sum(weights.get(dimension, 0) for dimension in Dimension.values)
    return {
        "grades": [(Grade(code).label, points[code]) for code in points],
        "dimensions": [
            (label, round(Decimal(100 * weights.get(code, 0)) / total, 1) if total else 0)
            for code, label in Dimension.choices
        ],
        "alert_score": settings.PETITIONS_APPRAISAL_ALERT_SCORE,
        "min_responses": settings.PETITIONS_APPRAISAL_MIN_RESPONSES,
    }


def rounded(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, ROUND_HALF_UP)


def department_scores(appraisal_round: AppraisalRound) -> list[DepartmentScore]:
    """Every participating department's scores in a round, unranked, from the stored answers."""
    points = settings.PETITIONS_APPRAISAL_GRADE_POINTS
    weights = settings.PETITIONS_APPRAISAL_DIMENSION_WEIGHTS
    answers = AppraisalAnswer.objects.filter(ballot__round=appraisal_round)
    tally: dict[tuple[int, str], list[int]] = {}  # (department, dimension) -> [points, count]
    for row in (
        answers.exclude(grade=Grade.UNKNOWN)
        .values("department_id", "dimension", "grade")
        .annotate(count=Count("id"))
    ):
        sums = tally.setdefault((row["department_id"], row["dimension"]), [0, 0])
        sums[0] += points.get(row["grade"], 0) * row["count"]
        sums[1] += row["count"]
    responses = dict(
        answers.exclude(grade=Grade.UNKNOWN)
        .values("department_id")
        .annotate(count=Count("ballot_id", distinct=True))
        .values_list("department_id", "count")
    )
    scores = []
    for department in appraisal_round.departments.order_by("name"):
        counted = responses.get(department.pk, 0)
        exact = {}
        for dimension in Dimension.values:
            total, count = tally.get((department.pk, dimension), (0, 0))
            if count:
                exact[dimension] = Fraction(total, count)
        enough = counted >= settings.PETITIONS_APPRAISAL_MIN_RESPONSES and exact
        overall = None
        if enough:
            weight_sum = sum(weights.get(dimension, 0) for dimension in exact)
            if weight_sum:
                overall = rounded(
                    sum(weights.get(dimension, 0) * score for dimension, score in exact.items())
                    / weight_sum
                )
        scores.append(
            DepartmentScore(
                department=department,
                responses=counted,
                dimensions=[
                    rounded(exact[dimension]) if enough and dimension in exact else None
                    for dimension in Dimension.values
                ],
                overall=overall,
            )
        )
    return scores


def ranked(scores: list[DepartmentScore], previous: dict[int, Decimal]) -> list[DepartmentScore]:
    """Rank by overall score (equal scores share a rank: 1, 2, 2, 4); unscored last."""
    scored = sorted(
        (score for score in scores if score.overall is not None),
        key=lambda score: (-score.overall, score.department.name),
    )
    rows = []
    for position, score in enumerate(scored, start=1):
        rank = rows[-1].rank if rows and rows[-1].overall == score.overall else position
        rows.append(_with(score, rank=rank, previous=previous.get(score.department.pk)))
    rows.extend(score for score in scores if score.overall is None)
    return rows


def _with(score: DepartmentScore, **changes) -> DepartmentScore:
    return DepartmentScore(**{**score.__dict__, **changes})


def previous_round(appraisal_round: AppraisalRound) -> AppraisalRound | None:
    """The last published round of the same period kind before this one."""
    earlier = Q(year__lt=appraisal_round.year)
    if appraisal_round.period_kind == AppraisalRound.PeriodKind.QUARTER:
        earlier |= Q(year=appraisal_round.year, quarter__lt=appraisal_round.quarter)
    return (
        AppraisalRound.objects.filter(
            earlier,
            period_kind=appraisal_round.period_kind,
            status=AppraisalRound.Status.PUBLISHED,
        )
        .order_by("-year", "-quarter")
        .first()
    )


def round_results(appraisal_round: AppraisalRound) -> RoundResults:
    """A round's scores, ranking and trend against the previous round of its period kind."""
    before = previous_round(appraisal_round)
    previous = {}
    if before is not None:
        previous = {
            score.department.pk: score.overall
            for score in department_scores(before)
            if score.overall is not None
        }
    return RoundResults(
        round=appraisal_round,
        rows=ranked(department_scores(appraisal_round), previous),
        ballots=appraisal_round.ballots.count(),
        previous_round=before,
    )


def chart_data(results: RoundResults, names: list[str]) -> dict:
    """The bars of the results page: this round's and the previous round's overall scores."""
    rows = [row for row in results.rows if row.overall is not None]
    return {
        "labels": [row.department.name for row in rows],
        "names": names,
        "overall": [float(row.overall) for row in rows],
        "previous": [float(row.previous) if row.previous is not None else None for row in rows],
        "threshold": float(alert_score()),
    }


# --- Lists and fetching -------------------------------------------------------------------------


def public_list(user) -> QuerySet[AppraisalRound]:
    """The rounds on the appraisal page, newest first, with each one's departments counted."""
    return rounds_visible_to(user).annotate(department_count=Count("departments"))


def answered_round_ids(user) -> set[int]:
    """The rounds a voter took part in (to say so instead of offering the form again)."""
    if not (user and user.is_authenticated):
        return set()
    return set(user.appraisal_participations.values_list("round_id", flat=True))


def open_get(pk: int) -> AppraisalRound:
    """An open round, to answer; 404 for any other."""
    appraisal_round = (
        AppraisalRound.objects.filter(pk=pk, status=AppraisalRound.Status.OPEN)
        .prefetch_related("departments")
        .first()
    )
    if appraisal_round is None:
        raise Http404
    return appraisal_round


def results_get(user, pk: int) -> AppraisalRound:
    """A round whose results the user may read; 404 for missing and not yet visible alike."""
    appraisal_round = AppraisalRound.objects.filter(pk=pk).first()
    if appraisal_round is None or not can_see_appraisal_results(user, appraisal_round):
        raise Http404
    return appraisal_round


def staff_list(user) -> QuerySet[AppraisalRound]:
    if not can_manage_appraisal(user):
        raise Http404
    return AppraisalRound.objects.annotate(
        department_count=Count("departments", distinct=True),
        participant_count=Count("participations", distinct=True),
    )


def staff_get(user, pk: int) -> AppraisalRound:
    if not can_manage_appraisal(user):
        raise Http404
    appraisal_round = AppraisalRound.objects.filter(pk=pk).first()
    if appraisal_round is None:
        raise Http404
    return appraisal_round

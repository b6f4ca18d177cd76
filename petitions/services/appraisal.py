"""Democratic appraisal (民主评议政风行风): the discipline office runs rounds, the public answers.

A vote writes a participation row (who, when) and an anonymous ballot (what), never linked; see
`petitions.models.appraisal`. Closing a round raises a supervision alert for every department
scoring below `PETITIONS_APPRAISAL_ALERT_SCORE`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import (
    AppraisalAnswer,
    AppraisalBallot,
    AppraisalParticipation,
    AppraisalRound,
    AppraisalRoundEvent,
)
from petitions.models.appraisal import Dimension, Grade
from petitions.permissions.appraisal import can_manage_appraisal, can_vote_in_appraisal
from petitions.selectors.appraisal import alert_score, department_scores
from petitions.services import labels
from petitions.transitions.appraisal import APPRAISAL_MOVES, APPRAISAL_TARGETS
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from supervision import services as supervision
from supervision.models import Alert

ALREADY_ANSWERED = "appraisal_answered"


@dataclass(frozen=True)
class RoundDraft:
    """What a new round says: its title, period, voting window and departments."""

    title: str
    period_kind: str
    year: int
    quarter: int | None
    opens_at: datetime
    closes_at: datetime
    departments: Iterable[Department]


def appraisal_round_create(*, actor: User, draft: RoundDraft) -> AppraisalRound:
    """Create a round as a draft, with the departments taking part."""
    _require_manager(actor)
    departments = list(draft.departments)
    if not departments:
        raise DomainError(_("请选择参评单位。"))
    if draft.closes_at <= draft.opens_at:
        raise DomainError(_("截止时间须晚于开始时间。"))
    quarter = draft.quarter if draft.period_kind == AppraisalRound.PeriodKind.QUARTER else None
    if draft.period_kind == AppraisalRound.PeriodKind.QUARTER and quarter not in (1, 2, 3, 4):
        raise DomainError(_("季度评议请选择季度。"))
    same_period = AppraisalRound.objects.filter(
        period_kind=draft.period_kind, year=draft.year, quarter=quarter
    )
    if same_period.exists():
        raise DomainError(_("该周期已有评议。"))
    try:
        with transaction.atomic():
            appraisal_round = AppraisalRound.objects.create(
                title=draft.title.strip(),
                period_kind=draft.period_kind,
                year=draft.year,
                quarter=quarter,
                opens_at=draft.opens_at,
                closes_at=draft.closes_at,
            )
            appraisal_round.departments.set(departments)
            AppraisalRoundEvent.record(
                appraisal_round, AppraisalRoundEvent.Code.CREATED, actor=actor
            )
    except IntegrityError as error:
        raise DomainError(_("该周期已有评议。")) from error
    return appraisal_round


def appraisal_round_open(
    *, actor: User, appraisal_round: AppraisalRound, at: datetime | None = None
) -> AppraisalRound:
    """Open a draft round to the public (开始评议)."""
    return _move(actor, appraisal_round, "open", AppraisalRoundEvent.Code.OPENED, at)


def appraisal_round_close(
    *, actor: User, appraisal_round: AppraisalRound, at: datetime | None = None
) -> AppraisalRound:
    """Close a round (结束评议) and raise an alert for each department below the alert score."""
    with transaction.atomic():
        appraisal_round = _move(
            actor, appraisal_round, "close", AppraisalRoundEvent.Code.CLOSED, at
        )
        raise_low_score_alerts(appraisal_round, at=at)
    return appraisal_round


def appraisal_round_publish(
    *, actor: User, appraisal_round: AppraisalRound, at: datetime | None = None
) -> AppraisalRound:
    """Publish a closed round's results (公布结果)."""
    return _move(actor, appraisal_round, "publish", AppraisalRoundEvent.Code.PUBLISHED, at)


def _move(actor, appraisal_round, move: str, code: str, at) -> AppraisalRound:
    _require_manager(actor)
    at = at or timezone.now()
    with transaction.atomic():
        appraisal_round = lock(appraisal_round)
        APPRAISAL_MOVES.check(appraisal_round, move)
        appraisal_round.status = APPRAISAL_TARGETS[move]
        appraisal_round.save(update_fields=["status"])
        AppraisalRoundEvent.record(appraisal_round, code, actor=actor, at=at)
    return appraisal_round


def _require_manager(actor: User) -> None:
    if not can_manage_appraisal(actor):
        raise DomainError(_("只有纪委（效能办）或管理员可以管理民主评议。"), code="forbidden")


def raise_low_score_alerts(appraisal_round: AppraisalRound, *, at: datetime | None = None) -> int:
    """Raise the alert of each department whose counted score is below the alert score (once)."""
    raised = 0
    for score in department_scores(appraisal_round):
        if not score.below_threshold:
            continue
        supervision.alert_raise(
            kind=Alert.Kind.APPRAISAL_LOW,
            severity=Alert.Severity.WARNING,
            department=score.department,
            subject_ref=appraisal_round.title[:80],
            subject_url=reverse("petitions:appraisal_results", args=[appraisal_round.pk]),
            dedup_key=f"appraisal:{appraisal_round.pk}:{score.department.pk}",
            message_code=labels.APPRAISAL_LOW,
            message_params={
                "title": appraisal_round.title,
                "department": score.department.name,
                "score": str(score.overall),
                "threshold": str(alert_score()),
            },
            at=at,
        )
        raised += 1
    return raised


def appraisal_submit(
    *,
    actor: User,
    appraisal_round: AppraisalRound,
    grades: Mapping[tuple[int, str], str],
    at: datetime | None = None,
) -> AppraisalParticipation:
    """Store a voter's questionnaire anonymously; once per person and round.

    `grades` maps (department id, dimension) to a grade, one for each participating department
    and dimension. Returns the participation (the receipt), never the ballot.
    """
    if not can_vote_in_appraisal(actor):
        raise DomainError(_("请以个人或企业账号登录后参加评议。"))
    at = at or timezone.now()
    _check_open(appraisal_round, at)
    department_ids = set(appraisal_round.departments.values_list("pk", flat=True))
    expected = {(pk, dimension) for pk in department_ids for dimension in Dimension.values}
    if set(grades) != expected or any(grade not in Grade.values for grade in grades.values()):
        raise DomainError(_("请对每个单位的每项内容作出评价。"))
    already = DomainError(_("您已参加本轮评议。"), code=ALREADY_ANSWERED)
    if AppraisalParticipation.objects.filter(round=appraisal_round, voter=actor).exists():
        raise already
    with transaction.atomic():
        # A vote and the closing wait for each other: the closing's scores and alerts count
        # every ballot stored while the round was open, and none comes after.
        appraisal_round = lock(appraisal_round)
        _check_open(appraisal_round, at)
        try:
            with transaction.atomic():
                participation = AppraisalParticipation.objects.create(
                    round=appraisal_round, voter=actor, submitted_at=at
                )
        except IntegrityError as error:
            # Another request of the same account got there first.
            raise already from error
        ballot = AppraisalBallot.objects.create(round=appraisal_round)
        # Answers keep no history (it would name the voter), so a bulk insert loses nothing.
        AppraisalAnswer.objects.bulk_create(
            AppraisalAnswer(
                ballot=ballot, department_id=department_id, dimension=dimension, grade=grade
            )
            for (department_id, dimension), grade in sorted(grades.items())
        )
    return participation


def _check_open(appraisal_round: AppraisalRound, at: datetime) -> None:
    if appraisal_round.status != AppraisalRound.Status.OPEN:
        raise DomainError(_("本轮评议未在进行中。"))
    if at < appraisal_round.opens_at:
        raise DomainError(_("本轮评议尚未开始。"))
    if at >= appraisal_round.closes_at:
        raise DomainError(_("本轮评议已截止。"))

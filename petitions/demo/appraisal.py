"""Demo democratic appraisal: last quarter's round published (one bureau below the alert score,
so the supervision dashboard shows its alert) and this quarter's round open, so the trend shows."""

import datetime

from django.utils import timezone

from petitions.models import AppraisalRound
from petitions.models.appraisal import Dimension, Grade
from petitions.services import appraisal as services
from portal.demo import demo_resident_id
from portal.models import Department, User

DEPARTMENTS = ("service-center", "market", "land", "housing", "civil")
GRADE_OF_MARK = {
    "+": Grade.SATISFIED,
    "~": Grade.FAIRLY_SATISFIED,
    "-": Grade.UNSATISFIED,
    "?": Grade.UNKNOWN,
}
# Each department's run of grades (marks above), dealt out to the voters in turn.
LAST_QUARTER = {
    "service-center": "++++~",
    "market": "+++~",
    "land": "+~+~",
    "housing": "+~-~?",
    "civil": "++~?",
}
THIS_QUARTER = {
    "service-center": "+++~~",
    "market": "++++~",
    "land": "++~~?",
    "housing": "+~~-+",
    "civil": "+++~",
}
VOTERS = 14


def seed_appraisal() -> None:
    inspector = User.objects.filter(username="inspector").first()
    departments = list(Department.objects.filter(code__in=DEPARTMENTS))
    if inspector is None or len(departments) < len(DEPARTMENTS) or AppraisalRound.objects.exists():
        return
    voters = _voters()
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    start = _local(datetime.date(today.year, 3 * quarter - 2, 1))
    last_year, last_quarter = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
    last = services.appraisal_round_create(
        actor=inspector,
        draft=services.RoundDraft(
            title=f"{last_year}年第{last_quarter}季度民主评议政风行风",
            period_kind=AppraisalRound.PeriodKind.QUARTER,
            year=last_year,
            quarter=last_quarter,
            opens_at=start - datetime.timedelta(days=30),
            closes_at=start - datetime.timedelta(days=1),
            departments=departments,
        ),
    )
    voting_at = last.opens_at + datetime.timedelta(days=2)
    last = services.appraisal_round_open(actor=inspector, appraisal_round=last, at=last.opens_at)
    _vote(last, voters, LAST_QUARTER, departments, at=voting_at)
    last = services.appraisal_round_close(actor=inspector, appraisal_round=last, at=last.closes_at)
    services.appraisal_round_publish(actor=inspector, appraisal_round=last, at=last.closes_at)

    current = services.appraisal_round_create(
        actor=inspector,
        draft=services.RoundDraft(
            title=f"{today.year}年第{quarter}季度民主评议政风行风",
            period_kind=AppraisalRound.PeriodKind.QUARTER,
            year=today.year,
            quarter=quarter,
            opens_at=start,
            closes_at=_local(today + datetime.timedelta(days=60)),
            departments=departments,
        ),
    )
    current = services.appraisal_round_open(actor=inspector, appraisal_round=current, at=start)
    _vote(current, voters[:-2], THIS_QUARTER, departments, at=timezone.now())


def _local(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))


def _voters() -> list[User]:
    """Citizens who answered the demo rounds; they cannot sign in (no password)."""
    voters = []
    for n in range(1, VOTERS + 1):
        voter, created = User.objects.get_or_create(
            username=f"appraisal_voter_{n:02d}",
            defaults={
                "kind": User.Kind.CITIZEN,
                "real_name": f"评议群众{n}",
                "resident_id": demo_resident_id(900 + n),
            },
        )
        if created:
            voter.set_unusable_password()
            voter.save(update_fields=["password"])
        voters.append(voter)
    return voters


def _vote(appraisal_round, voters, profiles, departments, *, at) -> None:
    for index, voter in enumerate(voters):
        grades = {}
        for department in departments:
            marks = profiles[department.code]
            for position, dimension in enumerate(Dimension.values):
                mark = marks[(index + position) % len(marks)]
                grades[(department.pk, dimension)] = GRADE_OF_MARK[mark]
        services.appraisal_submit(
            actor=voter, appraisal_round=appraisal_round, grades=grades, at=at
        )

"""Builders the democratic appraisal tests share: a round, a voter's grades, a round with votes."""

import datetime

from petitions.models import AppraisalRound
from petitions.models.appraisal import Dimension, Grade
from petitions.services import appraisal as services

OPENS = datetime.datetime(2026, 10, 1, 0, 0, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2026, 10, 31, 0, 0, tzinfo=datetime.UTC)
DURING = datetime.datetime(2026, 10, 10, 4, 0, tzinfo=datetime.UTC)


def appraisal_round(actor, departments, *, year=2026, quarter=4, status="open", **fields):
    """A quarterly round of the departments, moved on to `status` (draft, open, closed, published)."""
    draft = services.RoundDraft(
        title=fields.pop("title", f"{year}年第{quarter}季度民主评议"),
        period_kind=fields.pop("period_kind", AppraisalRound.PeriodKind.QUARTER),
        year=year,
        quarter=quarter,
        opens_at=fields.pop("opens_at", OPENS.replace(year=year)),
        closes_at=fields.pop("closes_at", CLOSES.replace(year=year)),
        departments=departments,
    )
    created = services.appraisal_round_create(actor=actor, draft=draft)
    steps = ["open", "close", "publish"][: ["draft", "open", "closed", "published"].index(status)]
    for move in steps:
        mover = {
            "open": services.appraisal_round_open,
            "close": services.appraisal_round_close,
            "publish": services.appraisal_round_publish,
        }[move]
        created = mover(actor=actor, appraisal_round=created, at=created.opens_at)
    return created


def grades(departments, grade=Grade.SATISFIED, **by_dimension) -> dict:
    """Every department graded `grade` on each dimension, except the dimensions named."""
    return {
        (department.pk, dimension): by_dimension.get(dimension, grade)
        for department in departments
        for dimension in Dimension.values
    }


def vote(appraisal_round, voter, given: dict, *, at=None):
    return services.appraisal_submit(
        actor=voter,
        appraisal_round=appraisal_round,
        grades=given,
        at=at or appraisal_round.opens_at + datetime.timedelta(days=1),
    )

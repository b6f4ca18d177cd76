"""Approval statistics (办件统计): per department and month, served from a snapshot, and the
approvals section of the leaders' monthly brief."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from approvals.models import Case, Rating
from portal import snapshots


@dataclass
class StatRow:
    month: datetime.date | None
    department: str
    received: int = 0
    accepted: int = 0
    completed: int = 0
    on_time: int = 0
    rated: int = 0
    satisfied: int = 0
    department_id: int | None = None

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.completed, 1) if self.completed else None

    @property
    def satisfaction_rate(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None


def _monthly(qs: QuerySet, moment: str, department: str, **counts) -> QuerySet:
    return (
        qs.annotate(month=TruncMonth(moment))
        .values("month", "department_id", department)
        .annotate(**counts)
        .order_by()
    )


def statistics(*, year: int, department_ids=None) -> tuple[list[StatRow], StatRow]:
    """Per handling unit and month: received, accepted, completed, on time, satisfaction rate.

    Each figure counts in the month its event happened (a case submitted in March and finished in
    April is received in March, completed in April). On time: the whole-case clock stopped no
    later than its due time. Satisfaction (满意率) counts 基本满意 and above among the ratings
    that count — an upheld appeal excludes a rating. Four aggregate queries, whatever the data.
    """
    cases = Case.objects.exclude(status=Case.Status.DRAFT)
    ratings = Rating.objects.filter(excluded=False, created_at__year=year)
    if department_ids is not None:
        cases = cases.filter(department_id__in=department_ids)
        ratings = ratings.filter(department_id__in=department_ids)
    rows: dict[tuple, StatRow] = {}

    def row(month, name, department_id=None) -> StatRow:
        key = (month.date() if isinstance(month, datetime.datetime) else month, name)
        if key not in rows:
            rows[key] = StatRow(key[0], name, department_id=department_id)
        return rows[key]

    dept = "department__name"
    for r in _monthly(cases.filter(submitted_at__year=year), "submitted_at", dept, n=Count("id")):
        row(r["month"], r[dept], r["department_id"]).received = r["n"]
    for r in _monthly(cases.filter(accepted_at__year=year), "accepted_at", dept, n=Count("id")):
        row(r["month"], r[dept], r["department_id"]).accepted = r["n"]
    finished = cases.filter(status=Case.Status.FINISHED, finished_at__year=year)
    on_time = Q(clock__stopped_at__isnull=False, clock__stopped_at__lte=F("clock__due_at"))
    for r in _monthly(
        finished, "finished_at", dept, n=Count("id"), on_time=Count("id", filter=on_time)
    ):
        target = row(r["month"], r[dept], r["department_id"])
        target.completed, target.on_time = r["n"], r["on_time"]
    for r in _monthly(
        ratings,
        "created_at",
        dept,
        n=Count("id"),
        satisfied=Count("id", filter=Q(level__gte=Rating.SATISFIED_MIN)),
    ):
        target = row(r["month"], r[dept], r["department_id"])
        target.rated, target.satisfied = r["n"], r["satisfied"]
    by_department = sorted(rows.values(), key=lambda r: r.department)
    result = sorted(by_department, key=lambda r: r.month or datetime.date.min, reverse=True)
    return result, _stat_total(result)


STAT_COUNTS = ("received", "accepted", "completed", "on_time", "rated", "satisfied")


def _stat_total(rows: list[StatRow]) -> StatRow:
    total = StatRow(None, "")
    for r in rows:
        for name in STAT_COUNTS:
            setattr(total, name, getattr(total, name) + getattr(r, name))
    return total


# The statistics page reads the year's figures materialised by beat (`portal.snapshots`): the
# months of acceptance and completion have no index, so counting them scans every case.
STATISTICS = "approvals.statistics"


def statistics_compute(key: str) -> list[dict]:
    """Every unit's statistics of the year `key` as JSON rows, for the snapshot."""
    rows, _total = statistics(year=int(key))
    return [
        {
            "month": row.month.isoformat() if row.month else None,
            "department": row.department,
            "department_id": row.department_id,
            **{name: getattr(row, name) for name in STAT_COUNTS},
        }
        for row in rows
    ]


def statistics_years() -> list[str]:
    """The years beat keeps fresh: this one and the last (late ratings still move it)."""
    year = timezone.localdate().year
    return [str(year), str(year - 1)]


def statistics_stored(
    *, year: int, department_ids=None
) -> tuple[list[StatRow], StatRow, datetime.datetime]:
    """The stored statistics of `year` for the units in `department_ids` (None: all)."""
    stored = snapshots.read(STATISTICS, str(year))
    rows = [
        StatRow(
            datetime.date.fromisoformat(row["month"]) if row["month"] else None,
            row["department"],
            department_id=row["department_id"],
            **{name: row[name] for name in STAT_COUNTS},
        )
        for row in stored.data
        if department_ids is None or row["department_id"] in department_ids
    ]
    return rows, _stat_total(rows), stored.computed_at


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Approvals' part of the leader brief (领导参阅): cases of [start, end), on-time rate."""
    finished = Case.objects.filter(finished_at__gte=start, finished_at__lt=end)
    late = Q(finished_at__gt=F("clock__due_at"))
    figures = finished.aggregate(finished=Count("id"), late=Count("id", filter=late))
    figures["on_time_rate"] = (
        round(100 * (figures["finished"] - figures["late"]) / figures["finished"], 1)
        if figures["finished"]
        else None
    )
    figures.update(
        Case.objects.aggregate(
            submitted=Count("id", filter=Q(submitted_at__gte=start, submitted_at__lt=end)),
            accepted=Count("id", filter=Q(accepted_at__gte=start, accepted_at__lt=end)),
        )
    )
    rows = (
        finished.values("department__name")
        .annotate(done=Count("id"), late=Count("id", filter=late))
        .order_by("-late", "department__name")
    )
    return {
        "figures": figures,
        "tables": [
            {
                "code": "departments",
                "columns": ["department", "finished", "late"],
                "coded": [],
                "rows": [[row["department__name"], row["done"], row["late"]] for row in rows],
            }
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown.
BRIEF_LABELS = {
    "submitted": _("申请"),
    "accepted": _("受理"),
    "finished": _("办结"),
    "late": _("超期办结"),
    "on_time_rate": _("按时办结率（%）"),
    "departments": _("各部门办结情况"),
    "department": _("部门"),
}

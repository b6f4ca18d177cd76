"""Reads of complaints outside their handling: the public board (诉求公开), the yearly figures
(served from a snapshot) and the complaints section of the leaders' monthly brief."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint, Reply
from portal import snapshots
from portal.search.index import cached_page


def _published() -> QuerySet[Complaint]:
    """Complaints whose complainant allowed publication and whose reply a moderator passed."""
    return (
        Complaint.objects.filter(allow_publication=True, published_at__isnull=False)
        .select_related("category", "department")
        .order_by("-published_at", "-id")
    )


def public_board() -> QuerySet[Complaint]:
    """The published complaints with the passed replies as `public_replies` (texts as the
    moderator confirmed them)."""
    return _published().prefetch_related(
        Prefetch(
            "replies",
            queryset=Reply.objects.filter(published_at__isnull=False).order_by("round"),
            to_attr="public_replies",
        )
    )


def board_rows() -> QuerySet[Complaint]:
    """The board page's rows: the columns a row shows, without the replies (a row links to them)."""
    return _published().only(
        "number", "public_title", "published_at", "category__name", "department__name"
    )


def latest_on_board(limit: int = 5) -> list[Complaint]:
    """The board's newest rows, for the home page (one query, kept until a complaint is
    published on the board or taken off it)."""
    return cached_page("latest-on-board", lambda: list(board_rows()[:limit]), limit)


def public_get(number: str) -> Complaint:
    complaint = public_board().filter(number=number).first()
    if complaint is None:
        raise Http404
    return complaint


@dataclass(frozen=True)
class FigureRow:
    month: object
    department: str
    received: int
    resolved: int
    rated: int
    satisfied: int

    @property
    def closure_rate(self) -> float | None:
        return round(100 * self.resolved / self.received, 1) if self.received else None

    @property
    def satisfaction_rate(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None


COUNTED = Q(
    status__in=[
        Complaint.Status.DISPATCHED,
        Complaint.Status.HANDLING,
        Complaint.Status.REPLIED,
        Complaint.Status.REHANDLING,
        Complaint.Status.CLOSED,
    ]
)


def figures(*, year: int | None = None) -> tuple[list[FigureRow], FigureRow]:
    """Per month and department: received, resolved, closure rate (报结率), satisfaction rate.

    Counted are complaints that reached a department (transferred, referred and merged ones are
    not theirs); satisfied means 满意 or 基本满意 among the rated ones.
    """
    qs = Complaint.objects.filter(COUNTED, department__isnull=False)
    if year:
        qs = qs.filter(registered_at__year=year)
    rows = (
        qs.annotate(month=TruncMonth("registered_at"))
        .values("month", "department__name")
        .annotate(
            received=Count("id"),
            resolved=Count("id", filter=Q(status=Complaint.Status.CLOSED)),
            rated=Count("id", filter=~Q(satisfaction="")),
            satisfied=Count("id", filter=Q(satisfaction__in=["satisfied", "basic"])),
        )
        .order_by("-month", "department__name")
    )
    result = [
        FigureRow(
            row["month"],
            row["department__name"],
            row["received"],
            row["resolved"],
            row["rated"],
            row["satisfied"],
        )
        for row in rows
    ]
    return result, _total(result)


def _total(rows: list[FigureRow]) -> FigureRow:
    return FigureRow(
        None,
        "",
        sum(r.received for r in rows),
        sum(r.resolved for r in rows),
        sum(r.rated for r in rows),
        sum(r.satisfied for r in rows),
    )


# The year's figures as the public pages show them: materialised by beat (`portal.snapshots`),
# since received, resolved and satisfied depend on every move of a complaint.
FIGURES = "petitions.figures"


def figures_compute(key: str) -> list[dict]:
    """The figures of the year `key` as JSON rows, for the snapshot."""
    rows, _sum = figures(year=int(key))
    return [
        {
            "month": timezone.localtime(row.month).date().isoformat(),
            "department": row.department,
            "received": row.received,
            "resolved": row.resolved,
            "rated": row.rated,
            "satisfied": row.satisfied,
        }
        for row in rows
    ]


def figures_years() -> list[str]:
    """The years beat keeps fresh: this one and the last (late ratings still move it)."""
    year = timezone.localdate().year
    return [str(year), str(year - 1)]


def figures_stored(*, year: int) -> tuple[list[FigureRow], FigureRow, datetime.datetime]:
    """The stored figures of `year` (rows, total) and when they were computed."""
    stored = snapshots.read(FIGURES, str(year))
    rows = [
        FigureRow(
            datetime.date.fromisoformat(row["month"]),
            row["department"],
            row["received"],
            row["resolved"],
            row["rated"],
            row["satisfied"],
        )
        for row in stored.data
    ]
    return rows, _total(rows), stored.computed_at


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Petitions' part of the leader brief (领导参阅): complaints of [start, end), satisfaction."""
    closed = Complaint.objects.filter(closed_at__gte=start, closed_at__lt=end)
    satisfied = Q(satisfaction__in=[Complaint.Satisfaction.SATISFIED, Complaint.Satisfaction.BASIC])
    figures = closed.aggregate(
        closed=Count("id"),
        rated=Count("id", filter=~Q(satisfaction="")),
        satisfied=Count("id", filter=satisfied),
    )
    figures["satisfaction_rate"] = (
        round(100 * figures["satisfied"] / figures["rated"], 1) if figures["rated"] else None
    )
    figures["registered"] = Complaint.objects.filter(
        registered_at__gte=start, registered_at__lt=end
    ).count()
    by_level = dict(
        closed.exclude(satisfaction="").values_list("satisfaction").annotate(n=Count("id"))
    )
    departments = (
        closed.exclude(department=None)
        .values("department__name")
        .annotate(
            n=Count("id"),
            unsatisfied=Count("id", filter=Q(satisfaction=Complaint.Satisfaction.UNSATISFIED)),
        )
        .order_by("-unsatisfied", "department__name")
    )
    return {
        "figures": figures,
        "tables": [
            {
                "code": "by_satisfaction",
                "columns": ["satisfaction", "closed"],
                "coded": ["satisfaction"],
                "rows": [
                    [level, by_level.get(level, 0)] for level in Complaint.Satisfaction.values
                ],
            },
            {
                "code": "departments",
                "columns": ["department", "closed", Complaint.Satisfaction.UNSATISFIED],
                "coded": [],
                "rows": [
                    [row["department__name"], row["n"], row["unsatisfied"]] for row in departments
                ],
            },
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown.
BRIEF_LABELS = {
    "registered": _("登记"),
    "closed": _("办结"),
    "rated": _("已评价"),
    "satisfied": _("满意及基本满意"),
    "satisfaction_rate": _("满意率（%）"),
    "satisfaction": _("满意度"),
    "by_satisfaction": _("群众评价"),
    "departments": _("各部门办结情况"),
    "department": _("部门"),
    **dict(Complaint.Satisfaction.choices),
}

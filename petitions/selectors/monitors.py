"""Reads of monitors (发展环境网络监测员): the commission's monthly grid, a monitor's own reports,
the months a monitor failed to report, the leader brief's section and the yearly summary."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint, Monitor, MonitorReport
from portal.models import User
from supervision.models import Clock

# The complaint clocks a reply stops: the first answer and the answer after re-handling.
REPLY_CLOCK_KINDS = ("petitions.reply", "petitions.rehandle")
ANSWERED = Q(complaint__replied_at__isnull=False)
# On time: the clock the (last) reply stopped had not run out when it stopped.
ON_TIME = ANSWERED & Q(
    Exists(
        Clock.objects.filter(
            kind__in=REPLY_CLOCK_KINDS,
            subject_ref=OuterRef("complaint__number"),
            stopped_at=OuterRef("complaint__replied_at"),
            stopped_at__lte=F("due_at"),
        )
    )
)
RATED = ~Q(complaint__satisfaction="")
SATISFIED = Q(
    complaint__satisfaction__in=[Complaint.Satisfaction.SATISFIED, Complaint.Satisfaction.BASIC]
)


def month_first(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_last(month: datetime.date) -> datetime.date:
    return (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(
        days=1
    )


def citizen_find(text: str) -> User | None:
    """The active citizen or enterprise account with this user name or mobile number."""
    text = text.strip()
    if not text:
        return None
    return (
        User.objects.filter(
            Q(username=text) | Q(mobile=text),
            is_active=True,
            kind__in=[User.Kind.CITIZEN, User.Kind.ENTERPRISE],
        )
        .order_by("id")
        .first()
    )


def monitors_due(month: datetime.date) -> QuerySet[Monitor]:
    """The appointments whose term covered the whole month: a report of that month was due.

    An ended appointment counts when it ended after the month; one starting mid-month does not.
    """
    first, last = month_first(month), month_last(month)
    return Monitor.objects.filter(term_start__lte=first).filter(
        Q(ended_on__isnull=True, term_end__gte=last) | Q(ended_on__gte=last)
    )


def monitors_missing(month: datetime.date) -> QuerySet[Monitor]:
    """The appointments that were due a report of the month and filed none."""
    return (
        monitors_due(month)
        .exclude(reports__month=month_first(month))
        .select_related("user")
        .order_by("id")
    )


def reports_of(user) -> QuerySet[MonitorReport]:
    """A monitor's own reports, every term, newest first, with their complaint."""
    return MonitorReport.objects.filter(monitor__user=user).select_related(
        "complaint", "complaint__category"
    )


# --- The commission's grid ----------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCell:
    month: datetime.date
    # reported, missing, due (this month, not reported yet) or none (outside the term, or later).
    state: str
    reports: int


@dataclass(frozen=True)
class GridRow:
    monitor: Monitor
    cells: list[MonthCell]

    @property
    def missing(self) -> int:
        return sum(1 for cell in self.cells if cell.state == "missing")


def monitors_list(*, kind: str = "", status: str = "", query: str = "") -> QuerySet[Monitor]:
    """The appointments for the commission's list, filtered; serving ones first."""
    monitors = Monitor.objects.select_related("user").order_by("status", "-term_start", "-id")
    if kind:
        monitors = monitors.filter(kind=kind)
    if status:
        monitors = monitors.filter(status=status)
    if query:
        monitors = monitors.filter(
            Q(user__real_name__icontains=query)
            | Q(user__organization_name__icontains=query)
            | Q(user__username=query)
            | Q(user__mobile=query)
        )
    return monitors


def monitor_grid(
    monitors: list[Monitor], *, year: int, today: datetime.date | None = None
) -> list[GridRow]:
    """Per monitor and month of the year: reported (how many), missing, due or not applicable.

    One query for the reports of every monitor given, whatever their number.
    """
    today = today or timezone.localdate()
    counts = {
        (row["monitor_id"], row["month"]): row["n"]
        for row in MonitorReport.objects.filter(
            monitor__in=[monitor.pk for monitor in monitors], month__year=year
        )
        .values("monitor_id", "month")
        .annotate(n=Count("id"))
        .order_by()
    }
    months = [datetime.date(year, number, 1) for number in range(1, 13)]
    current = month_first(today)
    rows = []
    for monitor in monitors:
        cells = []
        for month in months:
            reports = counts.get((monitor.pk, month), 0)
            if reports:
                state = "reported"
            elif month < current and monitor.covers_month(month):
                state = "missing"
            elif month == current and monitor.serves_on(today):
                state = "due"
            else:
                state = "none"
            cells.append(MonthCell(month=month, state=state, reports=reports))
        rows.append(GridRow(monitor=monitor, cells=cells))
    return rows


# --- The yearly summary -------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    label: str
    reports: int
    answered: int
    on_time: int
    rated: int
    satisfied: int

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    @property
    def satisfaction_rate(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None

    def cells(self) -> list:
        """The row as the export writes it."""
        return [
            self.label,
            self.reports,
            self.answered,
            self.on_time,
            "" if self.on_time_rate is None else self.on_time_rate,
            self.rated,
            self.satisfied,
            "" if self.satisfaction_rate is None else self.satisfaction_rate,
        ]


MEASURES = {
    "reports": Count("id"),
    "answered": Count("id", filter=ANSWERED),
    "on_time": Count("id", filter=ON_TIME),
    "rated": Count("id", filter=RATED),
    "satisfied": Count("id", filter=SATISFIED),
}
SUMMARY_COLUMNS = (
    _("报告数"),
    _("已答复"),
    _("按期答复"),
    _("按期答复率（%）"),
    _("已评价"),
    _("满意及基本满意"),
    _("满意率（%）"),
)


def summary_by_monitor(*, year: int) -> list[SummaryRow]:
    """Per monitor: the reports of the year's months, answered, on time, satisfaction."""
    grouped = (
        MonitorReport.objects.filter(month__year=year)
        .values(
            "monitor__user_id",
            "monitor__user__organization_name",
            "monitor__user__real_name",
            "monitor__user__username",
        )
        .annotate(**MEASURES)
        .order_by("monitor__user_id")
    )
    return [
        SummaryRow(
            label=row["monitor__user__organization_name"]
            or row["monitor__user__real_name"]
            or row["monitor__user__username"],
            **{measure: row[measure] for measure in MEASURES},
        )
        for row in grouped
    ]


def summary_by_department(*, year: int) -> list[SummaryRow]:
    """Per handling department: the reports it received in the year, answered on time, satisfaction.

    Reports not dispatched yet belong to no department and are left out.
    """
    grouped = (
        MonitorReport.objects.filter(month__year=year, complaint__department__isnull=False)
        .values("complaint__department_id", "complaint__department__name")
        .annotate(**MEASURES)
        .order_by("complaint__department__name")
    )
    return [
        SummaryRow(
            label=row["complaint__department__name"],
            **{measure: row[measure] for measure in MEASURES},
        )
        for row in grouped
    ]


# --- The leader brief (领导参阅) ------------------------------------------------------------------


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Monitors' part of the monthly brief: who was due a report of the month, who filed none."""
    month = month_first(timezone.localtime(start).date())
    due = monitors_due(month).count()
    missing = list(monitors_missing(month))
    return {
        "figures": {
            "due": due,
            "missing": len(missing),
            "reports": MonitorReport.objects.filter(month=month).count(),
        },
        "tables": [
            {
                "code": "missing_monitors",
                "columns": ["monitor", "kind"],
                "coded": ["kind"],
                "rows": [[monitor.user.display_name, monitor.kind] for monitor in missing],
            }
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown.
BRIEF_LABELS = {
    "due": _("应报送监测员"),
    "missing": _("未报送监测员"),
    "reports": _("监测报告"),
    "missing_monitors": _("本月未报送监测报告的监测员"),
    "monitor": _("监测员"),
    "kind": _("类型"),
    **dict(Monitor.Kind.choices),
}

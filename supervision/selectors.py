"""Reads for the supervision pages: aggregates over supervision's own tables only."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from portal.models import Department, User
from supervision import labels, permissions
from supervision.models import (
    UNANSWERED,
    Alert,
    Brief,
    Clock,
    ClockDay,
    Notice,
    NoticeDay,
    OpenClockCount,
)
from supervision.services import brief as brief_services


@dataclass(frozen=True)
class Filters:
    department: int | None = None
    kind: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        today = timezone.localdate()
        until = self.until or today
        since = self.since or (until - datetime.timedelta(days=7 * 8))
        start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
        end = timezone.make_aware(datetime.datetime.combine(until, datetime.time.max))
        return start, end

    def days(self) -> tuple[datetime.date, datetime.date]:
        """The first and last local day of the period (what the summary tables are keyed by)."""
        start, end = self.period()
        return timezone.localdate(start), timezone.localdate(end)


def _filtered(queryset: QuerySet, filters: Filters, *, kind_field: str | None = "kind") -> QuerySet:
    if filters.department:
        queryset = queryset.filter(department_id=filters.department)
    if filters.kind and kind_field:
        queryset = queryset.filter(**{kind_field: filters.kind})
    return queryset


def clocks_for(user: User, filters: Filters) -> QuerySet[Clock]:
    return _filtered(permissions.clocks_visible_to(user), filters)


def _summary(user: User, model: type, filters: Filters) -> QuerySet:
    return _filtered(permissions.summaries_visible_to(user, model), filters)


def open_clocks_by_department(user: User, filters: Filters) -> list[dict]:
    """Rows of department → green / yellow / red / paused counts of open clocks."""
    # The open-clock counts kept by the clock services and the sweep: a few rows per department.
    groups = (
        _summary(user, OpenClockCount, filters)
        .values("department_id", "department__name", "light", "state")
        .annotate(n=Sum("n"))
        .order_by()
    )
    rows: dict[int, dict] = {}
    for group in groups:
        if not group["n"]:
            continue
        row = rows.setdefault(
            group["department_id"],
            {
                "department_id": group["department_id"],
                "department__name": group["department__name"],
                "green": 0,
                "yellow": 0,
                "red": 0,
                "paused": 0,
            },
        )
        column = "paused" if group["state"] == Clock.State.PAUSED else group["light"]
        row[column] += group["n"]
    return sorted(
        rows.values(), key=lambda row: (-row["red"], -row["yellow"], row["department__name"])
    )


def on_time_ranking(user: User, filters: Filters) -> list[dict]:
    """Departments ranked by the share of work finished in time during the period."""
    rows = (
        _summary(user, ClockDay, filters)
        .filter(day__range=filters.days())
        .values("department_id", "department__name")
        .annotate(done=Sum("finished"), on_time=Sum("on_time"))
        .filter(done__gt=0)
    )
    ranked = [{**row, "rate": round(100 * row["on_time"] / row["done"], 1)} for row in rows]
    return sorted(ranked, key=lambda row: (-row["rate"], -row["done"], row["department__name"]))


def weekly_trend(user: User, filters: Filters) -> dict:
    """Per week of the period: work finished on time and late, notices issued."""
    since, until = filters.days()
    finished = (
        _summary(user, ClockDay, filters)
        .filter(day__range=(since, until))
        .values("day")
        .annotate(finished=Sum("finished"), on_time=Sum("on_time"))
        .order_by()
    )
    notices = (
        _summary(user, NoticeDay, filters)
        .filter(day__range=(since, until))
        .values("day")
        .annotate(n=Sum("issued"))
        .order_by()
    )
    # Every week of the period, quiet ones too, so that the chart's time axis is even.
    first = since - datetime.timedelta(days=since.weekday())
    weeks = [first + datetime.timedelta(weeks=i) for i in range((until - first).days // 7 + 1)]
    by_week = {week: {"on_time": 0, "late": 0, "notices": 0} for week in weeks}

    def week_of(day: datetime.date) -> dict:
        return by_week[day - datetime.timedelta(days=day.weekday())]

    for row in finished:
        week_of(row["day"])["on_time"] += row["on_time"]
        week_of(row["day"])["late"] += row["finished"] - row["on_time"]
    for row in notices:
        week_of(row["day"])["notices"] += row["n"]
    return {
        "names": [_("按时办结"), _("超期办结"), _("督办文书")],
        "labels": [week.isoformat() for week in weeks],
        "on_time": [by_week[week]["on_time"] for week in weeks],
        "late": [by_week[week]["late"] for week in weeks],
        "notices": [by_week[week]["notices"] for week in weeks],
    }


def notice_counts(user: User, filters: Filters) -> dict:
    """Notices issued, still unanswered and second-grade ones, from the daily notice counts."""
    return unanswered_notices(_summary(user, NoticeDay, filters))


def unanswered_notices(days: QuerySet) -> dict:
    """Issued, still unanswered and second-grade notices of some daily notice counts."""
    second_grade = Q(level=Notice.Level.SECOND_GRADE)
    counts = days.aggregate(
        all_issued=Coalesce(Sum("issued"), 0),
        unanswered=Coalesce(Sum(F("issued") - F("settled"), filter=~second_grade), 0),
        second_grade=Coalesce(Sum("issued", filter=second_grade), 0),
    )
    return {
        "issued": counts["all_issued"],
        "unanswered": counts["unanswered"],
        "second_grade": counts["second_grade"],
    }


def open_alerts_by_kind(user: User, filters: Filters) -> list[dict]:
    alerts = _filtered(permissions.alerts_visible_to(user), filters, kind_field=None)
    rows = (
        alerts.exclude(status=Alert.Status.CLOSED)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    return [
        {"kind": row["kind"], "label": labels.label(labels.ALERT, row["kind"]), "n": row["n"]}
        for row in rows
    ]


# Seconds the dashboard's figures are kept: the sweep moves lights once a minute, and the
# drill-down lists behind every figure are read live.
DASHBOARD_SECONDS = 60


def dashboard_figures(user: User, filters: Filters) -> dict:
    """Every figure of the dashboard, computed at most once a minute per scope, filter and
    language (six aggregates were most of the page's time), with `computed_at` for the page's
    freshness stamp."""
    since, until = filters.days()
    key = ":".join(
        [
            "supervision:dashboard",
            permissions.scope(user),
            str(filters.department or ""),
            filters.kind,
            since.isoformat(),
            until.isoformat(),
            get_language(),
        ]
    )
    figures = cache.get(key)
    if figures is None:
        by_department = open_clocks_by_department(user, filters)
        figures = {
            "by_department": by_department,
            "totals": {
                light: sum(row[light] for row in by_department)
                for light in ("green", "yellow", "red", "paused")
            },
            "ranking": on_time_ranking(user, filters),
            "trend": weekly_trend(user, filters),
            "notices": notice_counts(user, filters),
            "alerts": open_alerts_by_kind(user, filters),
            "computed_at": timezone.now(),
        }
        cache.set(key, figures, DASHBOARD_SECONDS)
    return figures


def clock_kinds() -> list[str]:
    """The kinds of deadline in use, for the filter; a scan of every clock, so cached."""
    kinds = cache.get("supervision:clock-kinds")
    if kinds is None:
        kinds = sorted(Clock.objects.order_by().values_list("kind", flat=True).distinct())
        cache.set("supervision:clock-kinds", kinds, timeout=600)
    return kinds


def departments_for(user: User) -> QuerySet[Department]:
    if permissions.sees_everything(user):
        return Department.objects.filter(is_active=True).order_by("kind", "name")
    return Department.objects.filter(pk=user.department_id)


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Supervision's part of the leader brief (领导参阅): clocks, notices and alerts of [start, end).

    Clocks are read from the daily counts and the open-clock counts, never counted one by one.
    """
    month_days = ClockDay.objects.filter(
        day__gte=timezone.localdate(start), day__lt=timezone.localdate(end)
    )
    figures = month_days.aggregate(
        finished=Coalesce(Sum("finished"), 0),
        on_time=Coalesce(Sum("on_time"), 0),
        started=Coalesce(Sum("started"), 0),
    )
    figures["on_time_rate"] = _rate(figures["on_time"], figures["finished"])
    # Lights are a snapshot taken when the brief is made, the first working day after the month.
    figures["open_red"] = Clock.objects.filter(
        state=Clock.State.RUNNING, light=Clock.Light.RED, due_at__lt=end
    ).count()
    notices = Notice.objects.filter(issued_at__gte=start, issued_at__lt=end)
    figures.update(
        notices.aggregate(
            notices=Count("id"),
            notices_unanswered=Count("id", filter=UNANSWERED),
        )
    )
    alerts = Alert.objects.filter(raised_at__gte=start, raised_at__lt=end)
    figures.update(
        alerts.aggregate(
            alerts=Count("id"), alerts_closed=Count("id", filter=Q(status=Alert.Status.CLOSED))
        )
    )
    return {
        "figures": figures,
        "tables": [
            _brief_departments(month_days, notices),
            {
                "code": "alerts_by_kind",
                "columns": ["kind", "alerts", "alerts_closed"],
                "coded": ["kind"],
                "rows": [
                    [row["kind"], row["n"], row["closed"]]
                    for row in alerts.values("kind")
                    .annotate(
                        n=Count("id"), closed=Count("id", filter=Q(status=Alert.Status.CLOSED))
                    )
                    .order_by("-n", "kind")
                ],
            },
            {
                "code": "clocks_by_kind",
                "columns": ["kind", "finished", "late"],
                "coded": ["kind"],
                "rows": [
                    [row["kind"], row["done"], row["late"]]
                    for row in month_days.values("kind")
                    .annotate(done=Sum("finished"), late=Sum("finished") - Sum("on_time"))
                    .filter(done__gt=0)
                    .order_by("-late", "kind")
                ],
            },
        ],
    }


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _brief_departments(month_days: QuerySet, notices: QuerySet) -> dict:
    """Per department: work finished (late), open lights now, and notices of the month by level."""
    rows: dict[int, dict] = {}

    def row(department_id: int) -> dict:
        return rows.setdefault(department_id, dict.fromkeys(BRIEF_DEPARTMENT_COLUMNS[1:], 0))

    for group in (
        month_days.values("department_id")
        .annotate(done=Sum("finished"), late=Sum("finished") - Sum("on_time"))
        .filter(done__gt=0)
        .order_by()
    ):
        row(group["department_id"]).update(finished=group["done"], late=group["late"])
    for group in (
        OpenClockCount.objects.values("department_id", "light", "state")
        .annotate(n=Sum("n"))
        .filter(n__gt=0)
        .order_by()
    ):
        column = "paused" if group["state"] == Clock.State.PAUSED else group["light"]
        row(group["department_id"])[column] += group["n"]
    for group in notices.values("department_id", "level").annotate(n=Count("id")).order_by():
        row(group["department_id"])[group["level"]] += group["n"]
    names = dict(Department.objects.filter(pk__in=rows).values_list("pk", "name"))
    ordered = sorted(
        rows.items(),
        key=lambda item: (-item[1]["red"], -item[1]["late"], names.get(item[0], "")),
    )
    return {
        "code": "departments",
        "columns": BRIEF_DEPARTMENT_COLUMNS,
        "coded": [],
        "rows": [[names.get(pk, ""), *values.values()] for pk, values in ordered],
    }


BRIEF_DEPARTMENT_COLUMNS = [
    "department",
    "finished",
    "late",
    *Clock.Light.values,
    "paused",
    *Notice.Level.values,
]
# The codes of supervision's section, labelled when the brief is shown (alert and clock kinds
# are added by `brief_labels`).
BRIEF_LABELS = {
    "started": gettext_lazy("新增办理时限"),
    "finished": gettext_lazy("办结"),
    "on_time": gettext_lazy("按时办结"),
    "on_time_rate": gettext_lazy("按时办结率（%）"),
    "open_red": gettext_lazy("仍超期（红灯）"),
    "notices": gettext_lazy("督办文书"),
    "notices_unanswered": gettext_lazy("待反馈文书"),
    "alerts": gettext_lazy("预警"),
    "alerts_closed": gettext_lazy("已处置"),
    "late": gettext_lazy("超期办结"),
    "paused": gettext_lazy("暂停"),
    "department": gettext_lazy("部门"),
    "kind": gettext_lazy("类别"),
    "departments": gettext_lazy("各部门灯色与督办"),
    "alerts_by_kind": gettext_lazy("预警情况"),
    "clocks_by_kind": gettext_lazy("各类时限办结情况"),
    **dict(Clock.Light.choices),
    **dict(Notice.Level.choices),
    **dict(Alert.Kind.choices),
}


class _BriefLabels(Mapping):
    """Supervision's codes, then the clock kinds the pillars registered (known only at display)."""

    def __getitem__(self, code: str):
        if code in BRIEF_LABELS:
            return BRIEF_LABELS[code]
        found = labels.label(labels.CLOCK, code)
        if found == code:
            raise KeyError(code)
        return found

    def __iter__(self):
        return iter(BRIEF_LABELS)

    def __len__(self) -> int:
        return len(BRIEF_LABELS)


brief_labels = _BriefLabels()


def brief_sections(brief: Brief) -> list[dict]:
    """The stored brief with every code labelled in the active language, in section order."""
    stored = brief.data.get("sections", {})
    shown = []
    for section in brief_services.sections():
        data = stored.get(section.name)
        if data is None:
            continue

        def label(code, section=section) -> str:
            return str(section.labels.get(str(code), code))

        previous = data.get("previous", {})
        figures = [
            {
                "label": label(code),
                "value": value,
                "previous": previous.get(code),
                "change": _change(value, previous.get(code)),
            }
            for code, value in data.get("figures", {}).items()
        ]
        tables = [
            {
                "title": label(table["code"]),
                "columns": [label(column) for column in table["columns"]],
                "rows": [
                    [
                        label(cell) if column in table["coded"] else cell
                        for column, cell in zip(table["columns"], row, strict=True)
                    ]
                    for row in table["rows"]
                ],
            }
            for table in data.get("tables", [])
        ]
        shown.append({"title": str(section.title), "figures": figures, "tables": tables})
    return shown


def _change(value, previous) -> float | None:
    if value is None or previous is None:
        return None
    return round(value - previous, 1)

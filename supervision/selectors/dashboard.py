"""Reads for the dashboard (电子监察) and its drill-down lists: aggregates over supervision's
own tables only."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.models import Department, User
from supervision import labels, permissions
from supervision.models import (
    Alert,
    Clock,
    ClockDay,
    Notice,
    NoticeDay,
    OpenClockCount,
)


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

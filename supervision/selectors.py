"""Reads for the supervision pages: aggregates over supervision's own tables only."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import Department, User
from supervision import permissions
from supervision.models import OPEN_STATES, Alert, Clock, Notice


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


def _filtered(queryset: QuerySet, filters: Filters, *, kind_field: str | None = "kind") -> QuerySet:
    if filters.department:
        queryset = queryset.filter(department_id=filters.department)
    if filters.kind and kind_field:
        queryset = queryset.filter(**{kind_field: filters.kind})
    return queryset


def clocks_for(user: User, filters: Filters) -> QuerySet[Clock]:
    return _filtered(permissions.clocks_visible_to(user), filters)


def open_clocks_by_department(user: User, filters: Filters) -> list[dict]:
    """Rows of department → green / yellow / red / paused counts of open clocks."""
    # Grouping by the three columns of the clock_open_by_dept index (no join, no FILTER) lets
    # PostgreSQL answer from the index alone, in stream; the few groups are folded here.
    groups = (
        clocks_for(user, filters)
        .filter(state__in=OPEN_STATES)
        .values("department_id", "light", "state")
        .annotate(n=Count("*"))
        .order_by()
    )
    rows: dict[int, dict] = {}
    for group in groups:
        row = rows.setdefault(
            group["department_id"],
            {
                "department_id": group["department_id"],
                "green": 0,
                "yellow": 0,
                "red": 0,
                "paused": 0,
            },
        )
        column = "paused" if group["state"] == Clock.State.PAUSED else group["light"]
        row[column] += group["n"]
    names = dict(Department.objects.filter(pk__in=rows).values_list("pk", "name"))
    for department_id, row in rows.items():
        row["department__name"] = names.get(department_id, "")
    return sorted(
        rows.values(), key=lambda row: (-row["red"], -row["yellow"], row["department__name"])
    )


def on_time_ranking(user: User, filters: Filters) -> list[dict]:
    """Departments ranked by the share of work finished in time during the period."""
    start, end = filters.period()
    rows = (
        clocks_for(user, filters)
        .filter(state=Clock.State.STOPPED, stopped_at__range=(start, end))
        .values("department_id", "department__name")
        .annotate(done=Count("id"), on_time=Count("id", filter=Q(stopped_at__lte=F("due_at"))))
    )
    ranked = [{**row, "rate": round(100 * row["on_time"] / row["done"], 1)} for row in rows]
    return sorted(ranked, key=lambda row: (-row["rate"], -row["done"], row["department__name"]))


def weekly_trend(user: User, filters: Filters) -> dict:
    """Per week of the period: work finished on time and late, notices issued."""
    start, end = filters.period()
    finished = (
        clocks_for(user, filters)
        .filter(state=Clock.State.STOPPED, stopped_at__range=(start, end))
        .annotate(week=TruncWeek("stopped_at"))
        .values("week")
        .annotate(
            on_time=Count("due_at", filter=Q(stopped_at__lte=F("due_at"))),
            late=Count("due_at", filter=Q(stopped_at__gt=F("due_at"))),
        )
    )
    notices = (
        _filtered(permissions.notices_visible_to(user), filters, kind_field="clock__kind")
        .filter(issued_at__range=(start, end))
        .annotate(week=TruncWeek("issued_at"))
        .values("week")
        .annotate(n=Count("id"))
    )
    # Every week of the period, quiet ones too, so that the chart's time axis is even.
    first = timezone.localtime(start).date()
    first -= datetime.timedelta(days=first.weekday())
    last = timezone.localtime(end).date()
    weeks = [first + datetime.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    by_week = {week: {"on_time": 0, "late": 0, "notices": 0} for week in weeks}
    for row in finished:
        by_week.setdefault(row["week"].date(), {"on_time": 0, "late": 0, "notices": 0}).update(
            on_time=row["on_time"], late=row["late"]
        )
    for row in notices:
        by_week.setdefault(row["week"].date(), {"on_time": 0, "late": 0, "notices": 0})[
            "notices"
        ] = row["n"]
    weeks = sorted(by_week)
    return {
        "names": [_("按时办结"), _("超期办结"), _("督办文书")],
        "labels": [week.isoformat() for week in weeks],
        "on_time": [by_week[week]["on_time"] for week in weeks],
        "late": [by_week[week]["late"] for week in weeks],
        "notices": [by_week[week]["notices"] for week in weeks],
    }


def notice_counts(user: User, filters: Filters) -> dict:
    notices = _filtered(permissions.notices_visible_to(user), filters, kind_field="clock__kind")
    return notices.aggregate(
        issued=Count("id"),
        unanswered=Count(
            "id", filter=~Q(status=Notice.Status.ANSWERED) & ~Q(level=Notice.Level.SECOND_GRADE)
        ),
        second_grade=Count("id", filter=Q(level=Notice.Level.SECOND_GRADE)),
    )


def open_alerts_by_kind(user: User, filters: Filters) -> list[dict]:
    alerts = _filtered(permissions.alerts_visible_to(user), filters, kind_field=None)
    rows = (
        alerts.exclude(status=Alert.Status.CLOSED)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    labels = dict(Alert.Kind.choices)
    return [
        {"kind": row["kind"], "label": labels.get(row["kind"], row["kind"]), "n": row["n"]}
        for row in rows
    ]


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


def brief(month: datetime.date) -> dict:
    """The month's figures for the leader brief (领导参阅), county-wide."""
    start = timezone.make_aware(datetime.datetime.combine(month.replace(day=1), datetime.time.min))
    next_month = (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.datetime.combine(next_month, datetime.time.min))
    clocks = Clock.objects.all()
    figures = clocks.aggregate(
        started=Count("id", filter=Q(started_at__gte=start, started_at__lt=end)),
        finished=Count("id", filter=Q(stopped_at__gte=start, stopped_at__lt=end)),
        on_time=Count(
            "id", filter=Q(stopped_at__gte=start, stopped_at__lt=end, stopped_at__lte=F("due_at"))
        ),
        open_red=Count(
            "id", filter=Q(state=Clock.State.RUNNING, light=Clock.Light.RED, due_at__lt=end)
        ),
    )
    figures["on_time_rate"] = (
        round(100 * figures["on_time"] / figures["finished"], 1) if figures["finished"] else None
    )
    notices = Notice.objects.filter(issued_at__gte=start, issued_at__lt=end)
    figures["notices"] = {
        row["level"]: row["n"] for row in notices.values("level").annotate(n=Count("id")).order_by()
    }
    figures["alerts"] = list(
        Alert.objects.filter(raised_at__gte=start, raised_at__lt=end)
        .values("kind")
        .annotate(n=Count("id"), closed=Count("id", filter=Q(status=Alert.Status.CLOSED)))
        .order_by("-n")
    )
    figures["departments"] = list(
        clocks.filter(stopped_at__gte=start, stopped_at__lt=end)
        .values("department__name")
        .annotate(done=Count("id"), late=Count("id", filter=Q(stopped_at__gt=F("due_at"))))
        .order_by("-late", "department__name")[:20]
    )
    return {"month": month.replace(day=1), "figures": figures}

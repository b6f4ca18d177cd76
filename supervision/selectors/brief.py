"""Reads for the leader brief (领导参阅): supervision's own section of it, and every section of
a stored brief laid out for its page and PDF."""

import datetime
from collections.abc import Mapping

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy

from portal.models import Department
from supervision import labels
from supervision.models import UNANSWERED, Alert, Brief, Clock, ClockDay, Notice, OpenClockCount
from supervision.services import brief as brief_services


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

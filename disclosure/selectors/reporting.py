"""Reads of reporting: information items (政务信息) with the monthly ranking, and the annual report.

The annual report on government information disclosure (政府信息公开工作年度报告, 条例 Art 49-50)
is built from the data of one calendar year (local time): proactive items by column, and the
requests — received, carried over from last year, concluded by reply type, carried forward,
overdue — in one aggregate query. Every request alive in the year is either concluded in it
or carried forward, so new + carried over = concluded + carried forward holds by construction.

Overdue counts the requests answered in the year after their due time, and the requests still
being handled at the year's end (for the current year: now) whose due time had passed by then. A request deemed abandoned
is never overdue: its clock was paused waiting for the applicant.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.models import Article, Column, InfoReport, InformationRequest
from disclosure.permissions import reporting as permissions
from disclosure.selectors.columns import published_counts_by_column

ABANDONED = "abandoned"


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The local start of the month and of the next one."""
    start = datetime.datetime(year, month, 1)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)


def monthly_ranking(year: int, month: int) -> list[dict]:
    """Units ranked by the points of the items they submitted in the month (one query).

    Each row: department_id, department name, submitted, adopted, score, rank (ties share one).
    """
    start, end = month_bounds(year, month)
    rows = list(
        InfoReport.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values("department_id", "department__name")
        .annotate(
            submitted=Count("id"),
            adopted=Count("id", filter=Q(status=InfoReport.Status.ADOPTED)),
            score=Coalesce(Sum("score"), 0),
        )
        .order_by("-score", "-adopted", "department__name")
    )
    rank, previous = 0, None
    for position, row in enumerate(rows, start=1):
        key = (row["score"], row["adopted"])
        if key != previous:
            rank, previous = position, key
        row["rank"] = rank
    return rows


def reports_for(user, *, status: str = "") -> QuerySet[InfoReport]:
    reports = permissions.reports_visible_to(user).select_related("department", "submitted_by")
    if status:
        reports = reports.filter(status=status)
    return reports.order_by("-submitted_at", "-id")


def report_get_for(user, pk: int) -> InfoReport:
    report = (
        permissions.reports_visible_to(user)
        .select_related("department", "submitted_by", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


# --- The annual report on government information disclosure ---------------------------------


@dataclass
class AnnualReport:
    year: int
    # Articles first published in the year, by column (None: not counted, the page says so).
    proactive: list[tuple[str, int]] | None
    received: int
    carried_over: int
    concluded: list[tuple[str, str, int]] = field(default_factory=list)
    carried_forward: int = 0
    overdue: int = 0

    @property
    def concluded_total(self) -> int:
        return sum(count for _key, _label, count in self.concluded)

    @property
    def proactive_total(self) -> int:
        return sum(count for _label, count in self.proactive or [])

    @property
    def balanced(self) -> bool:
        return self.received + self.carried_over == self.concluded_total + self.carried_forward

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, item, number) rows: the one shape every download writes."""
        proactive_section = _("一、主动公开政府信息情况")
        requests_section = _("二、收到和处理政府信息公开申请情况")
        rows = [(proactive_section, label, count) for label, count in self.proactive or []]
        if self.proactive is not None:
            rows.append((proactive_section, _("合计"), self.proactive_total))
        rows += [
            (requests_section, _("本年新收政府信息公开申请数量"), self.received),
            (requests_section, _("上年结转政府信息公开申请数量"), self.carried_over),
        ]
        rows += [
            (requests_section, _("本年度办理结果：%(type)s") % {"type": label}, count)
            for _key, label, count in self.concluded
        ]
        rows += [
            (requests_section, _("本年度办理结果：总计"), self.concluded_total),
            (requests_section, _("结转下年度继续办理"), self.carried_forward),
            (requests_section, _("超过法定期限答复或尚未答复"), self.overdue),
        ]
        return rows


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def _outcomes() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in InformationRequest.ReplyType.choices] + [
        (ABANDONED, _("申请人逾期未补正，视为放弃"))
    ]


def annual_report(year: int) -> AnnualReport:
    """The figures of the year's annual report (two queries)."""
    start, end = year_bounds(year)
    # The current year is judged as of now: a request due next month is not overdue yet.
    cutoff = min(end, timezone.now())
    concluded = Q(closed_at__lt=end)
    pending_at_end = Q(closed_at__isnull=True) | Q(closed_at__gte=end)
    counts = {
        "received": Count("pk", filter=Q(received_at__gte=start)),
        "carried_over": Count("pk", filter=Q(received_at__lt=start)),
        "carried_forward": Count("pk", filter=pending_at_end),
        "overdue": Count(
            "pk",
            filter=(
                concluded
                & Q(status=InformationRequest.Status.ANSWERED, closed_at__gt=F("clock__due_at"))
            )
            | (
                pending_at_end
                & Q(clock__due_at__lt=cutoff)
                & (
                    Q(status=InformationRequest.Status.RECEIVED)
                    | Q(status=InformationRequest.Status.ANSWERED)
                )
            ),
        ),
    }
    for key, _label in _outcomes():
        by_type = (
            Q(status=InformationRequest.Status.ABANDONED)
            if key == ABANDONED
            else Q(status=InformationRequest.Status.ANSWERED, reply_type=key)
        )
        counts[f"outcome_{key}"] = Count("pk", filter=concluded & by_type)
    # Every request alive at some moment of the year: received before its end, closed after its start.
    figures = (
        InformationRequest.objects.filter(received_at__lt=end)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=start))
        .aggregate(**counts)
    )
    return AnnualReport(
        year=year,
        proactive=list(published_counts_by_column(year)),
        received=figures["received"],
        carried_over=figures["carried_over"],
        concluded=[(key, label, figures[f"outcome_{key}"]) for key, label in _outcomes()],
        carried_forward=figures["carried_forward"],
        overdue=figures["overdue"],
    )


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Disclosure's part of the leader brief (领导参阅): staleness and requests of [start, end)."""
    stale = [
        column
        for column in Column.objects.filter(is_active=True).select_related("department")
        if column.is_stale(now=end)
    ]
    answered = Q(status=InformationRequest.Status.ANSWERED, closed_at__gte=start, closed_at__lt=end)
    figures = {
        "columns_stale": len(stale),
        "articles_published": Article.objects.filter(
            first_published_at__gte=start, first_published_at__lt=end
        ).count(),
        **InformationRequest.objects.aggregate(
            requests_received=Count("id", filter=Q(received_at__gte=start, received_at__lt=end)),
            requests_answered=Count("id", filter=answered),
            requests_answered_late=Count(
                "id", filter=answered & Q(closed_at__gt=F("clock__due_at"))
            ),
            requests_open_overdue=Count(
                "id",
                filter=Q(received_at__lt=end, clock__due_at__lt=end)
                & (Q(closed_at__isnull=True) | Q(closed_at__gte=end))
                & ~Q(status=ABANDONED),
            ),
        ),
    }
    return {
        "figures": figures,
        "tables": [
            {
                "code": "columns_stale",
                "columns": ["column", "department", "update_interval_days"],
                "coded": [],
                "rows": [
                    [
                        column.name,
                        column.department.name if column.department else "",
                        column.update_interval_days,
                    ]
                    for column in stale
                ],
            }
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown.
BRIEF_LABELS = {
    "columns_stale": gettext_lazy("更新不及时的栏目"),
    "articles_published": gettext_lazy("主动公开信息"),
    "requests_received": gettext_lazy("收到依申请公开"),
    "requests_answered": gettext_lazy("已答复申请"),
    "requests_answered_late": gettext_lazy("超期答复"),
    "requests_open_overdue": gettext_lazy("月末超期未答复"),
    "column": gettext_lazy("栏目"),
    "department": gettext_lazy("责任单位"),
    "update_interval_days": gettext_lazy("更新周期（天）"),
}

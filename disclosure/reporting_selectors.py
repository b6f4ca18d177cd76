"""Reads of government information reporting: lists and the monthly ranking per unit."""

import datetime

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from disclosure import reporting_permissions as permissions
from disclosure.models import InfoReport

S = InfoReport.Status


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
            adopted=Count("id", filter=Q(status=S.ADOPTED)),
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

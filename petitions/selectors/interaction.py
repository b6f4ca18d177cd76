"""The figures the website inspection asks of citizen interaction (国办秘函〔2019〕19号).

Per answering unit and month of receipt: messages received, answered, answered within the limit,
the average and longest time to answer, and how many are published. One grouped query whatever
the number of messages. Counted are valid messages that stayed messages (not marked invalid, not
converted into a complaint); a message not yet routed counts for the unit it was written to.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    Q,
    QuerySet,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from petitions.models import Message
from portal import snapshots

COUNTED = ~Q(status__in=[Message.Status.INVALID, Message.Status.CONVERTED])
ANSWERED = Q(answered_at__isnull=False)
# The clock stopped when the answer went out; on time when it stopped by its due time.
ON_TIME = ANSWERED & Q(clock__stopped_at__isnull=False, clock__stopped_at__lte=F("clock__due_at"))

COLUMNS = (
    _("月份"),
    _("单位"),
    _("收到留言"),
    _("已答复"),
    _("按期答复"),
    _("按期答复率（%）"),
    _("平均答复用时（天）"),
    _("最长答复用时（天）"),
    _("公开"),
)


@dataclass(frozen=True)
class InteractionRow:
    month: datetime.date | None
    # None: written to the county head's mailbox and not routed yet.
    unit: str | None
    received: int
    answered: int
    on_time: int
    average: datetime.timedelta | None
    longest: datetime.timedelta | None
    published: int

    @property
    def unit_label(self) -> str:
        return self.unit or str(_("县长信箱（待分办）"))

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.answered, 1) if self.answered else None

    @property
    def average_days(self) -> float | None:
        return days(self.average)

    @property
    def longest_days(self) -> float | None:
        return days(self.longest)

    def cells(self) -> list:
        """The row as the export writes it."""
        return [
            self.month.strftime("%Y-%m") if self.month else "",
            self.unit_label,
            self.received,
            self.answered,
            self.on_time,
            "" if self.on_time_rate is None else self.on_time_rate,
            "" if self.average_days is None else self.average_days,
            "" if self.longest_days is None else self.longest_days,
            self.published,
        ]


def days(duration: datetime.timedelta | None) -> float | None:
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The local start of the year and of the next, as aware datetimes."""
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def counted_messages(year: int) -> QuerySet[Message]:
    start, end = year_bounds(year)
    return Message.objects.filter(COUNTED, received_at__gte=start, received_at__lt=end)


def interaction_figures(*, year: int) -> tuple[list[InteractionRow], InteractionRow]:
    """Return the rows (newest month first, then unit) and the year's total."""
    time_to_answer = ExpressionWrapper(
        F("answered_at") - F("received_at"), output_field=DurationField()
    )
    measures = {
        "received": Count("id"),
        "answered": Count("id", filter=ANSWERED),
        "on_time": Count("id", filter=ON_TIME),
        "average": Avg(time_to_answer, filter=ANSWERED),
        "longest": Max(time_to_answer, filter=ANSWERED),
        "published": Count("id", filter=Q(published_at__isnull=False)),
    }
    messages = counted_messages(year)
    grouped = (
        messages.annotate(
            month=TruncMonth("received_at"),
            unit=Coalesce("department__name", "addressee__name"),
        )
        .values("month", "unit")
        .annotate(**measures)
        .order_by("-month", "unit")
    )
    rows = [InteractionRow(**row) for row in grouped]
    total = InteractionRow(month=None, unit=str(_("合计")), **messages.aggregate(**measures))
    return rows, total


# The year's figures as the public page shows them: materialised by beat (`portal.snapshots`).
FIGURES = "petitions.interaction"


def _seconds(duration: datetime.timedelta | None) -> float | None:
    return None if duration is None else duration.total_seconds()


def _duration(seconds: float | None) -> datetime.timedelta | None:
    return None if seconds is None else datetime.timedelta(seconds=seconds)


def figures_compute(key: str) -> list[dict]:
    """The figures of the year `key` as JSON rows, for the snapshot."""
    rows, _total = interaction_figures(year=int(key))
    return [
        {
            "month": timezone.localtime(row.month).date().isoformat(),
            "unit": row.unit,
            "received": row.received,
            "answered": row.answered,
            "on_time": row.on_time,
            "average": _seconds(row.average),
            "longest": _seconds(row.longest),
            "published": row.published,
        }
        for row in rows
    ]


def figures_years() -> list[str]:
    """The years beat keeps fresh: this one and the last (late answers still move it)."""
    year = timezone.localdate().year
    return [str(year), str(year - 1)]


def figures_stored(*, year: int) -> tuple[list[InteractionRow], InteractionRow, datetime.datetime]:
    """The stored figures of `year` (rows, the year's total) and when they were computed."""
    stored = snapshots.read(FIGURES, str(year))
    rows = [
        InteractionRow(
            month=datetime.date.fromisoformat(row["month"]),
            unit=row["unit"],
            received=row["received"],
            answered=row["answered"],
            on_time=row["on_time"],
            average=_duration(row["average"]),
            longest=_duration(row["longest"]),
            published=row["published"],
        )
        for row in stored.data
    ]
    answered = sum(row.answered for row in rows)
    timed = [row for row in rows if row.average is not None]
    total = InteractionRow(
        month=None,
        unit=str(_("合计")),
        received=sum(row.received for row in rows),
        answered=answered,
        on_time=sum(row.on_time for row in rows),
        # Each row's average is over its answered messages: weigh it by them.
        average=(
            sum((row.average * row.answered for row in timed), datetime.timedelta()) / answered
            if timed and answered
            else None
        ),
        longest=max((row.longest for row in timed if row.longest is not None), default=None),
        published=sum(row.published for row in rows),
    )
    return rows, total, stored.computed_at


def chart_data(rows: list[InteractionRow]) -> dict:
    """Monthly totals for the chart, oldest month first."""
    by_month: dict[datetime.date, list[int]] = {}
    for row in rows:
        sums = by_month.setdefault(row.month, [0, 0, 0, 0])
        for index, value in enumerate((row.received, row.answered, row.on_time, row.published)):
            sums[index] += value
    months = sorted(by_month)
    return {
        "labels": [month.strftime("%Y-%m") for month in months],
        "names": [str(_("收到留言")), str(_("已答复")), str(_("按期答复")), str(_("公开"))],
        "received": [by_month[month][0] for month in months],
        "answered": [by_month[month][1] for month in months],
        "on_time": [by_month[month][2] for month in months],
        "published": [by_month[month][3] for month in months],
    }

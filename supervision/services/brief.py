"""The monthly leader brief (领导参阅): sections contributed by the pillars, stored once a month.

Supervision imports no pillar, so each pillar registers its section in its `AppConfig.ready`
with `register_section`; the section computes its month's figures from the pillar's own
models and names its labels (lazy translations) for the codes it stores. Beat runs
`brief_generate_due` daily: on the month's first working day it stores the previous month's
brief, with the month before as the trend baseline, and tells the leaders.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise

from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.texts import coded
from portal.workdays import is_working_day
from supervision.models import Brief

# A section's data: {"figures": {code: number | None},
#                    "tables": [{"code": str, "columns": [code, ...], "coded": [column, ...],
#                                "rows": [[cell, ...], ...]}]}
# Cells of the columns named in "coded" are codes, labelled like figure and column codes.
SectionData = dict
Compute = Callable[[datetime.datetime, datetime.datetime], SectionData]


@dataclass(frozen=True)
class Section:
    """One part of the brief, owned by a pillar (or by supervision itself)."""

    name: str
    title: Promise
    compute: Compute  # (start, end) of the month, aware datetimes, end exclusive
    labels: Mapping[str, Promise] = field(default_factory=dict)
    order: int = 100


_sections: dict[str, Section] = {}


def register_section(
    name: str,
    *,
    title: Promise,
    compute: Compute,
    labels: Mapping[str, Promise],
    order: int = 100,
) -> None:
    """Add a pillar's section to the brief (idempotent per name: the last registration wins)."""
    _sections[name] = Section(name=name, title=title, compute=compute, labels=labels, order=order)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))


def section(name: str) -> Section | None:
    return _sections.get(name)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The month of `month` as aware local datetimes [first day 00:00, next month's 00:00)."""
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))
    return start, end


def previous_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def first_working_day(month: datetime.date) -> datetime.date:
    day = month.replace(day=1)
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def _compute(month: datetime.date) -> dict[str, SectionData]:
    start, end = month_bounds(month)
    return {section.name: section.compute(start, end) for section in sections()}


def brief_generate(*, month: datetime.date, at: datetime.datetime | None = None) -> Brief:
    """Store the brief of `month` and tell the leaders; a stored month is returned unchanged."""
    month = month.replace(day=1)
    existing = Brief.objects.filter(month=month).first()
    if existing:
        return existing
    at = at or timezone.now()
    figures = _compute(month)
    baseline = Brief.objects.filter(month=previous_month(month)).first()
    previous = baseline.data.get("sections", {}) if baseline else _compute(previous_month(month))
    for name, data in figures.items():
        data["previous"] = previous.get(name, {}).get("figures", {})
    try:
        with transaction.atomic():
            brief = Brief.objects.create(month=month, generated_at=at, data={"sections": figures})
            _deliver(brief)
    except IntegrityError:
        # Two workers on the same morning: the other one stored and delivered it.
        return Brief.objects.get(month=month)
    return brief


def _deliver(brief: Brief) -> None:
    notify(
        User.objects.with_role(Role.LEADER),
        subject=coded("supervision.brief", month=f"{brief.month:%Y-%m}"),
        body=coded("supervision.brief_body", month=f"{brief.month:%Y-%m}"),
        url=brief.get_absolute_url(),
        sms=False,
    )


def brief_generate_due(*, at: datetime.datetime | None = None) -> Brief | None:
    """From the month's first working day on, store last month's brief if it is not stored yet.

    Beat runs this daily; a day missed while beat was down is caught up the next run.
    """
    today = timezone.localdate(at or timezone.now())
    if today < first_working_day(today):
        return None
    month = previous_month(today)
    if Brief.objects.filter(month=month).exists():
        return None
    return brief_generate(month=month, at=at)

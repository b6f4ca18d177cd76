"""Reads for the efficiency rating's pages."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy

from evaluation.models import BEIJING, RatedPerson, RatingWarning, Tier, Vote
from portal.models import Department


def units_with_people(query: str = ""):
    """Return the units that have people on the roster, with how many."""
    people = RatedPerson.objects.filter(is_active=True)
    if query:
        people = people.filter(
            Q(name__icontains=query)
            | Q(position__icontains=query)
            | Q(department__name__icontains=query)
            | Q(responsibilities__icontains=query)
        )
    return (
        Department.objects.filter(rated_people__in=people)
        .annotate(people=Count("rated_people", filter=Q(rated_people__in=people), distinct=True))
        .order_by("kind", "name")
    )


def people_list(*, department=None, query: str = ""):
    people = RatedPerson.objects.filter(is_active=True).select_related("department")
    if department is not None:
        people = people.filter(department=department)
    if query:
        people = people.filter(
            Q(name__icontains=query)
            | Q(position__icontains=query)
            | Q(department__name__icontains=query)
            | Q(responsibilities__icontains=query)
        )
    return people


def public_reasons(person, limit: int = 20):
    return person.votes.filter(reason_status=Vote.ReasonStatus.APPROVED).order_by("-created_at")[
        :limit
    ]


def moderation_queue():
    return (
        Vote.objects.filter(reason_status=Vote.ReasonStatus.PENDING)
        .select_related("person__department")
        .order_by("created_at")
    )


def warnings_list(*, open_only: bool = False):
    warnings = RatingWarning.objects.select_related("person__department", "alert").prefetch_related(
        "bases"
    )
    if open_only:
        warnings = warnings.exclude(alert__status="closed")
    return warnings


def person_month_counts(month: date):
    """Return the people with their dissatisfied votes in a month, most first."""
    return (
        RatedPerson.objects.select_related("department")
        .annotate(
            dissatisfied=Count("votes", filter=Q(votes__month=month, votes__is_dissatisfied=True)),
            total=Count("votes", filter=Q(votes__month=month)),
        )
        .filter(total__gt=0)
        .order_by("-dissatisfied", "department__name", "name")
    )


def person_year_counts(year: int):
    """Return each person's dissatisfied votes in a year, for the annual appraisal."""
    start, end = date(year, 1, 1), date(year, 12, 1)
    in_year = Q(votes__month__gte=start, votes__month__lte=end)
    return (
        RatedPerson.objects.select_related("department")
        .annotate(
            dissatisfied=Count("votes", filter=in_year & Q(votes__is_dissatisfied=True)),
            total=Count("votes", filter=in_year),
        )
        .order_by("-dissatisfied", "department__name", "name")
    )


def unit_month_counts(month: date):
    return (
        Department.objects.annotate(
            dissatisfied=Count(
                "rated_people__votes",
                filter=Q(
                    rated_people__votes__month=month, rated_people__votes__is_dissatisfied=True
                ),
            ),
            total=Count("rated_people__votes", filter=Q(rated_people__votes__month=month)),
        )
        .filter(total__gt=0)
        .order_by("-dissatisfied", "name")
    )


def daily_review(day: date):
    """Return the votes cast or changed on a Beijing-time day, with their reasons."""
    start = datetime.combine(day, time.min, tzinfo=BEIJING)
    return (
        Vote.objects.filter(updated_at__gte=start, updated_at__lt=start + timedelta(days=1))
        .select_related("person__department", "moderated_by")
        .order_by("-updated_at")
    )


def brief_section(start: datetime, end: datetime) -> dict:
    """The rating's part of the leader brief (领导参阅): votes and tier warnings of [start, end)."""
    warnings = RatingWarning.objects.filter(raised_at__gte=start, raised_at__lt=end)
    by_tier = dict(warnings.values_list("tier").annotate(n=Count("id")).order_by())
    figures = Vote.objects.filter(created_at__gte=start, created_at__lt=end).aggregate(
        votes=Count("id"), dissatisfied=Count("id", filter=Q(is_dissatisfied=True))
    )
    figures["warnings"] = sum(by_tier.values())
    people = (
        warnings.values("person__name", "person__department__name", "tier")
        .annotate(n=Count("id"))
        .order_by("-tier", "person__department__name", "person__name")
    )
    return {
        "figures": figures,
        "tables": [
            {
                "code": "by_tier",
                "columns": ["tier", "warnings"],
                "coded": ["tier"],
                "rows": [[tier.value, by_tier.get(tier.value, 0)] for tier in reversed(Tier)],
            },
            {
                "code": "people",
                "columns": ["department", "person", "tier"],
                "coded": ["tier"],
                "rows": [
                    [row["person__department__name"], row["person__name"], row["tier"]]
                    for row in people
                ],
            },
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown (tiers by their number).
BRIEF_LABELS = {
    "votes": gettext_lazy("测评票数"),
    "dissatisfied": gettext_lazy("不满意票"),
    "warnings": gettext_lazy("测评预警"),
    "tier": gettext_lazy("预警级别"),
    "by_tier": gettext_lazy("各级预警"),
    "people": gettext_lazy("预警对象"),
    "department": gettext_lazy("单位"),
    "person": gettext_lazy("姓名"),
    **{str(tier.value): tier.label for tier in Tier},
}

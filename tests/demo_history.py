"""Seeding the demo county in tests, and counting its records by month."""

import io

from django.core.management import call_command
from django.utils import timezone

from approvals.models import Case
from disclosure.models import Article, InformationRequest
from evaluation.models import Vote
from petitions.models import Complaint
from portal import demo_history

# Each record kind of the history with the field that dates it.
DATED = [
    (Complaint, "registered_at"),
    (Case, "submitted_at"),
    (Article, "published_at"),
    (InformationRequest, "received_at"),
    (Vote, "created_at"),
]


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def month_counts(model, field) -> dict[tuple[int, int], int]:
    counts: dict[tuple[int, int], int] = {}
    for moment in model.objects.values_list(field, flat=True):
        if moment is not None:
            local = timezone.localtime(moment)
            counts[(local.year, local.month)] = counts.get((local.year, local.month), 0) + 1
    return counts


def assert_every_month_has_records():
    months = demo_history.past_months(timezone.localdate())
    for model, field in DATED:
        counts = month_counts(model, field)
        empty = [m for m in months if not counts.get((m.year, m.month))]
        assert not empty, f"{model.__name__} has no record in {empty}"

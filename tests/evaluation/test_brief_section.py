"""The rating's section of the leader brief: the month's tier warnings, by tier and person."""

import datetime

import pytest
from django.utils import timezone

from evaluation.models import RatingWarning, Tier
from evaluation.selectors import brief_section
from supervision.services.brief import month_bounds
from tests.evaluation.factories import RatedPersonFactory

pytestmark = pytest.mark.django_db


def test_a_warning_of_the_month_is_counted_by_tier_and_named():
    person = RatedPersonFactory(name="李四")
    november = timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0))
    RatingWarning.objects.create(person=person, tier=Tier.III, raised_at=november)
    RatingWarning.objects.create(
        person=person, tier=Tier.II, raised_at=november + datetime.timedelta(days=15)
    )
    section = brief_section(*month_bounds(datetime.date(2026, 11, 1)))
    assert section["figures"]["warnings"] == 1
    by_tier, people = section["tables"]
    assert by_tier["rows"] == [[Tier.I, 0], [Tier.II, 0], [Tier.III, 1]]
    assert people["rows"] == [[person.department.name, "李四", Tier.III]]

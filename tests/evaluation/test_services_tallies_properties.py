"""Whatever the order of votes and changes, warnings obey the rules of DOMAIN.md §4."""

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.models import RatingWarning, Tally, WarningBasis
from evaluation.services import votes as vote_services
from evaluation.services.tallies import tier_reached
from tests.evaluation.conftest import beijing
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory

START = beijing(2026, 7, 1, 8, 0)


@pytest.fixture
def settings_thresholds(settings):
    """Low thresholds so that short sequences cross several tiers."""
    settings.EVALUATION_THRESHOLDS = {
        "month": {"III": 3, "II": 6, "I": 9},
        "year": {"III": 100, "II": 200, "I": 300},
    }


@pytest.mark.django_db
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.sampled_from(["bad", "good", "flip"]), min_size=5, max_size=30))
def test_tiers_are_raised_once_and_never_withdrawn(steps, settings_thresholds):
    person = RatedPersonFactory()
    voters, peak = [], 0
    for i, step in enumerate(steps):
        at = START + timedelta(minutes=i)
        if step == "flip" and voters:
            voter, rating = voters[-1], "satisfied"
        else:
            voter, rating = CitizenFactory(), "dissatisfied" if step != "good" else "fair"
            voters.append(voter)
        vote_services.vote_cast(
            person=person,
            voter=voter,
            attitude=rating,
            efficiency="fair",
            style="fair",
            reason="理由",
            at=at,
        )
        count = (
            Tally.objects.filter(person=person, basis="month")
            .values_list("dissatisfied", flat=True)
            .first()
            or 0
        )
        assert count == person.votes.filter(is_dissatisfied=True).count()
        peak = max(peak, count)
    bases = WarningBasis.objects.filter(person=person, basis="month")
    # At most one row per tier, and the highest covered tier is the peak's tier.
    tiers = list(bases.values_list("tier", flat=True))
    assert len(tiers) == len(set(tiers))
    assert max(tiers, default=0) == tier_reached("month", peak)
    assert RatingWarning.objects.filter(person=person).count() == len(tiers)

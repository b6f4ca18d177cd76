"""The warning tiers of DOMAIN.md §4 at their exact boundaries."""

from datetime import timedelta

import pytest

from evaluation.models import Basis, RatingWarning, Tally, Tier, WarningBasis
from evaluation.services import tallies as tally_services
from evaluation.services import votes as vote_services
from supervision.models import Alert
from tests.evaluation.conftest import beijing
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

MID_MARCH = beijing(2026, 3, 10, 9, 0)


def cast_many(cast, person, n, at=MID_MARCH):
    for i in range(n):
        cast(person, at=at + timedelta(minutes=i))


def test_nine_dissatisfied_votes_in_a_month_raise_nothing(person, vote_dissatisfied):
    cast_many(vote_dissatisfied, person, 9)
    assert not RatingWarning.objects.exists()
    assert not Alert.objects.exists()


def test_tenth_dissatisfied_vote_in_a_month_raises_tier_three(person, vote_dissatisfied):
    cast_many(vote_dissatisfied, person, 10)
    warning = RatingWarning.objects.get()
    assert warning.tier == Tier.III
    assert [(b.basis, b.count) for b in warning.bases.all()] == [(Basis.MONTH, 10)]
    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.RATING_WARNING
    assert alert.subject_url == f"/evaluation/staff/warnings/{warning.pk}/"
    assert "效能告诫" in alert.text


def test_twentieth_raises_tier_two_and_fortieth_tier_one(person, vote_dissatisfied):
    cast_many(vote_dissatisfied, person, 19)
    assert list(RatingWarning.objects.values_list("tier", flat=True)) == [Tier.III]
    cast_many(vote_dissatisfied, person, 1, at=MID_MARCH + timedelta(hours=1))
    assert sorted(RatingWarning.objects.values_list("tier", flat=True)) == [Tier.III, Tier.II]
    cast_many(vote_dissatisfied, person, 19, at=MID_MARCH + timedelta(hours=2))
    assert RatingWarning.objects.count() == 2
    cast_many(vote_dissatisfied, person, 1, at=MID_MARCH + timedelta(hours=3))
    tiers = sorted(RatingWarning.objects.values_list("tier", flat=True))
    # The 40th of the month is also the 40th of the year: one warning, tier I, naming both.
    assert tiers == [Tier.III, Tier.II, Tier.I]
    top = RatingWarning.objects.get(tier=Tier.I)
    assert {b.basis for b in top.bases.all()} == {Basis.MONTH, Basis.YEAR}
    assert Alert.objects.count() == 3


def test_year_thresholds_count_votes_spread_over_months(person, vote_dissatisfied):
    # 9 a month in Jan-Apr and 3 in May: 39 in the year, no month reaches 10.
    for month, n in ((1, 9), (2, 9), (3, 9), (4, 9), (5, 3)):
        cast_many(vote_dissatisfied, person, n, at=beijing(2026, month, 5, 10, 0))
    assert not RatingWarning.objects.exists()
    vote_dissatisfied(person, at=beijing(2026, 5, 20, 10, 0))
    warning = RatingWarning.objects.get()
    assert warning.tier == Tier.III
    assert [(b.basis, b.count) for b in warning.bases.all()] == [(Basis.YEAR, 40)]


def test_month_boundary_is_beijing_time(person, vote_dissatisfied):
    jan = vote_dissatisfied(person, at=beijing(2026, 1, 31, 23, 59))
    feb = vote_dissatisfied(person, at=beijing(2026, 2, 1, 0, 0))
    assert (jan.month.month, feb.month.month) == (1, 2)
    counts = dict(
        Tally.objects.filter(basis=Basis.MONTH).values_list("period__month", "dissatisfied")
    )
    assert counts == {1: 1, 2: 1}


def test_a_voter_changes_their_vote_within_the_month_without_a_second_vote(person):
    voter = CitizenFactory()
    for rating in ("dissatisfied", "satisfied"):
        vote_services.vote_cast(
            person=person,
            voter=voter,
            attitude=rating,
            efficiency="satisfied",
            style="satisfied",
            reason="态度差",
            at=MID_MARCH,
        )
    assert person.votes.count() == 1
    assert Tally.objects.get(basis=Basis.MONTH).dissatisfied == 0


def test_changing_to_satisfied_lowers_the_count_but_keeps_the_warning(person, vote_dissatisfied):
    voters = [CitizenFactory() for _ in range(10)]
    for v in voters:
        vote_dissatisfied(person, at=MID_MARCH, voter=v)
    assert RatingWarning.objects.count() == 1
    vote_services.vote_cast(
        person=person,
        voter=voters[0],
        attitude="satisfied",
        efficiency="satisfied",
        style="satisfied",
        at=MID_MARCH + timedelta(days=1),
    )
    assert Tally.objects.get(basis=Basis.MONTH).dissatisfied == 9
    assert RatingWarning.objects.count() == 1
    # Back to 10: the tier was already raised for this month and is not raised again.
    vote_dissatisfied(person, at=MID_MARCH + timedelta(days=2))
    assert RatingWarning.objects.count() == 1


def test_one_vote_crossing_month_and_year_raises_one_warning_naming_both(vote_dissatisfied):
    person = RatedPersonFactory()
    # 30 spread over Jan-Apr (no month reaches 10) + 9 in May: the 10th of May is the 40th.
    for month in (1, 2, 3):
        cast_many(vote_dissatisfied, person, 9, at=beijing(2026, month, 5, 10, 0))
    cast_many(vote_dissatisfied, person, 3, at=beijing(2026, 4, 5, 10, 0))
    cast_many(vote_dissatisfied, person, 9, at=beijing(2026, 5, 5, 10, 0))
    assert not RatingWarning.objects.exists()
    vote_dissatisfied(person, at=beijing(2026, 5, 6, 10, 0))
    warning = RatingWarning.objects.get()
    assert warning.tier == Tier.III
    assert {(b.basis, b.count) for b in warning.bases.all()} == {
        (Basis.MONTH, 10),
        (Basis.YEAR, 40),
    }
    assert Alert.objects.count() == 1


def test_a_vote_crossing_two_tiers_raises_only_the_highest(person, vote_dissatisfied, settings):
    cast_many(vote_dissatisfied, person, 9)
    settings.EVALUATION_THRESHOLDS = {"month": {"III": 10, "II": 10, "I": 40}, "year": {}}
    vote_dissatisfied(person, at=MID_MARCH + timedelta(hours=1))
    assert list(RatingWarning.objects.values_list("tier", flat=True)) == [Tier.II]
    # Tier III of this month was covered by the tier II warning: never raised later.
    cast_many(vote_dissatisfied, person, 5, at=MID_MARCH + timedelta(hours=2))
    assert not WarningBasis.objects.filter(tier=Tier.III).exists()


def test_satisfied_and_fair_votes_do_not_count(person):
    for _ in range(12):
        vote_services.vote_cast(
            person=person,
            voter=CitizenFactory(),
            attitude="fair",
            efficiency="satisfied",
            style="fair",
            at=MID_MARCH,
        )
    assert not RatingWarning.objects.exists()
    assert not Tally.objects.exists()


def test_nightly_check_raises_a_missed_warning_once(person, vote_dissatisfied):
    cast_many(vote_dissatisfied, person, 10)
    RatingWarning.objects.all().delete()
    WarningBasis.objects.all().delete()
    Tally.objects.update(dissatisfied=3, covered_tier=0)
    assert tally_services.tallies_check(at=MID_MARCH + timedelta(days=1)) == 1
    assert tally_services.tallies_check(at=MID_MARCH + timedelta(days=1)) == 0
    assert Tally.objects.get(basis=Basis.MONTH).dissatisfied == 10

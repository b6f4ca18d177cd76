"""Concurrent votes never skip or double a warning (PostgreSQL row locks)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from evaluation.models import Basis, RatingWarning, Tally, Tier, Vote, VoteEvent, WarningBasis
from evaluation.services import votes as vote_services
from supervision.models import Alert
from tests.evaluation.conftest import beijing
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_simultaneous_dissatisfied_votes():
    person = RatedPersonFactory()
    voters = CitizenFactory.create_batch(200)
    at = beijing(2026, 6, 15, 10, 0)
    start = threading.Barrier(25)

    def vote_batch(batch):
        start.wait()
        try:
            for voter in batch:
                vote_services.vote_cast(
                    person=person,
                    voter=voter,
                    attitude="dissatisfied",
                    efficiency="fair",
                    style="fair",
                    reason="推诿",
                    at=at,
                )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=25) as pool:
        list(pool.map(vote_batch, [voters[i::25] for i in range(25)]))

    assert Vote.objects.filter(person=person, is_dissatisfied=True).count() == 200
    assert dict(Tally.objects.values_list("basis", "dissatisfied")) == {"month": 200, "year": 200}
    bases = sorted(
        (w.tier, b.basis, b.tier, b.count)
        for w in RatingWarning.objects.prefetch_related("bases")
        for b in w.bases.all()
    )
    assert bases == sorted(
        [
            (Tier.III, Basis.MONTH, Tier.III, 10),
            (Tier.II, Basis.MONTH, Tier.II, 20),
            (Tier.I, Basis.MONTH, Tier.I, 40),
            (Tier.I, Basis.YEAR, Tier.III, 40),
            (Tier.II, Basis.YEAR, Tier.II, 80),
            (Tier.I, Basis.YEAR, Tier.I, 120),
        ]
    )
    assert RatingWarning.objects.count() == 5
    assert WarningBasis.objects.count() == 6
    assert Alert.objects.filter(kind=Alert.Kind.RATING_WARNING).count() == 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_first_vote_is_stored_once_and_counted_once():
    person = RatedPersonFactory()
    voter = CitizenFactory()
    at = beijing(2026, 6, 15, 10, 0)
    start = threading.Barrier(2)

    def submit(reason):
        start.wait()
        try:
            return vote_services.vote_cast(
                person=person,
                voter=voter,
                attitude="dissatisfied",
                efficiency="fair",
                style="fair",
                reason=reason,
                at=at,
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        stored = list(pool.map(submit, ["第一次", "第二次"]))

    assert stored[0].pk == stored[1].pk
    assert Vote.objects.filter(person=person, voter=voter).count() == 1
    assert dict(Tally.objects.values_list("basis", "dissatisfied")) == {"month": 1, "year": 1}
    codes = sorted(VoteEvent.objects.values_list("code", flat=True))
    assert codes == [VoteEvent.Code.CAST, VoteEvent.Code.CHANGED]

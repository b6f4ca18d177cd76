from datetime import datetime

import pytest

from evaluation.models import BEIJING
from evaluation.services import votes as vote_services
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory


@pytest.fixture
def person(db):
    return RatedPersonFactory()


def beijing(*args) -> datetime:
    return datetime(*args, tzinfo=BEIJING)


@pytest.fixture
def vote_dissatisfied():
    """Cast `n` dissatisfied votes by fresh citizens at the given moments (or now)."""

    def cast(person, at=None, voter=None):
        return vote_services.vote_cast(
            person=person,
            voter=voter or CitizenFactory(),
            attitude="dissatisfied",
            efficiency="fair",
            style="satisfied",
            reason="推诿扯皮",
            at=at,
        )

    return cast

"""Races on PostgreSQL with real threads: one account submitting 50 times at once votes once."""

import pytest

from petitions.models import AppraisalAnswer, AppraisalBallot, AppraisalParticipation
from tests.concurrency import race
from tests.factories import CitizenFactory, DepartmentFactory
from tests.petitions.appraisal import appraisal_round, grades, vote

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_submissions_of_one_account_store_one_ballot(inspector):
    departments = [DepartmentFactory(), DepartmentFactory()]
    round_ = appraisal_round(inspector, departments)
    citizen = CitizenFactory()
    given = grades(departments)
    outcomes = race(*[lambda: vote(round_, citizen, given) for _n in range(50)])
    assert outcomes.count("ok") == 1
    assert outcomes.count("refused") == 49
    assert AppraisalParticipation.objects.filter(round=round_, voter=citizen).count() == 1
    assert AppraisalBallot.objects.filter(round=round_).count() == 1
    assert AppraisalAnswer.objects.count() == 12

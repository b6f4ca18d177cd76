"""The demo appraisal: last quarter published with its alert, this quarter open with a trend."""

import datetime

import pytest
import time_machine

from petitions.demo.appraisal import DEPARTMENTS, seed_appraisal
from petitions.models import AppraisalRound
from petitions.selectors import appraisal as selectors
from portal.roles import Role
from supervision.models import Alert
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_county(db):
    for code in DEPARTMENTS:
        DepartmentFactory(code=code, name=f"{code}局")
    StaffFactory(username="inspector", roles=[Role.DISCIPLINE_INSPECTOR])


def test_the_demo_seeds_a_published_and_an_open_round_once(demo_county):
    with time_machine.travel(datetime.datetime(2026, 12, 6, 2, 0, tzinfo=datetime.UTC)):
        seed_appraisal()
        seed_appraisal()
        last, current = AppraisalRound.objects.order_by("year", "quarter")
        results = selectors.round_results(current)
    assert (last.quarter, last.status) == (3, AppraisalRound.Status.PUBLISHED)
    assert (current.quarter, current.status) == (4, AppraisalRound.Status.OPEN)
    alerts = Alert.objects.filter(kind=Alert.Kind.APPRAISAL_LOW)
    assert [alert.department.code for alert in alerts] == ["housing"]
    assert results.previous_round == last
    assert all(row.delta is not None for row in results.rows)

"""Approvals' section of the leader brief: cases finished in the month and on time."""

import pytest
from django.utils import timezone

from approvals.selectors.statistics import brief_section
from supervision.services.brief import month_bounds
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_case_finished_within_its_limit_counts_on_time():
    case = CaseFactory(stage="finished")
    section = brief_section(*month_bounds(timezone.localdate(case.finished_at)))
    assert section["figures"]["finished"] == 1
    assert section["figures"]["late"] == 0
    assert section["figures"]["on_time_rate"] == 100.0
    assert section["tables"][0]["rows"] == [[case.department.name, 1, 0]]

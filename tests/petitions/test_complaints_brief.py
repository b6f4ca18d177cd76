"""Petitions' section of the leader brief: complaints closed in the month and their satisfaction."""

import pytest
from django.utils import timezone

from petitions.selectors.complaints_public import brief_section
from petitions.services.complaints import closing as closing_services
from supervision.services.brief import month_bounds

pytestmark = pytest.mark.django_db


def test_a_satisfied_closed_complaint_counts_in_the_months_satisfaction(replied, operator):
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    closing_services.complaint_return_visit(
        actor=operator, complaint=replied, result="satisfied", note="认可"
    )
    section = brief_section(*month_bounds(timezone.localdate()))
    assert section["figures"]["closed"] == 1
    assert section["figures"]["satisfaction_rate"] == 100.0
    by_satisfaction = section["tables"][0]
    assert by_satisfaction["rows"] == [["satisfied", 1], ["basic", 0], ["unsatisfied", 0]]

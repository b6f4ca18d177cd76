"""Routing rules: the most specific matching rule sends a complaint to its department."""

import pytest

from petitions.models import Complaint
from tests.petitions.factories import RoutingRuleFactory

pytestmark = pytest.mark.django_db


def test_rule_dispatches_automatically_and_records_dispatch_time(
    file_complaint, routed_category, department
):
    complaint, _ = file_complaint(category=routed_category)
    assert complaint.status == Complaint.Status.DISPATCHED
    assert complaint.department == department
    assert complaint.dispatch_minutes == 0
    assert complaint.clock.kind == "petitions.sign"


def test_keyword_rule_wins_over_the_plain_category_rule(
    file_complaint, category, department, other_department
):
    RoutingRuleFactory(category=category, department=department)
    RoutingRuleFactory(category=category, department=other_department, keywords="物业 噪音")
    complaint, _ = file_complaint(category=category, content="小区物业不作为")
    assert complaint.department == other_department


def test_place_rule_matches_the_place(file_complaint, category, department, other_department):
    RoutingRuleFactory(category=category, department=department)
    RoutingRuleFactory(category=category, department=other_department, place="石桥")
    complaint, _ = file_complaint(category=category, place="石桥乡南岭村")
    assert complaint.department == other_department

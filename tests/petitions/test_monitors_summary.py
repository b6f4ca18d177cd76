"""The yearly summary per monitor and per department: reports, answered, on time, satisfaction."""

import datetime

import pytest

from petitions.selectors.monitors import summary_by_department, summary_by_monitor
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import handling as handling_services
from portal.roles import Role
from tests.factories import CitizenFactory, StaffFactory
from tests.petitions.monitors import appoint, local, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return StaffFactory(roles=[Role.ADMIN])


def answer(filed, clerk, *, reply_on: datetime.date, level: str = ""):
    complaint = filed.complaint
    handling_services.complaint_sign(actor=clerk, complaint=complaint, at=local(filed.month, 11))
    handling_services.complaint_reply(
        actor=clerk, complaint=complaint, content="已核实并整改。", at=local(reply_on)
    )
    if level:
        closing_services.complaint_rate(complaint=complaint, level=level, at=local(reply_on, 16))


@pytest.fixture
def year_of_reports(admin, routed_category, clerk, hotline_department):
    """Four reports of one monitor in 2026: on time and satisfied, on time and unsatisfied,
    late and basic, unanswered; one of another monitor in 2025."""
    monitor = appoint(admin, CitizenFactory(real_name="监测员甲"), start=datetime.date(2025, 1, 1))
    on_time = report(monitor, routed_category, datetime.date(2026, 3, 2))
    answer(on_time, clerk, reply_on=datetime.date(2026, 3, 5), level="satisfied")
    unsatisfied = report(monitor, routed_category, datetime.date(2026, 4, 1))
    answer(unsatisfied, clerk, reply_on=datetime.date(2026, 4, 3), level="unsatisfied")
    late = report(monitor, routed_category, datetime.date(2026, 5, 6))
    answer(late, clerk, reply_on=datetime.date(2026, 7, 20), level="basic")
    report(monitor, routed_category, datetime.date(2026, 6, 1))
    other = appoint(admin, CitizenFactory(real_name="监测员乙"), start=datetime.date(2025, 1, 1))
    report(other, routed_category, datetime.date(2025, 11, 3))
    return monitor


def test_the_summary_per_monitor_counts_the_years_reports(year_of_reports):
    (row,) = summary_by_monitor(year=2026)
    assert row.label == "监测员甲"
    assert (row.reports, row.answered, row.on_time) == (4, 3, 2)
    assert row.on_time_rate == 66.7
    # Rated: satisfied, unsatisfied and basic; satisfied and basic count as satisfied.
    assert (row.rated, row.satisfied, row.satisfaction_rate) == (3, 2, 66.7)


def test_the_summary_per_department_counts_what_it_received(year_of_reports, department):
    (row,) = summary_by_department(year=2026)
    assert row.label == department.name
    assert row.cells() == [department.name, 4, 3, 2, 66.7, 3, 2, 66.7]


def test_a_year_without_reports_has_no_rows(year_of_reports):
    assert summary_by_monitor(year=2024) == []
    assert summary_by_department(year=2024) == []


def test_each_summary_is_one_query(year_of_reports, django_assert_num_queries):
    with django_assert_num_queries(1):
        summary_by_monitor(year=2026)
    with django_assert_num_queries(1):
        summary_by_department(year=2026)

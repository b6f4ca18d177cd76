"""办件统计: per unit and month, the figures the source reports; who may read them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals.models import Rating
from approvals.selectors import statistics as stat_selectors
from approvals.services import ratings as ratings_services
from portal.roles import Role
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, ProcessFactory, team
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

STATS = "/approvals/staff/stats/"


def this_year() -> int:
    return timezone.localdate().year


@pytest.fixture
def figures(process, other_department):
    """In the unit: 1 submitted, 1 in progress, 3 finished (one late; rated 5, 1, and 1 excluded)."""
    CaseFactory(process=process)
    CaseFactory(process=process, stage="in_progress")
    finished = [CaseFactory(process=process, stage="finished") for _ in range(3)]
    late = finished[0].clock
    before = late.stopped_at - datetime.timedelta(days=1)
    Clock.objects.filter(pk=late.pk).update(warn_at=before, due_at=before)
    for case, level in zip(finished, (5, 1, 1), strict=True):
        ratings_services.rating_submit(actor=case.applicant, case=case, level=level)
    Rating.objects.filter(case=finished[2]).update(excluded=True, excluded_at=timezone.now())
    CaseFactory(process=ProcessFactory(item__department=other_department), stage="finished")
    return finished


def test_figures_per_unit_and_month(figures, department):
    rows, total = stat_selectors.statistics(year=this_year())
    unit = next(r for r in rows if r.department == department.name)
    assert (unit.received, unit.accepted, unit.completed, unit.on_time) == (5, 4, 3, 2)
    assert (unit.rated, unit.satisfied, unit.satisfaction_rate) == (2, 1, 50.0)
    assert unit.month == timezone.localdate().replace(day=1)
    assert total.received == 6 and total.completed == 4


def test_other_years_are_empty(figures):
    rows, total = stat_selectors.statistics(year=this_year() - 1)
    assert rows == [] and total.received == 0 and total.satisfaction_rate is None


def test_a_constant_number_of_queries(figures, django_assert_num_queries):
    with django_assert_num_queries(4):
        stat_selectors.statistics(year=this_year())


def test_leader_sees_every_unit(client, figures, department, other_department):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    response = client.get(STATS)
    page = response.content.decode()
    assert department.name in page and other_department.name in page
    assert "stats-chart" in page


def test_department_head_sees_only_their_unit(client, figures, department, other_department):
    client.force_login(team(department).head)
    page = client.get(STATS).content.decode()
    assert department.name in page and other_department.name not in page


@pytest.mark.parametrize("who", ["citizen", "clerk"])
def test_others_are_refused(client, figures, department, who):
    user = CitizenFactory() if who == "citizen" else team(department).clerk
    client.force_login(user)
    assert client.get(STATS).status_code == 403


def test_a_bad_year_falls_back_to_this_year(client, figures):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    response = client.get(STATS, {"year": "abc"})
    assert response.status_code == 200 and response.context["year"] == this_year()


def test_stats_page_is_login_only(client):
    assert client.get(reverse("approvals:stats")).status_code == 302


def test_satisfaction_counts_basically_satisfied_and_above(process, department):
    finished = [CaseFactory(process=process, stage="finished") for _ in range(2)]
    for case, level in zip(finished, (Rating.Level.BASIC, Rating.Level.UNSATISFIED), strict=True):
        ratings_services.rating_submit(actor=case.applicant, case=case, level=level)

    rows, _total = stat_selectors.statistics(year=this_year())
    unit = next(r for r in rows if r.department == department.name)

    assert (unit.rated, unit.satisfied, unit.satisfaction_rate) == (2, 1, 50.0)


def test_the_stored_statistics_equal_the_computed_ones(figures, department):
    computed, computed_total = stat_selectors.statistics(year=this_year())
    stored, stored_total, _at = stat_selectors.statistics_stored(year=this_year())
    assert stored == computed and stored_total == computed_total
    mine, _total, _at = stat_selectors.statistics_stored(
        year=this_year(), department_ids=[department.pk]
    )
    assert [row.department for row in mine] == [department.name]


def test_the_page_says_when_its_figures_were_computed(client, figures):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    assert "数据更新于" in client.get(STATS).content.decode()

"""The workbench card of approvals: the department's open tasks by light, and the oldest few."""

import datetime

import pytest
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from approvals.models import CaseTask
from approvals.selectors.handling import LIGHTS, open_task_lights
from approvals.services.handling.clocks import case_pause
from supervision.services.sweep import sweep_clocks
from tests.approvals.factories import CaseFactory, advance

pytestmark = pytest.mark.django_db


def counted_from_the_tasks(department) -> dict[str, int]:
    """What the card counts, read the slow way: every open task joined to its clock."""
    return CaseTask.objects.filter(
        department=department, status__in=["pending", "active"]
    ).aggregate(**{light: Count("pk", filter=Q(clock__light=light)) for light in LIGHTS})


def test_the_card_counts_every_open_task_by_the_light_of_its_clock(process, crew, department):
    CaseFactory(process=process)  # the accept task, on the acceptance clock
    CaseFactory(process=process, stage="in_progress")  # the review task, on its own clock
    paused = CaseFactory(process=process, stage="in_progress")
    case_pause(actor=crew.reviewer, case=paused, reason_kind="expert_review", expected_days=10)
    CaseFactory(process=process, stage="finished")  # no open task
    sweep_clocks(now=timezone.now() + datetime.timedelta(days=60))

    counts = open_task_lights(department.pk)

    assert counts == counted_from_the_tasks(department)
    assert sum(counts.values()) == 3 and counts["red"] >= 2


def test_only_the_tasks_of_the_accept_step_are_marked_as_acceptance(process, department):
    CaseFactory(process=process)
    CaseFactory(process=process, stage="in_progress")

    marked = CaseTask.objects.values_list("step__kind", "is_acceptance").distinct()

    assert set(marked) == {("accept", True), ("review", False)}


def test_the_card_shows_the_overdue_tasks_after_the_sweep(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    sweep_clocks(now=timezone.now() + datetime.timedelta(days=60))
    client.force_login(crew.clerk)

    page = client.get(reverse("portal:workbench")).content.decode()

    assert "待办 1 件" in page and "超期 1" in page and case.number in page


def test_the_card_drops_a_task_once_it_is_done(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    assert "待办 1 件" in client.get(reverse("portal:workbench")).content.decode()

    advance(case, "finished")

    assert "待办 0 件" in client.get(reverse("portal:workbench")).content.decode()


def test_the_queue_leaves_out_finished_cases_and_lists_the_open_ones_oldest_first(
    client, process, crew
):
    first = CaseFactory(process=process)
    CaseFactory(process=process, stage="finished")
    second = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.clerk)

    page = client.get(reverse("approvals:queue")).content.decode()

    assert page.count("/approvals/staff/cases/") == 2
    assert page.index(first.number) < page.index(second.number)

"""Races on PostgreSQL with real threads: two clerks acting on one case at once — one wins,
the other gets a clear refusal, exactly one event row is written."""

import pytest

from approvals.models import Case, CaseEvent, CaseTask
from approvals.services.handling.acceptance import case_accept, case_send_material_notice
from approvals.services.handling.steps import task_pass
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.concurrency import race_with_messages
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def fresh(case):
    return Case.objects.get(pk=case.pk)


def test_two_clerks_accepting_at_once_accept_once(process, crew):
    case = CaseFactory(process=process)
    second = StaffFactory(roles=[Role.WINDOW_CLERK], department=crew.department)
    outcomes, messages = race_with_messages(
        lambda: case_accept(actor=crew.clerk, case=fresh(case)),
        lambda: case_accept(actor=second, case=fresh(case)),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert "不在待受理状态" in "".join(messages)
    assert case.events.filter(code=CaseEvent.Code.ACCEPTED).count() == 1
    assert CaseTask.objects.filter(case=case, step__kind="review").count() == 1


def test_accept_and_notice_at_once_do_one_of_them(process, crew):
    case = CaseFactory(process=process)
    second = StaffFactory(roles=[Role.WINDOW_CLERK], department=crew.department)
    outcomes, _ = race_with_messages(
        lambda: case_accept(actor=crew.clerk, case=fresh(case)),
        lambda: case_send_material_notice(actor=second, case=fresh(case), missing=["申请书"]),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert (
        case.events.filter(
            code__in=[CaseEvent.Code.ACCEPTED, CaseEvent.Code.MATERIAL_NOTICE]
        ).count()
        == 1
    )


def test_two_departments_signing_the_last_joint_tasks_open_the_next_step_once(
    joint_process, crew, other_department
):
    from tests.approvals.factories import team

    case = CaseFactory(process=joint_process, stage="in_progress")
    mine = case.tasks.get(status="active", department=crew.department)
    theirs = case.tasks.get(status="active", department=other_department)
    outcomes, _ = race_with_messages(
        lambda: task_pass(actor=crew.reviewer, task=mine, opinion="同意"),
        lambda: task_pass(actor=team(other_department).reviewer, task=theirs, opinion="同意"),
    )
    assert outcomes == ["ok", "ok"]
    assert CaseTask.objects.filter(case=case, step__kind="decide").count() == 1
    assert fresh(case).current_step.kind == "decide"
    assert (
        case.events.filter(code=CaseEvent.Code.JOINT_SIGNED, data__step_complete=True).count() == 1
    )


def test_the_same_task_signed_twice_at_once_signs_once(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    second = StaffFactory(roles=[Role.WINDOW_CLERK], department=crew.department)
    outcomes, _ = race_with_messages(
        lambda: task_pass(actor=crew.reviewer, task=task, opinion="同意"),
        lambda: task_pass(actor=second, task=task, opinion="同意"),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert case.events.filter(code=CaseEvent.Code.STEP_PASSED).count() == 1

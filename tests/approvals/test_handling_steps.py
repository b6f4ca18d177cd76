"""Steps: joint steps signed by each department, opinions, returns."""

import pytest

from approvals.models import CaseEvent, CaseTask
from approvals.services.handling.steps import task_pass, task_return
from portal.errors import DomainError
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, team

pytestmark = pytest.mark.django_db


def test_joint_step_moves_on_only_when_every_department_signed(joint_process, other_department):
    case = CaseFactory(process=joint_process, stage="in_progress")
    assert case.clock.limit == 45
    tasks = list(case.tasks.filter(status="active").order_by("department__code"))
    assert len(tasks) == 2
    first, second = tasks
    task_pass(actor=team(first.department).reviewer, task=first, opinion="同意")
    case.refresh_from_db()
    assert case.current_step.kind == "review"
    task_pass(actor=team(second.department).reviewer, task=second, opinion="同意")
    case.refresh_from_db()
    assert case.current_step.kind == "decide"
    signed = case.events.filter(code=CaseEvent.Code.JOINT_SIGNED)
    assert signed.count() == 2
    assert [e.data["step_complete"] for e in signed] == [False, True]


def test_a_department_signs_only_its_own_task(joint_process, department, other_department):
    case = CaseFactory(process=joint_process, stage="in_progress")
    theirs = case.tasks.get(status="active", department=other_department)
    with pytest.raises(DomainError, match="其他部门"):
        task_pass(actor=team(department).reviewer, task=theirs, opinion="同意")


def test_passing_needs_an_opinion(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    with pytest.raises(DomainError, match="意见"):
        task_pass(actor=crew.reviewer, task=task, opinion="")


def test_a_signed_task_cannot_be_signed_again(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    task_pass(actor=crew.reviewer, task=task, opinion="同意")
    with pytest.raises(DomainError, match="已经办理"):
        task_pass(actor=crew.reviewer, task=task, opinion="同意")
    assert case.events.filter(code=CaseEvent.Code.STEP_PASSED).count() == 1


def test_the_first_handling_step_cannot_be_returned(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task = case.tasks.get(status="active")
    with pytest.raises(DomainError, match="不能退回"):
        task_return(actor=crew.reviewer, task=task, opinion="退回")


def codes(case):
    return list(case.events.values_list("code", flat=True))


def test_decide_step_returns_to_the_review(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    decide_task = case.tasks.get(status="active")
    task_return(actor=crew.head, task=decide_task, opinion="补充核查现场")
    case.refresh_from_db()
    assert case.current_step.kind == "review"
    decide_task.refresh_from_db()
    assert decide_task.status == CaseTask.Status.RETURNED
    assert decide_task.clock.state == Clock.State.STOPPED
    assert case.tasks.filter(status="active", step=case.current_step).count() == 1
    assert codes(case)[-1] == CaseEvent.Code.STEP_RETURNED

"""Races on PostgreSQL with real threads: two clerks acting on one case at once — one wins,
the other gets a clear refusal, exactly one event row is written."""

import threading

import pytest
from django.db import connection

from approvals.models import Case, CaseEvent, CaseTask
from approvals.services.handling.acceptance import case_accept, case_send_material_notice
from approvals.services.handling.steps import task_pass
from portal.errors import DomainError
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*calls):
    """Start every call at the same moment in its own thread; return what each did."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)
    messages = [""] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except DomainError as error:
            outcomes[index] = "refused"
            messages[index] = str(error)
        except Exception as error:
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, messages


def fresh(case):
    return Case.objects.get(pk=case.pk)


def test_two_clerks_accepting_at_once_accept_once(process, crew):
    case = CaseFactory(process=process)
    second = StaffFactory(roles=[Role.WINDOW_CLERK], department=crew.department)
    outcomes, messages = _race(
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
    outcomes, _ = _race(
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
    outcomes, _ = _race(
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
    outcomes, _ = _race(
        lambda: task_pass(actor=crew.reviewer, task=task, opinion="同意"),
        lambda: task_pass(actor=second, task=task, opinion="同意"),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert case.events.filter(code=CaseEvent.Code.STEP_PASSED).count() == 1

"""Steps (环节): a department signs its task (审查通过 / 会签) or returns the case a step."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from approvals.models import Case, CaseEvent, CaseTask, ProcessStep
from approvals.permissions.handling import can_act_on_task
from approvals.services import labels
from approvals.services.cases import (
    CASE_LOCK_RELATED,
    OPEN_TASK_STATUSES,
    close_open_tasks,
    next_step,
    open_step,
    staff_url,
)
from approvals.services.handling.shared import screen_handler, sign_task
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import source_text
from supervision import services as supervision
from supervision.models import Alert


def _check_task(actor: User, case: Case, task: CaseTask, move: str) -> None:
    CASE_MOVES.check(case, move)
    if not task.is_open or task.step_id != case.current_step_id:
        raise DomainError(_("该任务已经办理或不是当前环节的任务。"))
    if not can_act_on_task(actor, task):
        raise DomainError(_("该任务属于其他部门，您不能办理。"))


def _report_risk_step(
    case: Case, task: CaseTask, *, actor: User, what: Promise, opinion: str, at: datetime.datetime
) -> None:
    """重点监控: every move at a level-1/2 risk point is listed for the supervisors."""
    step = task.step
    if not step.is_monitored:
        return
    supervision.alert_raise(
        kind=Alert.Kind.RISK_DECISION,
        severity=Alert.Severity.INFO,
        at=at,
        department=task.department,
        subject_ref=case.number,
        subject_url=staff_url(case),
        message_code=labels.RISK_STEP,
        message_params={
            "level": source_text(ProcessStep.Risk(step.risk_level).label),
            "step": step.name,
            "what": source_text(what),
            "number": case.number,
            "name": actor.display_name,
            "opinion": opinion,
        },
        dedup_key=f"approvals:risk-task:{task.pk}",
    )


def task_pass(
    *, actor: User, task: CaseTask, opinion: str, at: datetime.datetime | None = None
) -> CaseTask:
    """审查通过 / 会签: the department signs its task; the case moves once every task is signed."""
    screen_handler(actor, task.case)
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        # The case first, then the task: the one order every service locks in.
        case = lock(task.case, related=CASE_LOCK_RELATED)
        task = lock(task, related=("step",))
        _check_task(actor, case, task, "pass")
        if task.step.kind == ProcessStep.Kind.DECIDE:
            raise DomainError(_("决定环节请使用“作出决定”。"))
        if task.step.kind != ProcessStep.Kind.REVIEW:
            raise DomainError(_("该环节不能通过“办理通过”完成。"))
        opinion = (opinion or "").strip()
        if not opinion:
            raise DomainError(_("请填写办理意见。"))
        at = at or timezone.now()
        step = task.step
        joint = step.is_joint
        with acting_as(actor):
            sign_task(task, actor=actor, at=at, opinion=opinion)
            complete = not case.tasks.filter(step=step, status__in=OPEN_TASK_STATUSES).exists()
            if complete:
                open_step(case, next_step(step), at)
                case.save()
        CaseEvent.record(
            case,
            CaseEvent.Code.JOINT_SIGNED if joint else CaseEvent.Code.STEP_PASSED,
            actor=actor,
            at=at,
            note=opinion,
            step=step.name,
            department=task.department.name,
            step_complete=complete,
        )
        _report_risk_step(
            case, task, actor=actor, what=gettext_lazy("办理通过"), opinion=opinion, at=at
        )
    return task


def task_return(
    *, actor: User, task: CaseTask, opinion: str, at: datetime.datetime | None = None
) -> CaseTask:
    """退回: send the case back to the previous handling step with the reasons."""
    screen_handler(actor, task.case)
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        # The case first, then the task: the one order every service locks in.
        case = lock(task.case, related=CASE_LOCK_RELATED)
        task = lock(task, related=("step",))
        _check_task(actor, case, task, "return")
        previous = (
            task.step.process.steps.filter(order__lt=task.step.order).order_by("-order").first()
        )
        if previous is None or previous.kind == ProcessStep.Kind.ACCEPT:
            raise DomainError(
                _(
                    "这是受理后的第一个办理环节，不能退回；材料不符合条件的，请依法作出不予许可决定。"
                )
            )
        opinion = (opinion or "").strip()
        if not opinion:
            raise DomainError(_("退回必须说明理由。"))
        at = at or timezone.now()
        with acting_as(actor):
            sign_task(task, actor=actor, at=at, opinion=opinion, status=CaseTask.Status.RETURNED)
            close_open_tasks(case, status=CaseTask.Status.CANCELLED, actor=actor, at=at)
            open_step(case, previous, at)
            case.save()
        CaseEvent.record(
            case,
            CaseEvent.Code.STEP_RETURNED,
            actor=actor,
            at=at,
            note=opinion,
            step=task.step.name,
            to_step=previous.name,
        )
        _report_risk_step(
            case, task, actor=actor, what=gettext_lazy("退回"), opinion=opinion, at=at
        )
    return task

"""Helpers shared by the case services: locking, events, clocks, rules that alert, notices."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent, CaseTask, ProcessStep
from portal.errors import DomainError
from portal.models import StaffRelation, User
from portal.notifications import notify
from supervision import services as supervision
from supervision.models import Alert, Clock

S = Case.Status
E = CaseEvent.Code
T = CaseTask.Status
K = ProcessStep.Kind

ACCEPTANCE_CLOCK = "approvals.acceptance"
CASE_CLOCK = "approvals.case"
TASK_CLOCK = "approvals.task"


def now_or(at: datetime.datetime | None) -> datetime.datetime:
    return at or timezone.now()


def lock(case: Case) -> Case:
    """Re-read the case under a row lock: two clerks acting at once never both move it."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("item", "process", "current_step", "department", "clock")
        .get(pk=case.pk)
    )


def lock_task(task: CaseTask) -> tuple[Case, CaseTask]:
    """Lock the task's case first (the one order every service takes), then the task."""
    case = lock(task.case)
    task = CaseTask.objects.select_for_update(of=("self",)).select_related("step").get(pk=task.pk)
    return case, task


def event(
    case: Case,
    code: str,
    *,
    actor: User | None,
    at: datetime.datetime | None = None,
    note: str = "",
    **data,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, code=code, actor=actor, created_at=now_or(at), note=note, data=data
    )


def staff_url(case: Case) -> str:
    return reverse("approvals:staff_case", args=[case.pk])


def citizen_url(case: Case) -> str:
    return reverse("approvals:case", args=[case.pk])


def tell_applicant(case: Case, subject: str, body: str) -> None:
    """Inbox and SMS to the applicant and the agent (外网反馈)."""
    notify(case.followers, subject=subject, body=body, url=citizen_url(case), email=False)


# --- Clocks ----------------------------------------------------------------------------------


def start_task_clock(case: Case, task: CaseTask, at: datetime.datetime) -> Clock:
    return supervision.clock_start(
        kind=TASK_CLOCK,
        subject_ref=case.number,
        subject_label=_("办件 %(number)s · %(step)s")
        % {"number": case.number, "step": task.step.name},
        subject_url=staff_url(case),
        department=task.department,
        responsible=None,
        limit=task.step.limit_workdays,
        unit=Clock.Unit.WORKDAYS,
        started_at=at,
    )


def open_step(
    case: Case, step: ProcessStep, at: datetime.datetime, *, clock: Clock | None = None
) -> list[CaseTask]:
    """Make the step current: one active task (with its clock) per department of the step."""
    case.current_step = step
    tasks = []
    for department in step.departments.all():
        task = CaseTask(case=case, step=step, department=department, status=T.ACTIVE, created_at=at)
        task.clock = clock or start_task_clock(case, task, at)
        task.save()
        tasks.append(task)
    return tasks


def close_open_tasks(
    case: Case, *, status: str, actor: User | None, at: datetime.datetime, opinion: str = ""
) -> None:
    """Close every open task of the case (withdrawal, refusal, return), stopping their clocks."""
    for task in case.tasks.filter(status__in=[T.PENDING, T.ACTIVE]).select_related("clock"):
        task.status, task.signed_at = status, at
        task.signed_by = actor if status != T.CANCELLED else None
        if opinion:
            task.opinion = opinion
        task.save()
        if task.clock is not None:
            supervision.clock_stop(clock=task.clock, actor=actor, at=at)


def stop_clock(clock: Clock | None, actor: User | None, at: datetime.datetime) -> None:
    if clock is not None:
        supervision.clock_stop(clock=clock, actor=actor, at=at)


def next_step(step: ProcessStep) -> ProcessStep | None:
    return step.process.steps.filter(order__gt=step.order).order_by("order").first()


def previous_step(step: ProcessStep) -> ProcessStep | None:
    return step.process.steps.filter(order__lt=step.order).order_by("-order").first()


def first_step(case: Case) -> ProcessStep:
    return case.process.steps.order_by("order").first()


# --- Rules that are refused AND reported to supervision ------------------------------------


@dataclass(frozen=True)
class Breach:
    """A refused move that supervision must hear of (the alert outlives the rolled-back write)."""

    kind: str
    message: str
    dedup_key: str
    case_number: str
    case_url: str
    department_id: int | None
    report: str

    def report_and_refuse(self):
        from portal.models import Department

        supervision.alert_raise(
            kind=self.kind,
            severity=Alert.Severity.WARNING,
            department=Department.objects.filter(pk=self.department_id).first(),
            subject_ref=self.case_number,
            subject_url=self.case_url,
            message=self.report,
            dedup_key=self.dedup_key,
        )
        raise DomainError(self.message, code=f"breach:{self.kind}")


def is_related(actor: User, case: Case) -> bool:
    """Whether the actor declared a relation to the applicant (回避制度)."""
    ident = case.applicant_id_number
    if not ident:
        return False
    return StaffRelation.objects.filter(
        Q(resident_id=ident) | Q(credit_code=ident), staff=actor
    ).exists()


def recusal_breach(actor: User, case: Case) -> Breach | None:
    if not is_related(actor, case):
        return None
    return Breach(
        kind=Alert.Kind.RECUSAL,
        message=_("您已申报与申请人存在回避关系，不能办理本办件，请交由其他工作人员办理。"),
        dedup_key=f"approvals:recusal:{case.pk}:{actor.pk}",
        case_number=case.number,
        case_url=staff_url(case),
        department_id=actor.department_id,
        report=_(
            "%(name)s 与办件 %(number)s 的申请人存在申报的回避关系，试图办理该办件，已被系统拦截。"
        )
        % {"name": actor.display_name, "number": case.number},
    )


def separation_breach(actor: User, case: Case) -> Breach | None:
    if case.accepted_by_id is None or case.accepted_by_id != actor.pk:
        return None
    return Breach(
        kind=Alert.Kind.SEPARATION_OF_DUTIES,
        message=_("受理和办理相分离：受理本办件的工作人员不能作出决定。"),
        dedup_key=f"approvals:separation:{case.pk}:{actor.pk}",
        case_number=case.number,
        case_url=staff_url(case),
        department_id=actor.department_id,
        report=_("受理人 %(name)s 试图对其受理的办件 %(number)s 作出决定，已被系统拦截。")
        % {"name": actor.display_name, "number": case.number},
    )


def acceptance_limit() -> int:
    """行政许可法 Art 32: the one-time notice is due within 5 WD of receipt."""
    return settings.APPROVALS_ACCEPTANCE_DAYS


def decision_limit(case: Case) -> int:
    return case.process.total_limit_workdays


def extension_limit(joint: bool) -> int:
    return settings.APPROVALS_JOINT_EXTENSION_DAYS if joint else settings.APPROVALS_EXTENSION_DAYS

"""What the applying and handling services share about a case: its links, the applicant's
notices, the step tasks and their clocks.

Not an area of its own (like `approvals.models.cases`): a case is submitted by the applying area
and moved by the handling area, and both open and close its step tasks the same way.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from approvals.models import Case, CaseTask, ProcessStep
from disclosure.models import CatalogueItem, CatalogueItemVersion
from portal.models import User
from portal.notifications import notify
from portal.texts import Coded
from supervision import services as supervision
from supervision.models import Clock

ACCEPTANCE_CLOCK = "approvals.acceptance"
CASE_CLOCK = "approvals.case"
TASK_CLOCK = "approvals.task"
# What a service reads of a case once it holds the row lock.
CASE_LOCK_RELATED = ("item", "item_version", "process", "current_step", "department", "clock")
OPEN_TASK_STATUSES = (CaseTask.Status.PENDING, CaseTask.Status.ACTIVE)


def item_version_now(item: CatalogueItem) -> CatalogueItemVersion | None:
    """The item's version in force: the one published last (what a new application is filed under)."""
    return CatalogueItemVersion.objects.filter(item=item, number=item.version).first()


def staff_url(case: Case) -> str:
    return reverse("approvals:staff_case", args=[case.pk])


def citizen_url(case: Case) -> str:
    return reverse("approvals:case", args=[case.pk])


def tell_applicant(case: Case, subject: Coded, body: Coded) -> None:
    """Inbox and SMS to the applicant and the agent (外网反馈)."""
    notify(case.followers, subject=subject, body=body, url=citizen_url(case), email=False)


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
        task = CaseTask(
            case=case,
            step=step,
            department=department,
            status=CaseTask.Status.ACTIVE,
            is_acceptance=step.kind == ProcessStep.Kind.ACCEPT,
            created_at=at,
        )
        task.clock = clock or start_task_clock(case, task, at)
        task.save()
        tasks.append(task)
    return tasks


def close_open_tasks(
    case: Case, *, status: str, actor: User | None, at: datetime.datetime, opinion: str = ""
) -> None:
    """Close every open task of the case (withdrawal, refusal, return), stopping their clocks."""
    for task in case.tasks.filter(status__in=OPEN_TASK_STATUSES).select_related("clock"):
        task.status, task.signed_at = status, at
        task.signed_by = actor if status != CaseTask.Status.CANCELLED else None
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

"""Reads for the clerk workbench: the department's queue, the case page, the to-do lights.
The statistics and the brief's section: `approvals.selectors.statistics`."""

from dataclasses import dataclass, field

from django.db.models import Count, F, FilteredRelation, Q, QuerySet, Sum
from django.http import Http404

from approvals.models import Case, CaseEvent, CaseTask, MaterialNotice, ProcessStep
from approvals.permissions.cases import (
    can_view_case_as_staff,
    cases_visible_to,
    is_case_worker,
    is_head,
    is_overseer,
)
from approvals.permissions.handling import can_view_stats
from approvals.permissions.processes import can_define_processes
from approvals.selectors.processes import StepRow, process_steps
from approvals.services.cases import TASK_CLOCK
from portal.models import User
from supervision.models import Clock, OpenClockCount

OPEN_TASK = [CaseTask.Status.PENDING, CaseTask.Status.ACTIVE]
LIGHTS = [Clock.Light.GREEN, Clock.Light.YELLOW, Clock.Light.RED]


def staff_queue(
    user: User, *, scope: str = "todo", status: str = "", light: str = "", query: str = ""
) -> QuerySet[Case]:
    """The department's queue: cases it has an open task on ("todo") or every visible case.

    Each row carries the light and due time of the department's own task (`my_light`,
    `my_due`): the clock the clerk answers for. One query, whatever the page size.
    """
    if user.department_id is None and not is_overseer(user):
        return Case.objects.none()
    # At most one open task per department and case: only the current step has open tasks.
    mine = FilteredRelation(
        "tasks",
        condition=Q(tasks__department_id=user.department_id, tasks__status__in=OPEN_TASK),
    )
    if scope == "todo":
        # An open task of the department is what makes the case visible here. Only an open case
        # has open tasks: the walk in queue order runs over the open cases' index
        # (approvals_case_open_queue) and never meets the finished ones (a county has 100,000).
        cases = Case.objects.annotate(mine=mine).filter(
            mine__isnull=False, status__in=Case.OPEN_STATUSES
        )
    else:
        cases = cases_visible_to(user).annotate(mine=mine)
    cases = cases.annotate(my_light=F("mine__clock__light"), my_due=F("mine__clock__due_at"))
    if status in Case.Status.values:
        cases = cases.filter(status=status)
    if light in LIGHTS:
        cases = cases.filter(mine__clock__light=light, mine__clock__state=Clock.State.RUNNING)
    query = (query or "").strip()
    if query:
        cases = cases.filter(
            Q(number__icontains=query)
            | Q(applicant_name__icontains=query)
            | Q(item__name__icontains=query)
        )
    return (
        cases.select_related("item", "current_step")
        .only(
            "pk",
            "number",
            "status",
            "applicant_name",
            "submitted_at",
            "item__name",
            "current_step__name",
        )
        .order_by("submitted_at", "pk")
    )


def case_for_staff(user: User, pk: int) -> Case:
    """Fetch and authorise at once: missing and forbidden look the same (404)."""
    # Few relations, no ORDER BY: PostgreSQL's planning time grows steeply with each join
    # (seven cost 6 ms to plan, the notice to supply 0.3 ms of the remaining 0.8); the
    # acceptance clock comes with the accept task instead, the notice with its event.
    cases = Case.objects.select_related("item", "process", "current_step", "clock").defer(
        "item__content", "item__legal_basis", "item__conditions", "item__fee_standard"
    )
    try:
        case = cases.get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    if not can_view_case_as_staff(user, case):
        raise Http404
    return case


@dataclass
class CasePage:
    case: Case
    materials: list
    tasks: list
    events: list
    steps: list[StepRow]
    notice: MaterialNotice | None
    my_task: CaseTask | None
    light_clock: object | None = None
    joint: bool = False
    accepted_by: User | None = None
    decided_by: User | None = None
    agent: User | None = None
    actions: list[str] = field(default_factory=list)


def case_page(user: User, case: Case) -> CasePage:
    """Everything the case page shows, in a fixed number of queries."""
    tasks = list(
        case.tasks.select_related("department", "signed_by", "clock").order_by("created_at", "pk")
    )
    my_task = next(
        (
            t
            for t in tasks
            if t.is_open
            and t.step_id == case.current_step_id
            and t.department_id == user.department_id
        ),
        None,
    )
    steps = process_steps(case.process)
    events = list(case.events.select_related("actor").order_by("created_at", "pk"))
    # The notice and its event are written together: the timeline says whether to read one.
    sent = any(event.code == CaseEvent.Code.MATERIAL_NOTICE for event in events)
    notice = getattr(case, "material_notice", None) if sent else None
    # The accept task runs on the acceptance clock: no extra query for the light before acceptance.
    light_clock = case.clock or next(
        (t.clock for t in tasks if t.step_id == case.current_step_id), None
    )
    page = CasePage(
        case=case,
        light_clock=light_clock,
        materials=list(case.materials.order_by("uploaded_at", "pk")),
        tasks=tasks,
        events=events,
        steps=steps,
        notice=notice,
        my_task=my_task,
        joint=any(row.joint for row in steps),
    )
    # The people named on the page: the actors of its events (acceptance, decision, filing by
    # the agent) are already loaded; anyone else in one query.
    people = {event.actor_id: event.actor for event in page.events if event.actor_id}
    ids = {pk for pk in (case.accepted_by_id, case.decided_by_id, case.agent_id) if pk}
    if ids - people.keys():
        people.update(User.objects.in_bulk(ids - people.keys()))
    page.accepted_by = people.get(case.accepted_by_id)
    page.decided_by = people.get(case.decided_by_id)
    page.agent = people.get(case.agent_id)
    page.actions = available_actions(user, case, my_task)
    return page


def available_actions(user: User, case: Case, my_task: CaseTask | None) -> list[str]:
    """The moves the page offers this user now; the services still check every rule."""
    if not is_case_worker(user):
        return []
    step = case.current_step
    kind = step.kind if step else None
    actions: list[str] = []
    if my_task is not None:
        if case.status == Case.Status.SUBMITTED and kind == ProcessStep.Kind.ACCEPT:
            actions += ["accept", "notice", "refuse"]
        elif case.status == Case.Status.AWAITING_MATERIALS and kind == ProcessStep.Kind.ACCEPT:
            actions += ["refuse"]
        elif case.status == Case.Status.IN_PROGRESS and kind == ProcessStep.Kind.REVIEW:
            actions += ["pass", "return"]
        elif case.status == Case.Status.IN_PROGRESS and kind == ProcessStep.Kind.DECIDE:
            if is_head(user):
                actions.append("decide")
            actions.append("return")
        elif case.status == Case.Status.DECIDED and kind == ProcessStep.Kind.FINISH:
            actions.append("finish")
    handles = user.department_id == case.department_id or my_task is not None
    if handles:
        if case.status in (Case.Status.IN_PROGRESS, Case.Status.DECIDED):
            actions.append("fee")
        if case.status == Case.Status.IN_PROGRESS:
            actions.append("pause")
        if case.status == Case.Status.PAUSED:
            actions.append("resume")
        if case.status in (Case.Status.IN_PROGRESS, Case.Status.PAUSED) and not case.extended:
            actions.append("extend")
    return actions


def workbench(user: User) -> dict | None:
    """The workbench card: the department's open tasks by light, and the oldest few."""
    if not is_case_worker(user) or user.department_id is None:
        return None
    counts = open_task_lights(user.department_id)
    oldest = list(staff_queue(user)[:5])
    return {
        "total": sum(counts.values()),
        "counts": counts,
        "oldest": oldest,
        "can_define": can_define_processes(user),
        "sees_stats": can_view_stats(user),
    }


def open_task_lights(department_id: int) -> dict[str, int]:
    """The department's open tasks by the light of the clock they run on.

    A task after acceptance runs on its own step clock (one per task, stopped when the task
    closes), so the open-clock summary counts them without a scan of the clocks. The accept task
    runs on the case's acceptance clock, which belongs to the case's department: those few tasks
    are counted from the tasks themselves, through their partial index.
    """
    accept_tasks = (
        CaseTask.objects.filter(
            department_id=department_id,
            status__in=OPEN_TASK,
            is_acceptance=True,
            clock__light__in=LIGHTS,
        )
        .values(light=F("clock__light"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    step_clocks = (
        OpenClockCount.objects.filter(
            department_id=department_id, kind=TASK_CLOCK, light__in=LIGHTS
        )
        .values("light")
        .annotate(n=Sum("n"))
        .order_by()
    )
    counts = dict.fromkeys(LIGHTS, 0)
    # Both parts in one round trip.
    for row in accept_tasks.union(step_clocks, all=True):
        counts[row["light"]] += row["n"]
    return counts

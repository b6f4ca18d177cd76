"""Reads for the clerk workbench: the department's queue, the case page, the process pages."""

import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F, FilteredRelation, Prefetch, Q, QuerySet
from django.http import Http404

from approvals import permissions
from approvals.models import Case, CaseTask, MaterialNotice, Process, ProcessStep
from portal.models import User
from supervision.models import Clock

OPEN_TASK = [CaseTask.Status.PENDING, CaseTask.Status.ACTIVE]
LIGHTS = [Clock.Light.GREEN, Clock.Light.YELLOW, Clock.Light.RED]


def staff_queue(
    user: User, *, scope: str = "todo", status: str = "", light: str = "", query: str = ""
) -> QuerySet[Case]:
    """The department's queue: cases it has an open task on ("todo") or every visible case.

    Each row carries the light and due time of the department's own task (`my_light`,
    `my_due`): the clock the clerk answers for. One query, whatever the page size.
    """
    if user.department_id is None and not permissions.is_overseer(user):
        return Case.objects.none()
    # At most one open task per department and case: only the current step has open tasks.
    mine = FilteredRelation(
        "tasks",
        condition=Q(tasks__department_id=user.department_id, tasks__status__in=OPEN_TASK),
    )
    if scope == "todo":
        # An open task of the department is what makes the case visible here.
        cases = Case.objects.annotate(mine=mine).filter(mine__isnull=False)
    else:
        cases = permissions.cases_visible_to(user).annotate(mine=mine)
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
    # (seven cost 6 ms to plan); the acceptance clock comes with the accept task instead.
    cases = Case.objects.select_related(
        "item", "process", "current_step", "clock", "material_notice"
    ).defer("item__content", "item__legal_basis", "item__conditions", "item__fee_standard")
    try:
        case = cases.get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    if not permissions.is_staff(user) or not permissions.can_view_case(user, case):
        raise Http404
    return case


@dataclass(frozen=True)
class StepRow:
    step: ProcessStep
    departments: tuple
    joint: bool


STEPS_CACHE_SECONDS = 3600


def process_steps(process: Process) -> list[StepRow]:
    """The steps of a process version in force or retired, with their departments.

    Such a version never changes (a change is a new version), so its steps are cached: pages
    showing a case or a catalogue item skip two queries. The key carries the version's creation
    time, so a cache shared with another database (tests, a second site) never mixes versions.
    """
    if process.is_editable:
        return _load_steps(process)
    key = f"approvals:process-steps:{process.pk}:{process.created_at.timestamp():.6f}"
    return cached(key, lambda: _load_steps(process))


_LOCAL: dict[str, tuple[object, float]] = {}


def cached(key: str, load, seconds: int = STEPS_CACHE_SECONDS):
    """Read-mostly data: this process's own copy first, then the shared cache, then `load()`.

    Keys must name an immutable state (a version, a saved-at time), never "the current" one.
    """
    now = time.monotonic()
    value, expires = _LOCAL.get(key, (None, 0.0))
    if value is None or expires < now:
        value = cache.get(key)
        if value is None:
            value = load()
            cache.set(key, value, seconds)
        if len(_LOCAL) > 2000:
            _LOCAL.clear()
        _LOCAL[key] = (value, now + seconds)
    return value


def _load_steps(process: Process) -> list[StepRow]:
    rows = []
    for step in process.steps.prefetch_related("departments").order_by("order"):
        departments = tuple(step.departments.all())
        rows.append(StepRow(step=step, departments=departments, joint=len(departments) > 1))
    return rows


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
    try:
        notice = case.material_notice
    except MaterialNotice.DoesNotExist:
        notice = None
    # The accept task runs on the acceptance clock: no extra query for the light before acceptance.
    light_clock = case.clock or next(
        (t.clock for t in tasks if t.step_id == case.current_step_id), None
    )
    page = CasePage(
        case=case,
        light_clock=light_clock,
        materials=list(case.materials.order_by("uploaded_at", "pk")),
        tasks=tasks,
        events=list(case.events.select_related("actor").order_by("created_at", "pk")),
        steps=steps,
        notice=notice,
        my_task=my_task,
        joint=any(row.joint for row in steps),
    )
    # The people named on the page, in one query whatever the case's state.
    ids = {pk for pk in (case.accepted_by_id, case.decided_by_id, case.agent_id) if pk}
    people = User.objects.in_bulk(ids) if ids else {}
    page.accepted_by = people.get(case.accepted_by_id)
    page.decided_by = people.get(case.decided_by_id)
    page.agent = people.get(case.agent_id)
    page.actions = available_actions(user, case, my_task)
    return page


def available_actions(user: User, case: Case, my_task: CaseTask | None) -> list[str]:
    """The moves the page offers this user now; the services still check every rule."""
    S, K = Case.Status, ProcessStep.Kind
    if not permissions.is_staff(user):
        return []
    step = case.current_step
    kind = step.kind if step else None
    actions: list[str] = []
    if my_task is not None:
        if case.status == S.SUBMITTED and kind == K.ACCEPT:
            actions += ["accept", "notice", "refuse"]
        elif case.status == S.AWAITING_MATERIALS and kind == K.ACCEPT:
            actions += ["refuse"]
        elif case.status == S.IN_PROGRESS and kind == K.REVIEW:
            actions += ["pass", "return"]
        elif case.status == S.IN_PROGRESS and kind == K.DECIDE:
            if permissions.is_head(user):
                actions.append("decide")
            actions.append("return")
        elif case.status == S.DECIDED and kind == K.FINISH:
            actions.append("finish")
    handles = user.department_id == case.department_id or my_task is not None
    if handles:
        if case.status in (S.IN_PROGRESS, S.DECIDED):
            actions.append("fee")
        if case.status == S.IN_PROGRESS:
            actions.append("pause")
        if case.status == S.PAUSED:
            actions.append("resume")
        if case.status in (S.IN_PROGRESS, S.PAUSED) and not case.extended:
            actions.append("extend")
    return actions


def workbench(user: User) -> dict | None:
    """The workbench card: the department's open tasks by light, and the oldest few."""
    if not permissions.is_staff(user) or user.department_id is None:
        return None
    tasks = CaseTask.objects.filter(department_id=user.department_id, status__in=OPEN_TASK)
    counts = tasks.aggregate(
        **{light: Count("pk", filter=Q(clock__light=light)) for light in LIGHTS}
    )
    oldest = list(staff_queue(user)[:5])
    return {
        "total": sum(counts.values()),
        "counts": counts,
        "oldest": oldest,
        "can_define": permissions.can_define_processes(user),
        "sees_stats": permissions.can_view_stats(user),
    }


def active_process(item) -> Process | None:
    """The item's process in force (its steps come from `process_steps`)."""
    return Process.objects.filter(item=item, status=Process.Status.ACTIVE).first()


def processes_overview(query: str = "") -> QuerySet:
    """Catalogue items with their process versions, for the process-definition list."""
    from disclosure.models import CatalogueItem

    items = CatalogueItem.objects.filter(
        status__in=[CatalogueItem.Status.PUBLISHED, CatalogueItem.Status.REVIEW, "draft"]
    ).select_related("department")
    query = (query or "").strip()
    if query:
        items = items.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return items.prefetch_related(
        Prefetch("processes", queryset=Process.objects.order_by("-version"))
    ).order_by("department_id", "code")

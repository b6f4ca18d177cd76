"""Reads for the citizen side of 网上审批: my cases, the case page, the results board, statistics."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404

from approvals.models import Case, CaseEvent, CaseMaterial, Process, Rating, RectificationTicket
from approvals.permissions import can_view_case
from disclosure.models import CatalogueItem
from portal import identity
from portal.models import User

S = Case.Status
LIST_RELATED = ("item", "department")
# The session key holding the cases a visitor opened with number + query code.
TRACKED_KEY = "approvals_tracked"


def applicant_by_code(code: str) -> User | None:
    """Return the registered citizen (resident ID) or enterprise (credit code) an agent files for."""
    code = identity.normalize_resident_id(code)
    if not code:
        return None
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(kind=User.Kind.CITIZEN, resident_id=code)
            | Q(kind=User.Kind.ENTERPRISE, credit_code=code)
        )
        .first()
    )


def item_for_application(item_pk: int) -> CatalogueItem:
    """The catalogue item to apply for; 404 for one that was never published."""
    item = (
        CatalogueItem.objects.filter(pk=item_pk)
        .filter(status__in=[CatalogueItem.Status.PUBLISHED, CatalogueItem.Status.WITHDRAWN])
        .select_related("department")
        .first()
    )
    if item is None:
        raise Http404
    return item


def item_has_active_process(item: CatalogueItem) -> bool:
    return item.processes.filter(status=Process.Status.ACTIVE).exists()


def cases_of_user(user) -> QuerySet[Case]:
    """我的办件: what the user applied for, or filed as a village agent, newest first."""
    if not user.is_authenticated:
        return Case.objects.none()
    return (
        Case.objects.filter(Q(applicant=user) | Q(agent=user))
        .select_related(*LIST_RELATED)
        .order_by("-created_at", "-id")
    )


def drafts_for_item(user, item: CatalogueItem) -> QuerySet[Case]:
    return cases_of_user(user).filter(item=item, status=S.DRAFT).select_related("applicant")


def remember_tracking(request, case: Case) -> None:
    tracked = set(request.session.get(TRACKED_KEY, []))
    tracked.add(case.pk)
    request.session[TRACKED_KEY] = sorted(tracked)[-20:]


def _tracks(request, case: Case) -> bool:
    return case.pk in request.session.get(TRACKED_KEY, [])


@dataclass(frozen=True)
class CaseAccess:
    case: Case
    # The applicant or agent: may act (supply, withdraw, rate) and download the materials.
    is_follower: bool


def case_get_for_citizen(request, pk: int) -> CaseAccess:
    """Fetch and authorise in one call: followers, staff allowed by the policy, and visitors who
    gave the number and query code; missing and forbidden both answer 404."""
    # Only what the page shows: each extra join costs PostgreSQL planning time on every view.
    try:
        case = Case.objects.select_related(*LIST_RELATED, "clock").get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    user = request.user
    is_follower = user.is_authenticated and user.pk in (case.applicant_id, case.agent_id)
    if is_follower or _tracks(request, case) or can_view_case(user, case):
        return CaseAccess(case, is_follower)
    raise Http404


def follower_case_get(user, pk: int) -> Case:
    """A case the user applied for or filed as an agent (drafts included); 404 otherwise."""
    case = cases_of_user(user).select_related("applicant", "process").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def case_timeline(case: Case) -> QuerySet[CaseEvent]:
    """The citizen timeline: every event but the draft bookkeeping, with the acting unit."""
    return (
        case.events.exclude(code__in=CaseEvent.DRAFT_CODES)
        .select_related("actor__department")
        .order_by("created_at", "id")
    )


def case_materials(case: Case) -> QuerySet[CaseMaterial]:
    return case.materials.order_by("uploaded_at", "id")


def case_rating(case: Case) -> Rating | None:
    """The rating with its ticket and appeal, or None."""
    return Rating.objects.filter(case=case).select_related("ticket__department", "appeal").first()


# --- 办理结果公示 ---------------------------------------------------------------------------------


def mask_name(name: str) -> str:
    """张三丰 → 张**: the board shows who applied without showing who they are."""
    name = (name or "").strip()
    return f"{name[0]}{'*' * max(len(name) - 1, 2)}" if name else ""


@dataclass(frozen=True)
class PublicResult:
    number: str
    applicant: str
    item: str
    department: str
    decision: str
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    finished_at: datetime.datetime | None


def results_board(*, number: str = "") -> QuerySet[Case]:
    """Finished cases, newest first; only the columns the board shows are read."""
    qs = Case.objects.filter(status=S.FINISHED)
    number = number.strip().upper()[:32]
    if number:
        qs = qs.filter(number=number)
    return (
        qs.select_related(*LIST_RELATED)
        .only(
            "number",
            "applicant_name",
            "decision",
            "submitted_at",
            "decided_at",
            "finished_at",
            "item__name",
            "department__name",
        )
        .order_by("-finished_at", "-id")
    )


def public_results(cases) -> list[PublicResult]:
    """The board's rows: no personal data beyond a masked name."""
    return [
        PublicResult(
            number=case.number,
            applicant=mask_name(case.applicant_name),
            item=case.item.name,
            department=case.department.name,
            decision=case.get_decision_display(),
            submitted_at=case.submitted_at,
            decided_at=case.decided_at,
            finished_at=case.finished_at,
        )
        for case in cases
    ]


# --- Statistics ------------------------------------------------------------------------------------


@dataclass
class StatRow:
    month: datetime.date | None
    department: str
    received: int = 0
    accepted: int = 0
    completed: int = 0
    on_time: int = 0
    rated: int = 0
    satisfied: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.completed, 1) if self.completed else None

    @property
    def satisfaction_rate(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None


def _monthly(qs: QuerySet, moment: str, department: str, **counts) -> QuerySet:
    return (
        qs.annotate(month=TruncMonth(moment))
        .values("month", department)
        .annotate(**counts)
        .order_by()
    )


def statistics(*, year: int, department_ids=None) -> tuple[list[StatRow], StatRow]:
    """Per handling unit and month: received, accepted, completed, on time, satisfaction rate.

    Each figure counts in the month its event happened (a case submitted in March and finished in
    April is received in March, completed in April). On time: the whole-case clock stopped no
    later than its due time. Satisfaction (满意率) counts 基本满意 and above among the ratings
    that count — an upheld appeal excludes a rating. Four aggregate queries, whatever the data.
    """
    cases = Case.objects.exclude(status=S.DRAFT)
    ratings = Rating.objects.filter(excluded=False, created_at__year=year)
    if department_ids is not None:
        cases = cases.filter(department_id__in=department_ids)
        ratings = ratings.filter(department_id__in=department_ids)
    rows: dict[tuple, StatRow] = {}

    def row(month, name) -> StatRow:
        key = (month.date() if isinstance(month, datetime.datetime) else month, name)
        if key not in rows:
            rows[key] = StatRow(key[0], name)
        return rows[key]

    dept = "department__name"
    for r in _monthly(cases.filter(submitted_at__year=year), "submitted_at", dept, n=Count("id")):
        row(r["month"], r[dept]).received = r["n"]
    for r in _monthly(cases.filter(accepted_at__year=year), "accepted_at", dept, n=Count("id")):
        row(r["month"], r[dept]).accepted = r["n"]
    finished = cases.filter(status=S.FINISHED, finished_at__year=year)
    on_time = Q(clock__stopped_at__isnull=False, clock__stopped_at__lte=F("clock__due_at"))
    for r in _monthly(
        finished, "finished_at", dept, n=Count("id"), on_time=Count("id", filter=on_time)
    ):
        target = row(r["month"], r[dept])
        target.completed, target.on_time = r["n"], r["on_time"]
    for r in _monthly(
        ratings,
        "created_at",
        dept,
        n=Count("id"),
        satisfied=Count("id", filter=Q(level__gte=Rating.SATISFIED_MIN)),
    ):
        target = row(r["month"], r[dept])
        target.rated, target.satisfied = r["n"], r["satisfied"]
    by_department = sorted(rows.values(), key=lambda r: r.department)
    result = sorted(by_department, key=lambda r: r.month or datetime.date.min, reverse=True)
    total = StatRow(None, "")
    for r in result:
        for name in ("received", "accepted", "completed", "on_time", "rated", "satisfied"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
    return result, total


def ticket_list(tickets: QuerySet[RectificationTicket], *, status: str = "") -> QuerySet:
    """The rectification tickets a member of staff may open, newest first."""
    if status:
        tickets = tickets.filter(status=status)
    return tickets.select_related(
        "department", "clock", "rating", "rating__case", "rating__case__item", "rating__appeal"
    ).order_by("-opened_at", "-id")

"""Reads for the citizen side of 网上审批: my cases, the case page, tracking, the results board."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from approvals.models import Case, CaseEvent, CaseMaterial, MaterialNotice, Process
from approvals.permissions.cases import can_view_case
from disclosure.models import CatalogueItem
from portal import identity
from portal.models import User

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


def case_counts_of_user(user) -> dict[str, int]:
    """My account's figures in one query: cases applied for, and filed as a village agent."""
    return Case.objects.filter(Q(applicant=user) | Q(agent=user)).aggregate(
        applied=Count("pk", filter=Q(applicant=user)), filed=Count("pk", filter=Q(agent=user))
    )


def drafts_for_item(user, item: CatalogueItem) -> QuerySet[Case]:
    return (
        cases_of_user(user).filter(item=item, status=Case.Status.DRAFT).select_related("applicant")
    )


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
    # Only what the page shows: each extra join costs PostgreSQL planning time on every view,
    # though less than a query of its own (the version's terms). The notice to supply is read
    # only while the case awaits materials (`case_notice`): joined, it cost 0.3 ms of planning
    # on every view (0.8 → 0.5 ms, county data).
    related = (*LIST_RELATED, "clock", "item_version")
    try:
        case = Case.objects.select_related(*related).get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    user = request.user
    is_follower = user.is_authenticated and user.pk in (case.applicant_id, case.agent_id)
    if is_follower or _tracks(request, case) or can_view_case(user, case):
        return CaseAccess(case, is_follower)
    raise Http404


def case_notice(case: Case) -> MaterialNotice | None:
    """The one-time notice to supply materials (一次性告知), shown while the case awaits them."""
    if case.status != Case.Status.AWAITING_MATERIALS:
        return None
    return getattr(case, "material_notice", None)


def follower_case_get(user, pk: int) -> Case:
    """A case the user applied for or filed as an agent (drafts included); 404 otherwise."""
    case = cases_of_user(user).select_related("applicant", "process").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def case_timeline(case: Case) -> QuerySet[CaseEvent]:
    """The citizen timeline: every event but the draft bookkeeping, with the acting unit
    (`actor_unit`) and only the columns the page shows, not the actors' whole accounts."""
    return (
        case.events.exclude(code__in=CaseEvent.DRAFT_CODES)
        .annotate(actor_unit=F("actor__department__name"))
        .only("case", "code", "created_at", "note", "actor")
        .order_by("created_at", "id")
    )


def case_materials(case: Case) -> QuerySet[CaseMaterial]:
    return case.materials.order_by("uploaded_at", "id")


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
    qs = Case.objects.filter(status=Case.Status.FINISHED)
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

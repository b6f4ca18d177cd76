"""Reads of complaints for pages: scoped by the permission policy, with their related rows joined."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint, ComplaintEvent, Reply, ReviewRequest
from petitions.permissions import complaints as complaint_permissions
from portal import snapshots

# `merged_into__category`: `is_protected` of a merged duplicate reads the original's category.
LIST_RELATED = ("category", "department", "clock", "merged_into__category")


def complaint_get_for_staff(user, number: str, *, with_extension: bool = False) -> Complaint:
    """Fetch and authorise in one call: missing and forbidden both answer 404.

    `with_extension` joins the extension request (the case page shows it) instead of a query.
    """
    # Not `related_to`: no staff page shows the original of a follow-up.
    related = [*LIST_RELATED, "reported_department"]
    if with_extension:
        related.append("extension")
    complaint = (
        complaint_permissions.complaints_visible_to(user)
        .select_related(*related)
        .filter(number=number)
        .first()
    )
    if complaint is None:
        raise Http404
    return complaint


def complaint_get_for_follower(request, number: str) -> Complaint:
    """The complainant's complaint, with what their page shows on every view (the category and
    the clock) and the identity `can_follow` checks; the original it was merged into is read
    only for a merged one."""
    related = ("category", "clock", "identity")
    try:  # a get on the unique number: `.first()` would add an ORDER BY and a copy of the query
        complaint = Complaint.objects.select_related(*related).get(number=number)
    except Complaint.DoesNotExist:
        raise Http404 from None
    if not complaint_permissions.can_follow(request, complaint):
        raise Http404
    return complaint


def staff_queue(
    user, *, status: str = "", query: str = "", department_only: bool = False
) -> QuerySet[Complaint]:
    """The staff list: what the user may see, newest first, searchable by number, title and content.

    The search never looks at the complainant's identity, so it cannot confirm who filed what.
    """
    qs = (
        complaint_permissions.complaints_to_handle(user)
        if department_only
        else complaint_permissions.complaints_visible_to(user)
    )
    if status:
        qs = qs.filter(status=status)
    if query:
        query = query.strip()[:50]
        qs = qs.filter(
            Q(number__iexact=query) | Q(title__icontains=query) | Q(content__icontains=query)
        )
    return qs.select_related(*LIST_RELATED).order_by("-registered_at", "-id")


# What a row of the staff list shows (number, title, protection, category, unit, status, light,
# date): a page builds 30 complaints, not 30 full rows with their merged originals.
STAFF_LIST_COLUMNS = (
    "number",
    "title",
    "status",
    "is_anonymous",
    "names_official",
    "registered_at",
    "category__name",
    "category__kind",
    "department__name",
    "clock__state",
    "clock__light",
    "clock__due_at",
    "clock__stopped_at",
    "clock__provisional",
    "merged_into__is_anonymous",
    "merged_into__names_official",
    "merged_into__merged_into",
    "merged_into__category__kind",
)


def staff_list(user, *, status: str = "", query: str = "") -> QuerySet[Complaint]:
    """The rows of the staff list page: `staff_queue` with only the columns the page shows."""
    return staff_queue(user, status=status, query=query).only(*STAFF_LIST_COLUMNS)


# What a row of a workbench card shows (number, title, status, light): its first ten rows, not
# ten full complaints with their category, unit and merged original.
CARD_COLUMNS = (
    "number",
    "title",
    "status",
    "clock__state",
    "clock__light",
    "clock__due_at",
    "clock__stopped_at",
    "clock__provisional",
)


def card_rows(complaints: QuerySet[Complaint], size: int = 10) -> list[Complaint]:
    """The first `size` complaints of a queue, with only what a workbench card row shows."""
    return list(complaints.select_related(None).select_related("clock").only(*CARD_COLUMNS)[:size])


def dispatch_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_dispatch(user):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(status=Complaint.Status.REGISTERED)
        .select_related(*LIST_RELATED)
        .order_by("registered_at")
    )


def return_visit_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_dispatch(user):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(status=Complaint.Status.REPLIED)
        .select_related(*LIST_RELATED)
        .order_by("replied_at")
    )


def instruction_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_instruct(user):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(status=Complaint.Status.AWAITING_INSTRUCTION)
        .select_related(*LIST_RELATED)
        .order_by("registered_at")
    )


def department_queue(user) -> QuerySet[Complaint]:
    return (
        complaint_permissions.complaints_to_handle(user)
        .filter(
            status__in=[
                Complaint.Status.DISPATCHED,
                Complaint.Status.HANDLING,
                Complaint.Status.REHANDLING,
            ]
        )
        .select_related(*LIST_RELATED)
        .order_by("registered_at")
    )


def pending_reviews(user) -> QuerySet[ReviewRequest]:
    levels = [
        level
        for level in ReviewRequest.Level.values
        if complaint_permissions.can_decide_review(user, level)
    ]
    return (
        ReviewRequest.objects.filter(decided_at__isnull=True, level__in=levels)
        .select_related("complaint", "complaint__category")
        .order_by("requested_at")
    )


def complaint_timeline(complaint: Complaint) -> QuerySet[ComplaintEvent]:
    """Events with their staff actors; a complainant's own moves have no actor."""
    return complaint.events.select_related("actor", "actor__department").order_by(
        "created_at", "id"
    )


def complaint_answers(complaint: Complaint) -> dict[str, list]:
    """The replies, ratings, return visits and reviews of a complaint, for its staff page.

    All four follow a first reply, which sets `replied_at` for good: before it there is nothing
    to read, and an open complaint's page is four queries lighter.
    """
    if complaint.replied_at is None:
        return {"replies": [], "ratings": [], "visits": [], "reviews": []}
    return {
        "replies": list(complaint.replies.select_related("department")),
        "ratings": list(complaint.ratings.order_by("round")),
        "visits": list(complaint.return_visits.select_related("operator")),
        "reviews": list(complaint.reviews.select_related("decided_by")),
    }


def complaints_of_account(user) -> QuerySet[Complaint]:
    """我的诉求: the complaints filed from this account; an anonymous one is never linked to it.

    Only the columns its lists show (我的诉求, my account): a row is built from one join.
    """
    if not user.is_authenticated:
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(identity__account=user)
        .select_related("category")
        .only("number", "title", "is_anonymous", "status", "registered_at", "category__name")
        .order_by("-registered_at")
    )


# --- The public board and figures ----------------------------------------------------------------


def _published() -> QuerySet[Complaint]:
    """Complaints whose complainant allowed publication and whose reply a moderator passed."""
    return (
        Complaint.objects.filter(allow_publication=True, published_at__isnull=False)
        .select_related("category", "department")
        .order_by("-published_at", "-id")
    )


def public_board() -> QuerySet[Complaint]:
    """The published complaints with the passed replies as `public_replies` (texts as the
    moderator confirmed them)."""
    return _published().prefetch_related(
        Prefetch(
            "replies",
            queryset=Reply.objects.filter(published_at__isnull=False).order_by("round"),
            to_attr="public_replies",
        )
    )


def board_rows() -> QuerySet[Complaint]:
    """The board page's rows: the columns a row shows, without the replies (a row links to them)."""
    return _published().only(
        "number", "public_title", "published_at", "category__name", "department__name"
    )


def public_get(number: str) -> Complaint:
    complaint = public_board().filter(number=number).first()
    if complaint is None:
        raise Http404
    return complaint


@dataclass(frozen=True)
class FigureRow:
    month: object
    department: str
    received: int
    resolved: int
    rated: int
    satisfied: int

    @property
    def closure_rate(self) -> float | None:
        return round(100 * self.resolved / self.received, 1) if self.received else None

    @property
    def satisfaction_rate(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None


COUNTED = Q(
    status__in=[
        Complaint.Status.DISPATCHED,
        Complaint.Status.HANDLING,
        Complaint.Status.REPLIED,
        Complaint.Status.REHANDLING,
        Complaint.Status.CLOSED,
    ]
)


def figures(*, year: int | None = None) -> tuple[list[FigureRow], FigureRow]:
    """Per month and department: received, resolved, closure rate (报结率), satisfaction rate.

    Counted are complaints that reached a department (transferred, referred and merged ones are
    not theirs); satisfied means 满意 or 基本满意 among the rated ones.
    """
    qs = Complaint.objects.filter(COUNTED, department__isnull=False)
    if year:
        qs = qs.filter(registered_at__year=year)
    rows = (
        qs.annotate(month=TruncMonth("registered_at"))
        .values("month", "department__name")
        .annotate(
            received=Count("id"),
            resolved=Count("id", filter=Q(status=Complaint.Status.CLOSED)),
            rated=Count("id", filter=~Q(satisfaction="")),
            satisfied=Count("id", filter=Q(satisfaction__in=["satisfied", "basic"])),
        )
        .order_by("-month", "department__name")
    )
    result = [
        FigureRow(
            row["month"],
            row["department__name"],
            row["received"],
            row["resolved"],
            row["rated"],
            row["satisfied"],
        )
        for row in rows
    ]
    return result, _total(result)


def _total(rows: list[FigureRow]) -> FigureRow:
    return FigureRow(
        None,
        "",
        sum(r.received for r in rows),
        sum(r.resolved for r in rows),
        sum(r.rated for r in rows),
        sum(r.satisfied for r in rows),
    )


# The year's figures as the public pages show them: materialised by beat (`portal.snapshots`),
# since received, resolved and satisfied depend on every move of a complaint.
FIGURES = "petitions.figures"


def figures_compute(key: str) -> list[dict]:
    """The figures of the year `key` as JSON rows, for the snapshot."""
    rows, _sum = figures(year=int(key))
    return [
        {
            "month": timezone.localtime(row.month).date().isoformat(),
            "department": row.department,
            "received": row.received,
            "resolved": row.resolved,
            "rated": row.rated,
            "satisfied": row.satisfied,
        }
        for row in rows
    ]


def figures_years() -> list[str]:
    """The years beat keeps fresh: this one and the last (late ratings still move it)."""
    year = timezone.localdate().year
    return [str(year), str(year - 1)]


def figures_stored(*, year: int) -> tuple[list[FigureRow], FigureRow, datetime.datetime]:
    """The stored figures of `year` (rows, total) and when they were computed."""
    stored = snapshots.read(FIGURES, str(year))
    rows = [
        FigureRow(
            datetime.date.fromisoformat(row["month"]),
            row["department"],
            row["received"],
            row["resolved"],
            row["rated"],
            row["satisfied"],
        )
        for row in stored.data
    ]
    return rows, _total(rows), stored.computed_at


def brief_section(start: datetime.datetime, end: datetime.datetime) -> dict:
    """Petitions' part of the leader brief (领导参阅): complaints of [start, end), satisfaction."""
    closed = Complaint.objects.filter(closed_at__gte=start, closed_at__lt=end)
    satisfied = Q(satisfaction__in=[Complaint.Satisfaction.SATISFIED, Complaint.Satisfaction.BASIC])
    figures = closed.aggregate(
        closed=Count("id"),
        rated=Count("id", filter=~Q(satisfaction="")),
        satisfied=Count("id", filter=satisfied),
    )
    figures["satisfaction_rate"] = (
        round(100 * figures["satisfied"] / figures["rated"], 1) if figures["rated"] else None
    )
    figures["registered"] = Complaint.objects.filter(
        registered_at__gte=start, registered_at__lt=end
    ).count()
    by_level = dict(
        closed.exclude(satisfaction="").values_list("satisfaction").annotate(n=Count("id"))
    )
    departments = (
        closed.exclude(department=None)
        .values("department__name")
        .annotate(
            n=Count("id"),
            unsatisfied=Count("id", filter=Q(satisfaction=Complaint.Satisfaction.UNSATISFIED)),
        )
        .order_by("-unsatisfied", "department__name")
    )
    return {
        "figures": figures,
        "tables": [
            {
                "code": "by_satisfaction",
                "columns": ["satisfaction", "closed"],
                "coded": ["satisfaction"],
                "rows": [
                    [level, by_level.get(level, 0)] for level in Complaint.Satisfaction.values
                ],
            },
            {
                "code": "departments",
                "columns": ["department", "closed", Complaint.Satisfaction.UNSATISFIED],
                "coded": [],
                "rows": [
                    [row["department__name"], row["n"], row["unsatisfied"]] for row in departments
                ],
            },
        ],
    }


# The codes of `brief_section`, labelled when the brief is shown.
BRIEF_LABELS = {
    "registered": _("登记"),
    "closed": _("办结"),
    "rated": _("已评价"),
    "satisfied": _("满意及基本满意"),
    "satisfaction_rate": _("满意率（%）"),
    "satisfaction": _("满意度"),
    "by_satisfaction": _("群众评价"),
    "departments": _("各部门办结情况"),
    "department": _("部门"),
    **dict(Complaint.Satisfaction.choices),
}

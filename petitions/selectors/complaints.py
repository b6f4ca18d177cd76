"""Reads of complaints for the staff's and the complainant's pages: scoped by the permission
policy, with their related rows joined. The public board and the figures: `complaints_public`."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from petitions.models import Complaint, ComplaintEvent, ReviewRequest
from petitions.permissions import complaints as complaint_permissions

LIST_RELATED = ("category", "department", "clock")


# `is_protected` of a merged duplicate reads its original's category: the originals of a page's
# merged rows in a second query, run only when the page has one. Joined into the list's query
# instead, the original and its category made PostgreSQL plan that query for 2.4 ms on every
# view (0.7 ms without them, county data) to run it in 0.4 ms.
def _merged_originals() -> Prefetch:
    # A new one each time: a prefetch's queryset keeps hints of the rows it was last used for.
    originals = Complaint.objects.select_related("category")
    return Prefetch(
        "merged_into",
        queryset=originals.only("is_anonymous", "names_official", "merged_into", "category__kind"),
    )


def _listed(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """A staff list's complaints with what its rows show: category, unit, clock, protection."""
    return complaints.select_related(*LIST_RELATED).prefetch_related(_merged_originals())


def complaint_get_for_staff(user, number: str, *, with_extension: bool = False) -> Complaint:
    """Fetch and authorise in one call: missing and forbidden both answer 404.

    `with_extension` joins the extension request (the case page shows it) instead of a query.
    """
    # PostgreSQL plans this fetch on every view and each join costs planning time (3.3 ms of a
    # 0.1 ms query with all of them, county data): a get on the unique number has no ORDER BY
    # and LIMIT to plan for, and the merged original is read only for a merged duplicate (rare).
    # Not `related_to`: no staff page shows the original of a follow-up.
    related = [*LIST_RELATED, "reported_department"]
    if with_extension:
        related.append("extension")
    try:
        return (
            complaint_permissions.complaints_visible_to(user)
            .select_related(*related)
            .get(number=number)
        )
    except Complaint.DoesNotExist:
        raise Http404 from None


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
    return _listed(qs).order_by("-registered_at", "-id")


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
    "merged_into",
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
    if complaints.query.is_empty():
        return []  # a queue the user may not see: no query to build
    rows = complaints.select_related(None).select_related("clock").prefetch_related(None)
    return list(rows.only(*CARD_COLUMNS)[:size])


def dispatch_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_dispatch(user):
        return Complaint.objects.none()
    return _listed(Complaint.objects.filter(status=Complaint.Status.REGISTERED)).order_by(
        "registered_at"
    )


def return_visit_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_dispatch(user):
        return Complaint.objects.none()
    return _listed(Complaint.objects.filter(status=Complaint.Status.REPLIED)).order_by("replied_at")


def instruction_queue(user) -> QuerySet[Complaint]:
    if not complaint_permissions.can_instruct(user):
        return Complaint.objects.none()
    return _listed(Complaint.objects.filter(status=Complaint.Status.AWAITING_INSTRUCTION)).order_by(
        "registered_at"
    )


def department_queue(user) -> QuerySet[Complaint]:
    handling = [
        Complaint.Status.DISPATCHED,
        Complaint.Status.HANDLING,
        Complaint.Status.REHANDLING,
    ]
    return _listed(
        complaint_permissions.complaints_to_handle(user).filter(status__in=handling)
    ).order_by("registered_at")


def pending_reviews(user) -> QuerySet[ReviewRequest]:
    levels = [
        level
        for level in ReviewRequest.Level.values
        if complaint_permissions.can_decide_review(user, level)
    ]
    if not levels:
        return ReviewRequest.objects.none()
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

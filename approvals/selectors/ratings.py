"""Reads of 好差评: a case's rating, and the rectification tickets staff may open."""

from django.db.models import QuerySet

from approvals.models import Case, Rating, RectificationTicket


def case_rating(case: Case) -> Rating | None:
    """The rating with its ticket and appeal, or None."""
    # A get on the unique key: `.first()` would add an ORDER BY and a copy of the query.
    try:
        return Rating.objects.select_related("ticket__department", "appeal").get(case=case)
    except Rating.DoesNotExist:
        return None


def ticket_list(tickets: QuerySet[RectificationTicket], *, status: str = "") -> QuerySet:
    """The rectification tickets a member of staff may open, newest first."""
    if status:
        tickets = tickets.filter(status=status)
    return tickets.select_related(
        "department", "clock", "rating", "rating__case", "rating__case__item", "rating__appeal"
    ).order_by("-opened_at", "-id")

"""Reads for the pages of disclosure on request, scoped by `permissions/requests.py`."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from disclosure.models import InformationRequest
from disclosure.permissions import requests as permissions

QUEUE_FILTERS = {
    "open": Q(status__in=InformationRequest.OPEN_STATUSES),
    "answered": Q(status=InformationRequest.Status.ANSWERED),
    "abandoned": Q(status=InformationRequest.Status.ABANDONED),
    "all": Q(),
}


def request_get_for(user, number: str) -> InformationRequest:
    """Fetch and authorise in one call: missing and forbidden both answer 404."""
    request = (
        permissions.requests_visible_to(user)
        .select_related("clock", "applicant", "extension_approver", "answered_by")
        .filter(number=number)
        .first()
    )
    if request is None:
        raise Http404
    return request


def requests_mine(user) -> QuerySet[InformationRequest]:
    return (
        InformationRequest.objects.filter(applicant_id=user.pk)
        .select_related("clock")
        .order_by("-received_at", "-id")
    )


def office_queue(*, view: str = "open", query: str = "") -> QuerySet[InformationRequest]:
    """The office's list: open requests soonest-due first; closed ones newest first."""
    qs = InformationRequest.objects.filter(QUEUE_FILTERS.get(view, QUEUE_FILTERS["open"]))
    query = query.strip()[:50]
    if query:
        qs = qs.filter(
            Q(number__iexact=query)
            | Q(description__icontains=query)
            | Q(applicant_name__icontains=query)
        )
    order = ["clock__due_at", "id"] if view == "open" else ["-received_at", "-id"]
    return qs.select_related("clock").order_by(*order)


def queue_counts() -> dict[str, int]:
    return InformationRequest.objects.aggregate(
        open=Count("pk", filter=QUEUE_FILTERS["open"]),
        supplement=Count("pk", filter=Q(status=InformationRequest.Status.SUPPLEMENT)),
        consulting=Count("pk", filter=Q(status=InformationRequest.Status.CONSULTING)),
        red=Count("pk", filter=QUEUE_FILTERS["open"] & Q(clock__light="red")),
    )


def request_timeline(request: InformationRequest):
    return request.events.select_related("actor").order_by("created_at", "id")

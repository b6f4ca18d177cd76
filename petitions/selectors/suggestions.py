"""Reads of suggestions for the public list, the author's list and the department's list."""

from django.db.models import QuerySet
from django.http import Http404

from petitions.models import Suggestion
from petitions.permissions.complaints import is_active_staff
from petitions.permissions.suggestions import suggestions_visible_to


def public_list(*, status: str = "") -> QuerySet[Suggestion]:
    """The suggestions a moderator passed, newest first; `status` filters (e.g. adopted ones)."""
    suggestions = (
        Suggestion.objects.filter(published_at__isnull=False)
        .select_related("department")
        .order_by("-published_at", "-id")
    )
    if status in Suggestion.Status.values:
        suggestions = suggestions.filter(status=status)
    return suggestions


def public_get(pk: int) -> Suggestion:
    suggestion = public_list().filter(pk=pk).first()
    if suggestion is None:
        raise Http404
    return suggestion


def of_author(user) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(author=user).select_related("department")


def staff_list(user, *, status: str = "") -> QuerySet[Suggestion]:
    """The suggestions the user's department answers (every one for overseers), oldest open first."""
    suggestions = (
        suggestions_visible_to(user)
        .select_related("department")
        .order_by("answered_at", "created_at", "id")
    )
    if status in Suggestion.Status.values:
        suggestions = suggestions.filter(status=status)
    return suggestions


def staff_get(user, pk: int) -> Suggestion:
    """Fetch and authorise in one call: 404 for missing and forbidden alike (authors included:
    their side is the public page and their own list)."""
    if not is_active_staff(user):
        raise Http404
    suggestion = suggestions_visible_to(user).select_related("department").filter(pk=pk).first()
    if suggestion is None:
        raise Http404
    return suggestion

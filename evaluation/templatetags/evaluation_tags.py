from django import template

from evaluation import permissions
from evaluation.models import RatingWarning, Vote

register = template.Library()


@register.simple_tag
def evaluation_workbench(user) -> dict | None:
    """Return the workbench counts this user may act on, or None."""
    data = {"pending": None, "open_warnings": None}
    if permissions.can_moderate_reasons(user):
        data["pending"] = Vote.objects.filter(reason_status=Vote.ReasonStatus.PENDING).count()
    if permissions.can_view_warnings(user):
        data["open_warnings"] = RatingWarning.objects.exclude(alert__status="closed").count()
    return data if any(count is not None for count in data.values()) else None


@register.simple_tag
def evaluation_staff_access(user) -> dict:
    """Return which staff pages of the rating this user may open (for the tabs)."""
    return {
        "warnings": permissions.can_view_warnings(user),
        "statistics": permissions.can_view_statistics(user),
        "moderation": permissions.can_moderate_reasons(user),
        "roster": permissions.can_manage_roster(user),
    }

"""The disclosure columns' and information reporting's entries on the staff workbench."""

from django import template

from disclosure.models import Article, InfoReport
from disclosure.permissions import columns as permissions
from disclosure.permissions import reporting as reporting_permissions
from disclosure.selectors import columns as columns_selectors

register = template.Library()


@register.simple_tag
def columns_workbench_allowed(user) -> bool:
    return permissions.can_use_staff_columns(user)


@register.simple_tag
def columns_workbench(user) -> dict | None:
    """What waits for this user: articles to review (admins) or drafts, reports to decide."""
    if not permissions.can_use_staff_columns(user):
        return None
    return {
        **columns_selectors.waiting_articles(user),
        "reports": InfoReport.objects.filter(status=InfoReport.Status.SUBMITTED).count()
        if reporting_permissions.can_decide(user)
        else None,
    }


@register.simple_tag
def latest_articles() -> list[Article]:
    return columns_selectors.latest_articles()

"""The disclosure columns' and information reporting's entries on the staff workbench."""

from django import template

from disclosure import columns_permissions as permissions
from disclosure import columns_selectors, reporting_permissions
from disclosure.models import Article, InfoReport

register = template.Library()


@register.simple_tag
def columns_workbench_allowed(user) -> bool:
    return permissions.can_use_staff_columns(user)


@register.simple_tag
def columns_workbench(user) -> dict | None:
    """What waits for this user: articles to review (admins) or drafts, reports to decide."""
    if not permissions.can_use_staff_columns(user):
        return None
    articles = permissions.articles_visible_to(user)
    return {
        "review": articles.filter(status=Article.Status.REVIEW).count(),
        "drafts": articles.filter(status=Article.Status.DRAFT).count(),
        "reports": InfoReport.objects.filter(status=InfoReport.Status.SUBMITTED).count()
        if reporting_permissions.can_decide(user)
        else None,
    }


@register.simple_tag
def latest_articles() -> list[Article]:
    return columns_selectors.latest_articles()

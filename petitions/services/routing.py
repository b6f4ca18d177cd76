"""Routing (分类流转): which department a matter goes to, the hotline office, the categories' limits.

The mechanism every area that sends a matter to a department shares (complaints today).
"""

from django.conf import settings

from petitions.models import Category, LimitUnit, RoutingRule
from portal.models import Department
from supervision.models import Clock


def route(*, category: Category, content: str, place: str) -> Department | None:
    """Return the department the routing rules send this matter to, or None."""
    rules = [
        rule
        for rule in RoutingRule.objects.filter(
            category=category, is_active=True, department__is_active=True
        ).select_related("department")
        if rule.matches(content=content, place=place)
    ]
    if not rules:
        return None
    rules.sort(key=lambda rule: (-rule.specificity, rule.priority, rule.pk))
    return rules[0].department


def hotline_department() -> Department | None:
    """Return the hotline office (12345热线办), which registers, routes and revisits."""
    return Department.objects.filter(code=settings.PETITIONS_HOTLINE_DEPARTMENT).first()


def clock_unit(unit: str) -> str:
    """Return the supervision clock unit of a category's limit unit."""
    return Clock.Unit.DAYS if unit == LimitUnit.DAYS else Clock.Unit.WORKDAYS

"""Routing (分类流转): which department a matter goes to, the hotline office, the categories' limits.

The mechanism every area that sends a matter to a department shares (complaints today).
"""

from django.conf import settings

from petitions.models import Category, Complaint, LimitUnit, RoutingRule
from petitions.permissions.complaints import reported_unit_ids
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


def discipline_department(complaint: Complaint) -> Department | None:
    """Return the discipline-inspection office that handles a report about an official or unit.

    None when the office is missing, inactive, or is itself a unit reported on or one above it:
    then the hotline office dispatches by hand, and every unit reported on or above is refused.
    """
    office = Department.objects.filter(
        code=settings.PETITIONS_DISCIPLINE_DEPARTMENT_CODE, is_active=True
    ).first()
    if office is None or office.pk in reported_unit_ids(complaint):
        return None
    return office


def hotline_department() -> Department | None:
    """Return the hotline office (12345热线办), which registers, routes and revisits."""
    return Department.objects.filter(code=settings.PETITIONS_HOTLINE_DEPARTMENT).first()


def clock_unit(unit: str) -> str:
    """Return the supervision clock unit of a category's limit unit."""
    return Clock.Unit.DAYS if unit == LimitUnit.DAYS else Clock.Unit.WORKDAYS

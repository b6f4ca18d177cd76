"""The catalogue's entry on the staff workbench."""

from django import template

from disclosure.models import CatalogueItem
from disclosure.permissions import catalogue as permissions

register = template.Library()


@register.simple_tag
def catalogue_workbench(user) -> dict | None:
    """What waits for this user in the catalogue: items to review (admins) or drafts (their unit)."""
    if not permissions.can_use_staff_catalogue(user):
        return None
    items = permissions.items_visible_to(user)
    return {
        "review": items.filter(status=CatalogueItem.Status.REVIEW).count(),
        "drafts": items.filter(status=CatalogueItem.Status.DRAFT).count(),
    }

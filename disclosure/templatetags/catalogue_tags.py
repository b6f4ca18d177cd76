"""The catalogue's entry on the staff workbench."""

from django import template

from disclosure.permissions import catalogue as permissions
from disclosure.selectors import catalogue as selectors

register = template.Library()


@register.simple_tag
def catalogue_workbench(user) -> dict | None:
    """What waits for this user in the catalogue: items to review (admins) or drafts (their unit)."""
    if not permissions.can_use_staff_catalogue(user):
        return None
    return selectors.waiting_items(user)

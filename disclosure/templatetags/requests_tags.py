"""Disclosure on request on the staff workbench and the citizen's account page."""

from django import template

from disclosure.permissions import requests as permissions
from disclosure.selectors import requests as selectors

register = template.Library()


@register.simple_tag
def requests_workbench(user) -> dict | None:
    """What waits for the disclosure office: open, overdue, awaiting supplement, in consultation."""
    if not permissions.is_office_staff(user):
        return None
    return selectors.queue_counts()


@register.simple_tag
def requests_account(user) -> list:
    """The applicant's five latest requests, for "my account"."""
    if not permissions.can_apply(user):
        return []
    # Only what the card shows (number, title, status): no clock, no reply texts.
    mine = selectors.requests_mine(user).select_related(None)
    return list(mine.only("number", "description", "status")[:5])


@register.filter
def may_request(user) -> bool:
    """Offer 依申请公开 to whoever can apply, and to visitors (the form asks them to sign in)."""
    return not getattr(user, "is_authenticated", False) or permissions.can_apply(user)

"""Template tags for the portal's gathering pages (home, my account, workbench) and badges."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from petitions.models import Complaint, Message
from petitions.permissions import complaints as complaint_permissions
from petitions.permissions.moderation import can_moderate
from petitions.permissions.monitors import can_view_monitors
from petitions.selectors import complaints as complaint_selectors
from petitions.services import moderation

register = template.Library()

STATUS_STYLE = {
    Complaint.Status.AWAITING_INSTRUCTION: "warning",
    Complaint.Status.REGISTERED: "warning",
    Complaint.Status.DISPATCHED: "info",
    Complaint.Status.HANDLING: "primary",
    Complaint.Status.REHANDLING: "danger",
    Complaint.Status.REPLIED: "success",
    Complaint.Status.CLOSED: "secondary",
}


@register.filter
def redact(text: str) -> str:
    """Mask ID numbers, mobiles and e-mail addresses in text shown to the public."""
    return moderation.redact(text)


@register.simple_tag
def complaint_status(complaint) -> str:
    """The status as a badge (a tag, not an included template: it is shown on every row)."""
    return format_html(
        '<span class="badge text-bg-{}">{}</span>',
        STATUS_STYLE.get(complaint.status, "light"),
        complaint.get_status_display(),
    )


@register.simple_tag
def petitions_home():
    """The latest public replies and this year's figures, for the home page section."""
    _rows, total, computed_at = complaint_selectors.figures_stored(year=timezone.localdate().year)
    return {
        "latest": list(complaint_selectors.public_board()[:5]),
        "total": total,
        "computed_at": computed_at,
    }


@register.simple_tag
def petitions_account(user):
    return list(complaint_selectors.complaints_of_account(user)[:5])


@register.simple_tag
def petitions_workbench(user):
    """The queues this member of staff works on, each limited to the first rows."""
    if not user.is_authenticated or user.kind != "staff":
        return None
    return {
        "dispatch": list(complaint_selectors.dispatch_queue(user)[:10]),
        "visits": list(complaint_selectors.return_visit_queue(user)[:10]),
        "instructions": list(complaint_selectors.instruction_queue(user)[:10]),
        "department": list(complaint_selectors.department_queue(user)[:10]),
        "reviews": list(complaint_selectors.pending_reviews(user)[:10]),
        "is_office": complaint_permissions.can_dispatch(user),
        "can_moderate": can_moderate(user),
        "can_view_monitors": can_view_monitors(user),
    }


@register.simple_tag
def message_categories():
    """The categories of messages, for the office's "convert to a message" form."""
    return Message.Category.choices

"""Template tags for the portal's gathering pages (home, my account, workbench) and badges."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from petitions.models import Complaint, Message
from petitions.permissions import complaints as complaint_permissions
from petitions.permissions.moderation import can_moderate
from petitions.permissions.monitors import can_view_monitors
from petitions.selectors import complaints as complaint_selectors
from petitions.selectors import complaints_public as public_complaints
from petitions.services import moderation
from portal.badges import status_badge
from supervision.templatetags.supervision_tags import clock_light

register = template.Library()

STATUS_STYLE = {
    Complaint.Status.AWAITING_INSTRUCTION: "text-bg-warning",
    Complaint.Status.REGISTERED: "text-bg-warning",
    Complaint.Status.DISPATCHED: "text-bg-info",
    Complaint.Status.HANDLING: "text-bg-primary",
    Complaint.Status.REHANDLING: "text-bg-danger",
    Complaint.Status.REPLIED: "text-bg-success",
    Complaint.Status.CLOSED: "text-bg-secondary",
}


@register.filter
def redact(text: str) -> str:
    """Mask ID numbers, mobiles and e-mail addresses in text shown to the public."""
    return moderation.redact(text)


@register.simple_tag
def complaint_status(complaint) -> str:
    """The status as a badge (a tag, not an included template: it is shown on every row)."""
    return status_badge(complaint, STATUS_STYLE, "text-bg-light")


@register.simple_tag
def staff_list_row(complaint, detail_prefix: str) -> str:
    """One row of the staff list (诉求办理), built in one call: through template lookups a row
    cost some 700 Python calls, and the hotline office's page shows 30.

    The status and the light show twice: in their columns, and under the title on a phone.
    """
    badge = complaint_status(complaint)
    light = clock_light(complaint.clock) if complaint.is_open else ""
    protected = (
        format_html(
            ' <i class="bi bi-shield-lock" title="{}" aria-hidden="true"></i>'
            '<span class="visually-hidden">{}</span>',
            _("举报人保护"),
            _("（举报人保护）"),
        )
        if complaint.is_protected
        else ""
    )
    return format_html(
        '<tr><td class="font-monospace text-nowrap"><a href="{}{}/">{}</a></td>'
        '<td>{}{}<div class="d-sm-none small">{} {}</div></td>'
        '<td class="d-none d-md-table-cell">{}</td>'
        '<td class="d-none d-sm-table-cell">{}</td>'
        '<td class="d-none d-sm-table-cell">{}</td>'
        '<td class="d-none d-md-table-cell text-nowrap">{}</td>'
        '<td class="d-none d-lg-table-cell text-nowrap">{}</td></tr>',
        detail_prefix,
        complaint.number,
        complaint.number,
        complaint.title,
        protected,
        badge,
        light,
        complaint.category.label,
        complaint.department.name if complaint.department else "—",
        badge,
        light,
        # `|date:"Y-m-d H:i"` without its format parser.
        timezone.localtime(complaint.registered_at).strftime("%Y-%m-%d %H:%M"),
    )


@register.simple_tag
def petitions_home():
    """The latest public replies and this year's figures, for the home page section."""
    _rows, total, computed_at = public_complaints.figures_stored(year=timezone.localdate().year)
    return {
        "latest": public_complaints.latest_on_board(),
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
        "dispatch": complaint_selectors.card_rows(complaint_selectors.dispatch_queue(user)),
        "visits": complaint_selectors.card_rows(complaint_selectors.return_visit_queue(user)),
        "instructions": complaint_selectors.card_rows(complaint_selectors.instruction_queue(user)),
        "department": complaint_selectors.card_rows(complaint_selectors.department_queue(user)),
        "reviews": list(complaint_selectors.pending_reviews(user)[:10]),
        "is_office": complaint_permissions.can_dispatch(user),
        "can_moderate": can_moderate(user),
        "can_view_monitors": can_view_monitors(user),
    }


@register.simple_tag
def message_categories():
    """The categories of messages, for the office's "convert to a message" form."""
    return Message.Category.choices

"""Template tags of the approvals pillar: the process flow chart, badges, the workbench card."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from approvals.forms.applying import EXTRA_LABELS
from approvals.models import Case
from approvals.selectors import applying as applying_selectors
from approvals.selectors import handling as handling_selectors
from approvals.selectors import processes as process_selectors
from approvals.services.handling import legal
from portal import workdays
from portal.badges import status_badge
from portal.holidays import deadline_text
from supervision.templatetags.supervision_tags import clock_light

register = template.Library()

RISK_STYLE = {1: "danger", 2: "warning", 3: "info"}
LIGHT_LABELS = {
    "green": gettext_lazy("正常"),
    "yellow": gettext_lazy("即将到期"),
    "red": gettext_lazy("已超期"),
}
STATUS_STYLE = {
    Case.Status.DRAFT: "text-bg-light border",
    Case.Status.SUBMITTED: "text-bg-warning",
    Case.Status.AWAITING_MATERIALS: "text-bg-warning",
    Case.Status.IN_PROGRESS: "text-bg-primary",
    Case.Status.PAUSED: "text-bg-info",
    Case.Status.DECIDED: "text-bg-success",
    Case.Status.FINISHED: "text-bg-success",
}


@register.inclusion_tag("approvals/_partials/process_chart.html")
def process_chart(item) -> dict:
    """The item's process in force as boxes and arrows; nothing when it has none."""
    process = process_selectors.active_process(item)
    rows = process_selectors.process_steps(process) if process else []
    return {
        "process": process,
        "steps": [
            {
                "step": row.step,
                "departments": row.departments,
                "joint": row.joint,
                "risk_style": RISK_STYLE.get(row.step.risk_level, ""),
            }
            for row in rows
        ],
        "joint": any(row.joint for row in rows),
    }


@register.simple_tag
def case_status(case) -> str:
    """The case's status as a badge (a simple tag: the queue shows one per row)."""
    return status_badge(case, STATUS_STYLE, "text-bg-secondary")


# One row of the clerk queue; the header and the empty row stay in the template.
QUEUE_ROW = (
    '<tr><td class="font-monospace small"><a href="{}{}/">{}</a></td><td>{}'
    '<div class="small text-body-secondary">{}<span class="d-sm-none"> {}</span></div></td>'
    '<td class="d-none d-md-table-cell">{}</td><td class="d-none d-sm-table-cell">{}</td>'
    '<td class="text-nowrap">{}</td><td class="d-none d-lg-table-cell text-nowrap">{}</td></tr>'
)


def queue_rows(rows, case_url: str) -> list:
    """Give each queue row its HTML (`row.html`), built in Python once per page: through
    template lookups thirty rows cost more than the query (see docs/PERFORMANCE.md).
    `case_url` is the case page's URL without the primary key."""
    lights = {light: str(label) for light, label in LIGHT_LABELS.items()}
    due_label = _("期限至")
    none = mark_safe('<span class="text-body-secondary">—</span>')
    for row in rows:
        badge = case_status(row)
        if row.my_light in lights:
            light = format_html(
                '<span class="light light-{}" title="{} {}">{}</span>',
                row.my_light,
                due_label,
                f"{timezone.localtime(row.my_due):%Y-%m-%d}",
                lights[row.my_light],
            )
        else:
            light = none
        submitted = (
            f"{timezone.localtime(row.submitted_at):%Y-%m-%d %H:%M}" if row.submitted_at else ""
        )
        step = row.current_step.label if row.current_step else ""
        row.html = format_html(
            QUEUE_ROW,
            case_url,
            row.pk,
            row.number,
            row.item.name,
            step,
            badge,
            row.applicant_name,
            badge,
            light,
            submitted,
        )
    return rows


@register.simple_tag
def approvals_account(user) -> dict[str, int]:
    """My account's figures: cases applied for, and filed as a village agent (one query)."""
    return applying_selectors.case_counts_of_user(user)


@register.simple_tag
def approvals_workbench(user):
    """The workbench card's figures, or None for users with no approvals work."""
    return handling_selectors.workbench(user)


@register.filter
def risk_style(level) -> str:
    return RISK_STYLE.get(level, "")


@register.simple_tag
def case_limits(case) -> str:
    """The promise the case clock runs on, and beside it the legal limit (the hard ceiling)."""
    clock = case.clock
    if clock is None or case.legal_limit_workdays is None:
        return ""
    promise = format_html(
        '<span class="me-3">{}：{}</span>',
        _("承诺办结时限"),
        _("%(days)s 个工作日") % {"days": clock.total},
    )
    legal_days = _("%(days)s 个工作日") % {"days": case.legal_limit_workdays + clock.extension}
    due = legal.legal_due_at(case) if clock.is_open else None
    if due is not None:
        provisional = workdays.is_provisional(
            timezone.localtime(clock.started_at).date(), timezone.localtime(due).date()
        )
        legal_days = format_html(
            "{}（{}）",
            legal_days,
            _("至 %(date)s") % {"date": deadline_text(due, provisional=provisional)},
        )
    return format_html(
        '{}<span class="text-danger-emphasis">{}：{}</span>', promise, _("法定办结时限"), legal_days
    )


@register.filter
def form_data_rows(form_data: dict) -> list[tuple[str, object]]:
    """The application's answers under the labels of the form that asked (older keys as kept)."""
    return [(EXTRA_LABELS.get(key, key), value) for key, value in (form_data or {}).items()]


@register.simple_tag
def case_light(case: Case, clock) -> str:
    """The case's light. The decision stops the clock, but the case is 办结 only once delivered:
    按时办结 / 超期办结 wait for the finished case."""
    if clock is None or (clock.state == "stopped" and case.status != Case.Status.FINISHED):
        return ""
    return clock_light(clock)


@register.filter
def uploaded_as(materials, name: str) -> list:
    """The uploaded files filed under one catalogue material, for the box that marks it missing."""
    return [material for material in materials if material.name == name]


@register.simple_tag
def staff_timeline(events) -> str:
    """The items of the clerk's case timeline, built in one call: through template lookups each
    event cost some 600 Python calls."""
    system = _("系统")
    return mark_safe(
        "".join(
            format_html(
                '<li class="mb-2"><span class="fw-semibold">{}</span> · {} · {}{}</li>',
                event.get_code_display(),
                f"{timezone.localtime(event.created_at):%Y-%m-%d %H:%M}",
                event.actor.display_name if event.actor else system,
                format_html('<div class="text-break">{}</div>', linebreaksbr(event.note))
                if event.note
                else "",
            )
            for event in events
        )
    )

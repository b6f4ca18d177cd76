from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.badges import built

register = template.Library()

# The words of each light, translated only for the one shown.
LIGHT_WORDS = {
    "green": gettext_lazy("正常"),
    "yellow": gettext_lazy("即将到期"),
    "red": gettext_lazy("已超期"),
}


def provisional_mark(clock) -> str:
    """The caveat beside an open deadline computed over a year the State Council has not
    announced (日历待确认): every page that shows a deadline shows it through here."""
    if clock is None or not clock.provisional or clock.state == "stopped":
        return ""
    return built(
        ("clock:provisional",),
        lambda: format_html(
            ' <span class="badge text-bg-warning" title="{note}">{mark}'
            '<span class="visually-hidden">{note}</span></span>',
            mark=_("期限暂定"),
            note=_("以国务院公布的节假日安排为准"),
        ),
    )


@register.simple_tag
def clock_due(clock, fmt: str = "Y-m-d") -> str:
    """A deadline's due date, with the provisional caveat when it applies."""
    if clock is None:
        return ""
    return format_html(
        "{}{}", template.defaultfilters.date(clock.due_at, fmt), provisional_mark(clock)
    )


@register.simple_tag
def clock_light(clock) -> str:
    """A deadline's light as a badge: colour and words, never colour alone."""
    if clock is None:
        return ""
    if clock.state == "stopped":
        return built(("clock:stopped", bool(clock.on_time)), lambda: _stopped_badge(clock.on_time))
    if clock.state == "paused":
        return built(
            ("clock:paused",),
            lambda: format_html('<span class="light text-secondary">{}</span>', _("暂停计时")),
        )
    # Lists show a light on every row: only the date is formatted per row, into markup built
    # once per light and language (`|date:"Y-m-d"`'s work, without its format parser).
    running = built(("clock:running", clock.light), lambda: _running_badge(clock.light))
    due = timezone.localtime(clock.due_at).strftime("%Y-%m-%d")
    return mark_safe(running.replace(DUE_SLOT, due) + provisional_mark(clock))


# Where a running light's markup takes its date: no translation contains it.
DUE_SLOT = "\0due\0"


def _running_badge(light: str) -> str:
    return format_html(
        '<span class="light light-{}" title="{}">{}</span>',
        light,
        _("期限至 %(due)s") % {"due": DUE_SLOT},
        LIGHT_WORDS.get(light, light),
    )


def _stopped_badge(on_time: bool) -> str:
    return format_html(
        '<span class="light light-{}">{}</span>',
        "green" if on_time else "red",
        _("按时办结") if on_time else _("超期办结"),
    )


@register.filter
def kind_label(code: str, namespace: str) -> str:
    """A clock kind, alert kind or notice level as words: `{{ clock.kind|kind_label:"clock" }}`."""
    from supervision.labels import label

    return label(namespace, code)


@register.inclusion_tag("supervision/_card.html", takes_context=True)
def supervision_card(context) -> dict:
    """The workbench card for inspectors, leaders and department heads; nothing for others."""
    from django.db.models import Q, Sum
    from django.db.models.functions import Coalesce

    from supervision import permissions
    from supervision.models import Alert, Clock, NoticeDay, OpenClockCount
    from supervision.selectors.dashboard import unanswered_notices

    user = context["request"].user
    if not permissions.can_view_dashboard(user):
        return {"show": False}
    running = Q(state=Clock.State.RUNNING)
    lights = permissions.summaries_visible_to(user, OpenClockCount).aggregate(
        yellow=Coalesce(Sum("n", filter=running & Q(light=Clock.Light.YELLOW)), 0),
        red=Coalesce(Sum("n", filter=running & Q(light=Clock.Light.RED)), 0),
    )
    return {
        "show": True,
        **lights,
        "unanswered": unanswered_notices(permissions.summaries_visible_to(user, NoticeDay))[
            "unanswered"
        ],
        "alerts": permissions.alerts_visible_to(user).exclude(status=Alert.Status.CLOSED).count(),
    }


@register.simple_tag(takes_context=True)
def supervision_nav_link(context) -> str:
    from django.urls import reverse

    from supervision import permissions

    if not permissions.can_view_dashboard(context["request"].user):
        return ""
    return format_html(
        '<li class="nav-item"><a class="nav-link" href="{}">{}</a></li>',
        reverse("supervision:dashboard"),
        _("电子监察"),
    )


@register.filter
def sees_all_supervision(user) -> bool:
    """Whether `user` sees every department's supervision figures (inspectors, leaders)."""
    from supervision import permissions

    return permissions.sees_everything(user)


# The dashboard renders its filter fields and table rows here, in one pass each: crispy's
# templates and per-cell template lookups were most of the page's work (issue 21).
@register.simple_tag
def department_lights_row(row: dict, clocks_url: str) -> str:
    """A department's open clocks by light, each count linking to the drill-down list."""
    url = f"{escape(clocks_url)}?light={{}}&amp;department={row['department_id']:d}"
    red = ' class="fw-bold text-danger"' if row["red"] else ' class=""'
    cells = "".join(
        f'<td class="text-end"><a{red if light == "red" else ""} href="{url.format(light)}">'
        f"{row[light]:d}</a></td>"
        for light in ("green", "yellow", "red", "paused")
    )
    name = escape(row["department__name"])
    return mark_safe(f'<tr><th scope="row" class="fw-normal">{name}</th>{cells}</tr>')


@register.simple_tag
def ranking_item(row: dict) -> str:
    """A department's on-time rate in the ranking."""
    return mark_safe(
        '<li class="list-group-item d-flex justify-content-between"><span class="ms-2 me-auto">'
        f'{escape(row["department__name"])}</span><span>{row["rate"]}% <small class="text-muted">'
        f"({row['on_time']:d}/{row['done']:d})</small></span></li>"
    )

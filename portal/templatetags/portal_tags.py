"""Template tags of the portal shell."""

from functools import cache

from django import template
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from portal import identity, shell

register = template.Library()


@cache
def _section_templates(name: str) -> list:
    found = []
    for app in settings.PORTAL_PILLARS:
        try:
            found.append(get_template(f"{app}/_sections/{name}.html"))
        except TemplateDoesNotExist:
            continue
    return found


@cache
def _section_fingerprint(name: str) -> str:
    return shell.fingerprint(_section_templates(name))


@register.simple_tag(takes_context=True)
def pillar_sections(context, name: str) -> str:
    """Render each pillar's `<app>/_sections/<name>.html`, in pillar order.

    Pages that gather several pillars (home, my account, the workbench, the navigation) use
    this, so the portal shell imports no pillar and shows each one as soon as it exists.
    """
    flat = context.flatten()
    request = context.get("request")
    # Each section is a template that escaped its own output.
    return mark_safe("".join(section.render(flat, request) for section in _section_templates(name)))


@register.simple_tag(takes_context=True)
def shared_pillar_sections(context, name: str) -> str:
    """`pillar_sections` for sections that are the same for every visitor: cached per language.

    Such a section reads nothing of the user or the request (portal/shell.py).
    """
    return mark_safe(
        shell.cached_section(
            name, _section_fingerprint(name), lambda: pillar_sections(context, name)
        )
    )


@register.filter
def masked_id(value: str) -> str:
    return identity.mask_resident_id(value or "")


@register.filter
def masked_mobile(value: str) -> str:
    return identity.mask_mobile(value or "")


@register.simple_tag
def calendar_warning() -> list[int]:
    """The years (this and next) the official calendar lacks, for the admin banner."""
    import datetime

    from django.utils import timezone

    from portal import workdays

    return workdays.missing_years(datetime.date(timezone.localdate().year + 1, 12, 31))

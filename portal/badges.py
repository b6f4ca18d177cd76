"""Status badges (状态标识): a record's status as a Bootstrap badge, which lists show on every row.

A badge depends only on the model, the status and the reader's language, so each is built once
per process: translating the label and formatting the markup on every row of every page cost
more than the rest of the row.
"""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import get_language

_BUILT: dict[tuple[str, str, str], str] = {}


def status_badge(record: models.Model, styles: dict[str, str], default: str) -> str:
    """`record.status` as `<span class="badge {style}">{label}</span>`, the style from `styles`
    (or `default`). `styles` is the model's one style map: a badge once built is kept."""
    key = (record._meta.label, get_language(), record.status)
    badge = _BUILT.get(key)
    if badge is None:
        badge = _BUILT[key] = format_html(
            '<span class="badge {}">{}</span>',
            styles.get(record.status, default),
            record.get_status_display(),
        )
    return badge

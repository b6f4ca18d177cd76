"""Badges (状态标识) that lists show on every row: a record's status, a deadline's light.

A badge's markup depends only on a few fixed values and the reader's language, so each is built
once per process (`built`): translating the words and escaping the markup on every row of every
page cost more than the rest of the row.
"""

from collections.abc import Callable, Hashable

from django.db import models
from django.utils.html import format_html
from django.utils.translation import get_language

_BUILT: dict[tuple, str] = {}


def built(key: tuple[Hashable, ...], build: Callable[[], str]) -> str:
    """The markup `build()` makes for `key` in the reader's language, made once per process.

    `key` names everything the markup depends on but the language; translations change only
    with a release, which starts new processes.
    """
    key = (get_language(), *key)
    markup = _BUILT.get(key)
    if markup is None:
        markup = _BUILT[key] = build()
    return markup


def status_badge(record: models.Model, styles: dict[str, str], default: str) -> str:
    """`record.status` as `<span class="badge {style}">{label}</span>`, the style from `styles`
    (or `default`). `styles` is the model's one style map: a badge once built is kept."""
    return built(
        (record._meta.label, record.status),
        lambda: format_html(
            '<span class="badge {}">{}</span>',
            styles.get(record.status, default),
            record.get_status_display(),
        ),
    )

"""Texts stored as a code plus parameters and rendered in the reader's language (文本代码).

A message written by the system (an alert's message, an event's note) is stored as a code and
its parameters, never as text frozen in the language of whoever triggered it. Each app registers
its codes with their translatable templates when it is ready (`register_texts` in
`AppConfig.ready`); pages render them with `render_text` at display time. A parameter named in
`translated` holds a Chinese source label (`source_text`) and is translated on display too.
A code nobody registered renders the stored fallback, so rows written before codes stay readable.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext


@dataclass(frozen=True)
class Text:
    template: Promise | str
    translated: tuple[str, ...] = ()


_TEXTS: dict[str, Text] = {}


def register_texts(texts: dict[str, Text | Promise | str]) -> None:
    """Register codes with their templates (`gettext_lazy` strings with %(name)s parameters)."""
    for code, text in texts.items():
        _TEXTS[code] = text if isinstance(text, Text) else Text(text)


def source_text(label: Promise | str) -> str:
    """A translatable label in the source language (Chinese), to be stored as a parameter."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def render_text(code: str, params: dict | None = None, *, fallback: str = "") -> str:
    """The text of `code` with `params` in the active language; `fallback` for an unknown code."""
    text = _TEXTS.get(code) if code else None
    if text is None:
        return fallback
    values = dict(params or {})
    for name in text.translated:
        if isinstance(values.get(name), str):
            values[name] = gettext(values[name])
    try:
        return str(text.template) % values
    except (KeyError, TypeError, ValueError):
        # A template changed since the row was written: show what can be shown.
        return fallback or str(text.template)

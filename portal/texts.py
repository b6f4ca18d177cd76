"""Texts stored as a code plus parameters and rendered in the reader's language (文本代码).

A message written by the system (an alert's message, an event's note) is stored as a code and
its parameters, never as text frozen in the language of whoever triggered it. Each app registers
its codes with their translatable templates when it is ready (`register_texts` in
`AppConfig.ready`); pages render them with `render_text` at display time. A parameter named in
`translated` holds a Chinese source label (`source_text`) and is translated on display too.
A code nobody registered renders the stored fallback, so rows written before codes stay readable.
A parameter may itself be a coded text (`Coded.stored()`): it is rendered the same way.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext


@dataclass(frozen=True)
class Text:
    template: Promise | str
    translated: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coded:
    """A text to store as its code and parameters (`coded`), rendered when it is read."""

    code: str
    params: dict = field(default_factory=dict)

    def stored(self) -> dict:
        """The parameters as stored (JSON): a coded parameter becomes {"code", "params"}."""
        return {
            name: {"code": value.code, "params": value.stored()}
            if isinstance(value, Coded)
            else value
            for name, value in self.params.items()
        }

    def render(self) -> str:
        """The text in the active language; a code nobody registered is a programming error."""
        self.check()
        return render_text(self.code, self.stored())

    def check(self) -> None:
        if self.code not in _TEXTS:
            raise LookupError(f"text code {self.code!r} is not registered")
        for value in self.params.values():
            if isinstance(value, Coded):
                value.check()


def coded(code: str, /, **params) -> Coded:
    """`code` with its parameters; positional, so that a parameter may be called `code` too."""
    return Coded(code, params)


# Data shown as it is in every language (a number and a title, a person's own words).
PLAIN = "portal.plain"


def plain(text: str) -> Coded:
    return Coded(PLAIN, {"text": text})


_TEXTS: dict[str, Text] = {PLAIN: Text("%(text)s")}


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
    for name, value in values.items():
        if isinstance(value, dict) and "code" in value:
            values[name] = render_text(value["code"], value.get("params"))
    for name in text.translated:
        if isinstance(values.get(name), str):
            values[name] = gettext(values[name])
    try:
        return str(text.template) % values
    except (KeyError, TypeError, ValueError):
        # A template changed since the row was written: show what can be shown.
        return fallback or str(text.template)

"""What the hostile-input crawl sends: the forms of a page read from its HTML, the query
parameters its view reads (noted while it answers), and hypothesis strategies of values no
honest browser sends."""

import datetime
from dataclasses import dataclass, field
from html.parser import HTMLParser
from unittest import mock
from urllib.parse import urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from hypothesis import strategies as st

from portal.input_guard import has_control
from tests.uploads import pdf_file, png_file


@dataclass
class Form:
    """One HTML form: where it goes and, per field, the values a browser could send."""

    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    buttons: dict[str, list[str]] = field(default_factory=dict)


class FormParser(HTMLParser):
    """Collect the forms of a page with each field's offered values (options, defaults)."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = Form(
                method=(attrs.get("method") or "get").lower(),
                action=urljoin(self.url, attrs.get("action") or self.url),
            )
            self.forms.append(self.current)
            return
        if tag == "option" and self.current is not None and self.select:
            self.current.fields[self.select].append(attrs.get("value") or "")
            return
        name = attrs.get("name")
        if self.current is None or not name:
            return
        fields = self.current.fields
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind == "file":
                self.current.files.append(name)
            elif kind in ("submit", "image"):
                self.current.buttons.setdefault(name, []).append(attrs.get("value") or "")
            elif kind in ("checkbox", "radio"):
                fields.setdefault(name, []).append(attrs.get("value") or "on")
            else:
                fields.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "button":
            self.current.buttons.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select":
            self.select = name
            fields.setdefault(name, [])
        elif tag == "textarea":
            self.textarea = name
            fields.setdefault(name, [""])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.current is not None and self.textarea and data.strip():
            self.current.fields[self.textarea] = [data]


def forms_of(url: str, html: str) -> list[Form]:
    """The same-site forms of a page."""
    parser = FormParser(url)
    parser.feed(html)
    return [form for form in parser.forms if urlsplit(form.action).netloc in ("", "testserver")]


# --- Values ------------------------------------------------------------------------------------

# Each one has broken a web application somewhere: control characters, digits int() reads
# differently from str.isdigit(), numbers past any column, dates at the ends of the calendar.
NASTY = [
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\t",
    "\r\n",
    "\x7f",
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "9" * 30,
    str(2**63),
    "²",
    "١٢",
    "１２",
    "0001-01-01",
    "9999-12-31",
    "9999-12",
    "2026-02-30",
    "2026-13",
    "0000-00-00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "\\",
    "😀" * 3,
    "\u202e\u200b",
    "x" * 499,
    "x" * 501,
    "测" * 2001,
]


# What the input guard lets through to the views: the values that must not crash them.
PASSING = [value for value in NASTY if not has_control(value) and len(value) <= 500]


def passing_values() -> st.SearchStrategy[str]:
    """Hostile values without control characters: the views and forms get them."""
    return st.one_of(
        st.sampled_from(PASSING),
        st.text(st.characters(codec="utf-8", exclude_categories=["Cc"]), max_size=40),
        st.integers().map(str),
        st.dates().map(datetime.date.isoformat),
        st.dates().map(lambda day: f"{day.year:04d}-{day.month:02d}"),
    )


def guarded_values() -> st.SearchStrategy[str]:
    """Values the input guard refuses: a control character, or a query value past its limit."""
    return st.one_of(
        st.sampled_from([value for value in NASTY if value not in PASSING]),
        st.text(min_size=1, max_size=10).map(lambda text: text + "\x00"),
    )


def hostile_names() -> st.SearchStrategy[str]:
    """Upload names with control characters and odd parts (a client always sends a base name)."""
    return st.one_of(
        st.sampled_from(["a\x00.pdf", "..\\..\\x.png", "测试.pdf", "x" * 300 + ".png"]),
        st.text(max_size=20).map(lambda text: text.replace("/", "_") + ".pdf"),
    )


@st.composite
def query_of(draw, names: list[str]) -> dict[str, str]:
    """Every parameter the view reads with a hostile value; now and then one the guard refuses."""
    query = {name: draw(passing_values()) for name in names}
    if draw(st.integers(0, 3)) == 0:
        query[draw(st.sampled_from(names)) if names else "q"] = draw(guarded_values())
    return query


@st.composite
def submission_of(draw, form: Form) -> dict:
    """A form filled in: each field kept as offered or given a hostile value, now and then one
    the guard refuses, and a file with a hostile name."""
    data = {}
    for name, offered in form.fields.items():
        if name == "csrfmiddlewaretoken":
            data[name] = offered[0]
        elif offered and draw(st.booleans()):
            data[name] = draw(st.sampled_from(offered))
        else:
            data[name] = draw(passing_values())
    editable = [name for name in form.fields if name != "csrfmiddlewaretoken"]
    if editable and draw(st.integers(0, 3)) == 0:
        data[draw(st.sampled_from(editable))] = draw(guarded_values())
    for name, values in form.buttons.items():
        data[name] = draw(st.sampled_from(values))
    for name in form.files:
        content = draw(st.sampled_from([b"", b"\x00" * 64, png_file((2, 2)), pdf_file()]))
        data[name] = SimpleUploadedFile(draw(hostile_names()), content)
    return data


class RecordingQueryDict(QueryDict):
    """A request's GET that notes every name a view or a form asks it for."""

    asked: set[str] = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.asked.add(key)
        return super().getlist(key, default)


def get_noting_query_names(client, url: str):
    """GET `url` and return the response with the query names the view read."""
    RecordingQueryDict.asked = set()
    with mock.patch("django.core.handlers.wsgi.QueryDict", RecordingQueryDict):
        response = client.get(url)
    return response, RecordingQueryDict.asked

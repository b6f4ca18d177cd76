"""The English catalogue (locale/en/LC_MESSAGES/django.po) read as entries, with no dependency."""

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

PO_FILE = Path(settings.BASE_DIR, "locale", "en", "LC_MESSAGES", "django.po")
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')
HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class Entry:
    context: str = ""
    msgid: str = ""
    msgid_plural: str = ""
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False


def entries() -> list[Entry]:
    """Every entry but the header, in file order."""
    found, current, key, fuzzy = [], None, None, False
    for line in PO_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        match = KEYWORD.match(line)
        if match:
            key, text = match.group(1), ast.literal_eval(match.group(2))
            if key in ("msgctxt", "msgid") and (current is None or current.msgstrs):
                current = Entry(fuzzy=fuzzy)
                found.append(current)
                fuzzy = False
            _append(current, key, text)
        elif line.startswith('"') and current is not None:
            _append(current, key, ast.literal_eval(line))
    return [entry for entry in found if entry.msgid]


def _append(entry: Entry, key: str, text: str) -> None:
    if key == "msgctxt":
        entry.context += text
    elif key == "msgid":
        entry.msgid += text
    elif key == "msgid_plural":
        entry.msgid_plural += text
    else:
        index = int(key[7:-1]) if key.startswith("msgstr[") else 0
        while len(entry.msgstrs) <= index:
            entry.msgstrs.append("")
        entry.msgstrs[index] += text


@functools.cache
def chinese_in_english() -> frozenset[str]:
    """The Chinese an English translation quotes on purpose (what a file must contain)."""
    return frozenset(
        run for entry in entries() for text in entry.msgstrs for run in HAN.findall(text)
    )

"""English that stays English, checked in the sources: the catalogue, the templates, the code.

The page walk (test_english_walk.py) sees what the data set reaches; these checks see every
branch: no template writes Chinese outside a translation tag, no module translates a text when
it is imported (which would freeze it in the language of whoever loaded the code first), and the
English catalogue is complete, compiled and free of full-width punctuation.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.catalogue import MO_FILE, chinese_in_english, entries

BASE = Path(settings.BASE_DIR)
PILLARS = ("portal", "approvals", "disclosure", "petitions", "evaluation", "supervision")
FULL_WIDTH = re.compile(r"[：（），。；！？、【】《》\u3000]")
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
# What a template may hold without translation: its translation tags and blocks, comments, and
# the literal arguments of _("…") in filters (translated too).
TRANSLATED = re.compile(
    r'_\("[^"]*"\)'
    r"|\{%\s*translate\s.*?%\}"
    r"|\{%\s*blocktranslate.*?%\}.*?\{%\s*endblocktranslate\s*%\}"
    r"|\{#.*?#\}"
    r"|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}",
    re.S,
)
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def test_no_english_translation_holds_full_width_punctuation():
    wrong = [
        (entry.msgid, text)
        for entry in entries()
        for text in entry.msgstrs
        if FULL_WIDTH.search(text)
    ]
    assert wrong == []


def test_every_text_has_an_english_translation():
    missing = [entry.msgid for entry in entries() if entry.fuzzy or not all(entry.msgstrs)]
    assert missing == []


def test_the_compiled_catalogue_is_the_po_file():
    with MO_FILE.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    stale = []
    for entry in entries():
        key = f"{entry.context}\x04{entry.msgid}" if entry.context else entry.msgid
        if entry.msgid_plural:
            if [catalogue.get((key, n)) for n in range(len(entry.msgstrs))] != entry.msgstrs:
                stale.append(entry.msgid)
        elif catalogue.get(key) != entry.msgstrs[0]:
            stale.append(entry.msgid)
    assert stale == []


def test_english_quotes_chinese_only_for_what_a_file_or_search_must_contain():
    # 男/女 and 行政许可 are values the import spreadsheets hold; 食品经营许可 and the synonyms
    # 户口 户籍 户口簿 are search examples in the language of the content searched.
    assert chinese_in_english() == {
        "男",
        "女",
        "行政许可",
        "食品经营许可",
        "户口",
        "户籍",
        "户口簿",
    }


def test_no_template_writes_chinese_outside_a_translation():
    found = {}
    for path in sorted((BASE / "templates").rglob("*.html")):
        runs = CHINESE.findall(TRANSLATED.sub("", path.read_text(encoding="utf-8")))
        if runs:
            found[str(path.relative_to(BASE))] = runs
    assert found == {}


def _eager_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }


def _import_time_calls(node: ast.AST, names: set[str]) -> list[int]:
    """Lines of calls to `names` run when the module is imported (outside function bodies)."""
    lines = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # Decorators and default values are evaluated at import; the body is not.
            evaluated = [*getattr(child, "decorator_list", []), *child.args.defaults]
            evaluated += [default for default in child.args.kw_defaults if default]
            lines += [
                call.lineno
                for expression in evaluated
                for call in ast.walk(expression)
                if isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id in names
            ]
            continue
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Name)
            and child.func.id in names
        ):
            lines.append(child.lineno)
        lines += _import_time_calls(child, names)
    return lines


def test_no_module_translates_a_text_when_it_is_imported():
    found = []
    for pillar in PILLARS:
        for path in sorted((BASE / pillar).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = _eager_names(tree)
            found += [
                f"{path.relative_to(BASE)}:{line}" for line in _import_time_calls(tree, names)
            ]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_language_menu_names_each_language_in_its_own_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    body = client.get(reverse("portal:home")).content.decode()
    assert '<option value="zh-hans"' in body and 'lang="zh-hans">简体中文</option>' in body
    assert 'lang="en">English</option>' in body

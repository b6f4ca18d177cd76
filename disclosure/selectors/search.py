"""Site-wide search (全网信息检索): how text is cut into words, the query, highlighting.

Chinese has no spaces, so text is segmented with jieba (`cut_for_search`, which also emits the
shorter words inside long ones). On PostgreSQL the tokens go into a tsvector with a GIN index and
a query matches every word of the question, each either whole or as all of its shorter words;
when nothing matches, titles close to the question by trigram similarity are shown (typos). SQLite has neither: there each
word of the question must appear in the title, the excerpt or the tokens. The index is written by
`services/search.py`; pages built from it are cached under its generation.
"""

import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from disclosure.models import SearchEntry
from portal.models import Department

logger = logging.getLogger(__name__)

EXCERPT_CHARS = 300
MAX_RESULTS = 1000
GENERATION_KEY = "disclosure:index:generation"
# Pages built from the index are cached under its generation, which every index write bumps;
# the time limit only bounds how long a worker with a stale generation could serve old results.
PAGE_CACHE_SECONDS = 60
QUERY_MAX_CHARS = 50
_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
_jieba = None
_jieba_lock = threading.Lock()


def segmenter():
    """Load jieba once per process, quietly (its dictionary takes about half a second)."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return _jieba


def warm_up() -> None:
    """Load the dictionary in the background so that the first search does not wait for it."""
    threading.Thread(target=segmenter, name="jieba-warm-up", daemon=True).start()


def _clean(words) -> list[str]:
    return [w.strip().lower() for w in words if w.strip() and not _PUNCTUATION.fullmatch(w)]


def segment(text: str) -> list[str]:
    """Search-mode tokens of `text`: every word plus the shorter words inside long ones."""
    return _clean(segmenter().cut_for_search(text or ""))


def query_words(text: str) -> list[str]:
    """The words of a question, in precise mode, without duplicates."""
    seen: dict[str, None] = {}
    for word in _clean(segmenter().cut(text or "")):
        seen.setdefault(word, None)
    return list(seen)


# --- Generation: what cached pages are keyed on ----------------------------------------------


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
    return value


def cache_key(prefix: str, *parts) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"disclosure:{prefix}:{generation()}:{digest}"


# --- The query ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    text: str
    words: list[str]

    @property
    def terms(self) -> list[str]:
        """What to highlight: the whole question and each of its words, longest first."""
        return sorted({self.text, *self.words} - {""}, key=len, reverse=True)


def parse(text: str) -> Question:
    text = " ".join((text or "").split())[:QUERY_MAX_CHARS]
    return Question(text=text, words=query_words(text) if text else [])


def _tsquery(words: list[str]) -> SearchQuery:
    """Every word must match, whole or as all of the shorter words jieba finds inside it."""
    query = None
    for word in words:
        part = SearchQuery(word, search_type="plain", config="simple")
        inner = [w for w in segment(word) if w != word]
        if inner:
            sub = None
            for w in inner:
                piece = SearchQuery(w, search_type="plain", config="simple")
                sub = piece if sub is None else sub & piece
            part = part | sub
        query = part if query is None else query & part
    return query


def _entries(kind: str, department_id: int | None) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    if kind:
        entries = entries.filter(kind=kind)
    if department_id:
        entries = entries.filter(department_id=department_id)
    return entries


def search(
    question: Question, *, kind: str = "", department_id: int | None = None
) -> QuerySet[SearchEntry]:
    """Entries matching every word of the question, best first; empty for an empty question."""
    entries = _entries(kind, department_id)
    if not question.words:
        return entries.none()
    if connection.vendor == "postgresql":
        tsquery = _tsquery(question.words)
        return (
            entries.filter(search_vector=tsquery)
            .annotate(score=SearchRank(F("search_vector"), tsquery))
            .order_by("is_withdrawn", "-score", "-published_at", "-id")
        )
    match = Q()
    for word in question.words:
        match &= Q(title__icontains=word) | Q(body__icontains=word) | Q(tokens__icontains=word)
    return entries.filter(match).order_by("is_withdrawn", "-published_at", "-id")


def fuzzy(
    question: Question, *, kind: str = "", department_id: int | None = None
) -> QuerySet[SearchEntry]:
    """Titles close to the question by trigram similarity (PostgreSQL only): typos, word order."""
    if connection.vendor != "postgresql" or not question.text:
        return SearchEntry.objects.none()
    return (
        _entries(kind, department_id)
        .filter(TrigramSimilar(F("title"), Value(question.text)))
        .annotate(score=TrigramSimilarity("title", question.text))
        .order_by("is_withdrawn", "-score", "-published_at", "-id")
    )


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def search_page(
    question: Question,
    *,
    kind: str = "",
    department_id: int | None = None,
    number=1,
    per_page: int = 20,
) -> Page:
    """One page of results as plain rows, cached under the index generation.

    The full-text match comes first; only when it finds nothing are titles matched by
    similarity (a trigram match over every candidate is the costly part of a search). At most
    MAX_RESULTS are ranked, so no separate COUNT runs; `page.paginator.capped` says so.
    """
    number = _page_number(number)
    key = cache_key("search", question.text, kind, department_id or "", number, per_page)
    found = cache.get(key)
    if found is None:
        ids = list(
            search(question, kind=kind, department_id=department_id).values_list("pk", flat=True)[
                : MAX_RESULTS + 1
            ]
        )
        if not ids:
            ids = list(
                fuzzy(question, kind=kind, department_id=department_id).values_list(
                    "pk", flat=True
                )[: MAX_RESULTS + 1]
            )
        capped = len(ids) > MAX_RESULTS
        page = Paginator(ids[:MAX_RESULTS], per_page).get_page(number)
        entries = SearchEntry.objects.select_related("department").in_bulk(list(page.object_list))
        rows = [
            {
                "kind": e.kind,
                "title": e.title,
                "body": e.body,
                "url": e.url,
                "department": e.department.name if e.department else "",
                "published_at": e.published_at,
                "is_withdrawn": e.is_withdrawn,
            }
            for e in (entries[pk] for pk in page.object_list if pk in entries)
        ]
        found = {
            "count": page.paginator.count,
            "capped": capped,
            "number": page.number,
            "rows": rows,
        }
        cache.set(key, found, PAGE_CACHE_SECONDS)
    paginator = Paginator(range(found["count"]), per_page)
    paginator.capped = found["capped"]
    return Page(found["rows"], found["number"], paginator)


def filter_departments() -> list[tuple[int, str]]:
    """The units to filter by; departments change seldom, so a few minutes' cache is enough."""
    return cache.get_or_set(
        "disclosure:search:departments",
        lambda: list(
            Department.objects.exclude(kind=Department.Kind.VILLAGE)
            .order_by("kind", "name")
            .values_list("pk", "name")
        ),
        300,
    )


def highlighter(terms: list[str]):
    """A function that escapes a text and wraps each occurrence of a term in <mark>."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.I) if terms else None

    def mark(text: str) -> SafeString:
        text = text or ""
        if pattern is None:
            return escape(text)
        out, last = [], 0
        for found in pattern.finditer(text):
            out.append(escape(text[last : found.start()]))
            out.append(f'<mark class="p-0">{escape(found.group(0))}</mark>')
            last = found.end()
        out.append(escape(text[last:]))
        return mark_safe("".join(out))

    return mark


def highlight(text: str, terms: list[str]) -> SafeString:
    return highlighter(terms)(text)


def excerpt(text: str, terms: list[str], width: int = 120) -> str:
    """A window of `text` around the first term found (the whole start when none is)."""
    text = text or ""
    lowered = text.lower()
    positions = [p for p in (lowered.find(t.lower()) for t in terms if t) if p >= 0]
    start = max(0, min(positions) - width // 4) if positions else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")

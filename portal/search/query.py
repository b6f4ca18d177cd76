"""Reading the site-wide search index: the question, matching, ranking, suggestions, highlighting.

A question is cut into words (jieba); each word is widened by its synonyms (`SearchSynonym`), and
every word must match, as itself or as one of its synonyms. On PostgreSQL the match is full text
over the tokens (a word also matches as all of the shorter words jieba finds inside it), then
LIKE over the per-field text, then titles by trigram similarity (typos); SQLite has only LIKE over
the per-field text. Both rank alike: entries whose title matches first, then by the kind's rank
(catalogue items before articles), then the newest. When nothing matches, words from the synonyms
table and single words of the question that do find something are suggested.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchQuery, TrigramSimilarity
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.models import Department
from portal.search.index import KINDS, PAGE_CACHE_SECONDS, cache_key, cached_page, plain
from portal.search.models import SearchEntry, SearchSynonym
from portal.search.words import query_words, segment

MAX_RESULTS = 1000
QUERY_MAX_CHARS = 50
MAX_SUGGESTIONS = 5
# Each candidate suggestion costs one query; a zero-result page checks at most this many.
SUGGESTION_CANDIDATES = 8
RANKING = ("is_withdrawn", "-title_hit", "rank", "-published_at", "-id")


def synonym_map() -> dict[str, list[str]]:
    """{word: its synonyms} from the active groups, cached under the index generation."""

    def build():
        found: dict[str, list[str]] = {}
        for synonym in SearchSynonym.objects.filter(is_active=True):
            words = synonym.word_list()
            for word in words:
                others = found.setdefault(word, [])
                others.extend(w for w in words if w != word and w not in others)
        return found

    return cached_page("synonyms", build)


@dataclass(frozen=True)
class Question:
    text: str
    # Every group must match; a group is a word of the question followed by its synonyms.
    groups: tuple[tuple[str, ...], ...]

    @property
    def terms(self) -> list[str]:
        """What to highlight: the question, its words and their synonyms, longest first."""
        found = {self.text.lower(), *(w for group in self.groups for w in group)} - {""}
        return sorted(found, key=len, reverse=True)


def parse(text: str) -> Question:
    text = plain(text)[:QUERY_MAX_CHARS]
    if not text:
        return Question(text="", groups=())
    synonyms = synonym_map()
    whole = text.lower()
    if whole in synonyms:
        # A synonym typed whole (最低生活保障) is one word, however jieba would cut it.
        return Question(text=text, groups=((whole, *synonyms[whole]),))
    groups = tuple((word, *synonyms.get(word, ())) for word in query_words(text))
    return Question(text=text, groups=groups)


def like_match(groups, column: str) -> Q:
    match = Q()
    for group in groups:
        either = Q()
        for word in group:
            either |= Q(**{f"{column}__icontains": word})
        match &= either
    return match


def _word_query(word: str) -> SearchQuery:
    """A word matches whole or as all of the shorter words jieba finds inside it."""
    query = SearchQuery(word, search_type="plain", config="simple")
    inner = [
        SearchQuery(w, search_type="plain", config="simple") for w in segment(word) if w != word
    ]
    if inner:
        every = inner[0]
        for piece in inner[1:]:
            every &= piece
        query |= every
    return query


def _tsquery(groups) -> SearchQuery:
    """Every group must match, through any of its words."""
    query = None
    for group in groups:
        either = None
        for word in group:
            part = _word_query(word)
            either = part if either is None else either | part
        query = either if query is None else query & either
    return query


def _entries(kind: str, department_id: int | None) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.all()
    if kind:
        entries = entries.filter(kind=kind)
    if department_id:
        entries = entries.filter(department_id=department_id)
    return entries


def _ranked(entries: QuerySet[SearchEntry], question: Question) -> QuerySet[SearchEntry]:
    title_hit = Case(
        When(like_match(question.groups, "title"), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return entries.annotate(title_hit=title_hit).order_by(*RANKING)


def search(
    question: Question, *, kind: str = "", department_id: int | None = None, full_text: bool = True
) -> QuerySet[SearchEntry]:
    """Entries matching every word of the question, best first; empty for an empty question.

    `full_text=False` asks PostgreSQL for the LIKE match SQLite always uses.
    """
    entries = _entries(kind, department_id)
    if not question.groups:
        return entries.none()
    if full_text and connection.vendor == "postgresql":
        entries = entries.filter(search_vector=_tsquery(question.groups))
    else:
        entries = entries.filter(like_match(question.groups, "content"))
    return _ranked(entries, question)


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
        .order_by("is_withdrawn", "-score", "rank", "-published_at", "-id")
    )


def _matching_ids(question: Question, kind: str, department_id: int | None) -> list[int]:
    """The ranked ids of the best match that finds anything (at most MAX_RESULTS + 1)."""
    attempts = [search(question, kind=kind, department_id=department_id)]
    if connection.vendor == "postgresql":
        attempts.append(search(question, kind=kind, department_id=department_id, full_text=False))
        attempts.append(fuzzy(question, kind=kind, department_id=department_id))
    for entries in attempts:
        ids = list(entries.values_list("pk", flat=True)[: MAX_RESULTS + 1])
        if ids:
            return ids
    return []


def matched_field(kind: str, fields: dict[str, str], terms: list[str]) -> tuple[str, str, bool]:
    """(field key, its text, whether a term is in it): the first field that matched, else the first.

    Fields are tried in the order the kind registered them (PostgreSQL's jsonb keeps no order).
    """
    registered = list(KINDS[kind].fields) if kind in KINDS else []
    order = [key for key in registered if key in fields] + sorted(set(fields) - set(registered))
    lowered = [t.lower() for t in terms]
    for key in order:
        if any(term in fields[key].lower() for term in lowered):
            return key, fields[key], True
    if order:
        return order[0], fields[order[0]], False
    return "", "", False


def suggestions(question: Question) -> list[str]:
    """Words that find something when the question found nothing (您是不是要找).

    First the synonyms that share two characters with the question (结婚证 → 结婚登记), then,
    for a question of several words, each word alone.
    """
    whole = question.text.lower()
    pieces = {whole[i : i + 2] for i in range(len(whole) - 1)}
    candidates: dict[str, None] = {}
    for word, others in synonym_map().items():
        if word in whole or any(piece in word for piece in pieces):
            for candidate in (word, *others):
                candidates.setdefault(candidate, None)
    if len(question.groups) > 1:
        for group in question.groups:
            candidates.setdefault(group[0], None)
    # Synonyms of the question itself were searched already.
    for searched in (whole, *(question.groups[0] if len(question.groups) == 1 else ())):
        candidates.pop(searched, None)
    found = []
    for candidate in list(candidates)[:SUGGESTION_CANDIDATES]:
        if search(parse(candidate)).exists():
            found.append(candidate)
        if len(found) == MAX_SUGGESTIONS:
            break
    return found


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

    At most MAX_RESULTS are ranked, so no separate COUNT runs; `page.paginator.capped` says so,
    and `page.suggestions` lists what to try when nothing was found.
    """
    number = _page_number(number)
    key = cache_key("search", question.text, kind, department_id or "", number, per_page)
    found = cache.get(key)
    if found is None:
        ids = _matching_ids(question, kind, department_id)
        page = Paginator(ids[:MAX_RESULTS], per_page).get_page(number)
        entries = SearchEntry.objects.select_related("department").in_bulk(list(page.object_list))
        rows = []
        for entry in (entries[pk] for pk in page.object_list if pk in entries):
            field, text, matched = matched_field(entry.kind, entry.fields, question.terms)
            rows.append(
                {
                    "kind": entry.kind,
                    "title": entry.title,
                    "field": field,
                    "text": text,
                    "field_matched": matched,
                    "url": entry.url,
                    "department": entry.department.name if entry.department else "",
                    "published_at": entry.published_at,
                    "is_withdrawn": entry.is_withdrawn,
                }
            )
        found = {
            "count": page.paginator.count,
            "capped": len(ids) > MAX_RESULTS,
            "number": page.number,
            "rows": rows,
            "suggestions": [] if ids else suggestions(question),
        }
        cache.set(key, found, PAGE_CACHE_SECONDS)
    paginator = Paginator(range(found["count"]), per_page)
    paginator.capped = found["capped"]
    page = Page(found["rows"], found["number"], paginator)
    page.suggestions = found["suggestions"]
    return page


def kind_choices() -> list[tuple[str, str]]:
    """The registered kinds for the type filter, in ranking order, labelled in the active language."""
    ordered = sorted(KINDS.items(), key=lambda pair: (pair[1].rank, pair[0]))
    return [(kind, str(found.label)) for kind, found in ordered]


def field_label(kind: str, field: str) -> str:
    found = KINDS.get(kind)
    label = found.fields.get(field) if found else None
    return str(label) if label is not None else ""


def filter_departments() -> list[tuple[int, str]]:
    """The units to filter by; departments change seldom, so a few minutes' cache is enough."""
    return cache.get_or_set(
        "portal:search:departments",
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

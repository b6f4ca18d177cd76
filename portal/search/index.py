"""Writers of the site-wide search index, the kinds the pillars register, and the index's setup.

A pillar registers its kinds (label, rank, field labels) and a reindexer in its
`AppConfig.ready`, then indexes each public object in the transaction that makes it public
(`search_index_upsert`) and takes it out when it no longer is (`search_index_remove`). Every
write bumps the index generation, which keys the cached public pages built from the index.
`manage.py search_reindex` rebuilds every registered kind from its pillar.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.db.models import Value
from django.utils.functional import Promise

from portal.models import Department
from portal.search.models import SearchEntry
from portal.search.words import segment

GENERATION_KEY = "portal:search:generation"
# Pages built from the index are cached under its generation, which every index write bumps;
# the time limit only bounds how long a worker with a stale generation could serve old results.
PAGE_CACHE_SECONDS = 60
TITLE_CHARS = 300
DEFAULT_RANK = 100


@dataclass(frozen=True)
class SearchKind:
    """A kind of findable object: its label, its place in the ranking, its fields' labels."""

    label: Promise | str
    rank: int = DEFAULT_RANK
    fields: dict[str, Promise | str] = field(default_factory=dict)


KINDS: dict[str, SearchKind] = {}
REINDEXERS: dict[str, Callable[[], None]] = {}


def register_search_kinds(kinds: dict[str, SearchKind]) -> None:
    """Register a pillar's kinds (`{"item": SearchKind(_("办事事项"), 10, {...})}`)."""
    KINDS.update(kinds)


def register_reindexer(kind: str, reindex: Callable[[], None]) -> None:
    """Register the function that indexes every public object of `kind` again."""
    REINDEXERS[kind] = reindex


def kind_rank(kind: str) -> int:
    found = KINDS.get(kind)
    return found.rank if found else DEFAULT_RANK


# --- Generation: what cached pages are keyed on ----------------------------------------------


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, None)
    return value


def cache_key(prefix: str, *parts) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"portal:search:{prefix}:{generation()}:{digest}"


def cached_page(prefix: str, build: Callable[[], Any], *parts) -> Any:
    """What `build()` returns, kept until the index changes (every publication and withdrawal
    writes it) or `PAGE_CACHE_SECONDS` pass: for public lists made of indexed objects."""
    return cache.get_or_set(cache_key(prefix, *parts), build, PAGE_CACHE_SECONDS)


def bump_generation_now() -> None:
    """Give the index a new generation: every cached page built from it is stale from now."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def bump_generation() -> None:
    """Invalidate cached public pages now and again once the writing transaction commits."""
    bump_generation_now()
    transaction.on_commit(bump_generation_now)


# --- Writers ---------------------------------------------------------------------------------


def plain(text: str) -> str:
    return " ".join((text or "").split())


def search_index_upsert(
    *,
    kind: str,
    obj_id: int,
    title: str,
    fields: dict[str, str],
    department: Department | None,
    url: str,
    published_at: datetime | None,
    withdrawn: bool = False,
) -> SearchEntry:
    """Index (or re-index) one findable object; call it in the transaction that publishes it."""
    title = plain(title)[:TITLE_CHARS]
    texts = {key: plain(text) for key, text in fields.items() if plain(text)}
    title_tokens = " ".join(segment(title))
    field_tokens = " ".join(segment("\n".join(texts.values())))
    entry, _created = SearchEntry.objects.update_or_create(
        kind=kind,
        object_id=obj_id,
        defaults={
            "title": title,
            "fields": texts,
            "content": "\n".join([title, *texts.values()]),
            "rank": kind_rank(kind),
            "department": department,
            "url": url,
            "published_at": published_at,
            "is_withdrawn": withdrawn,
            "tokens": f"{title_tokens}\n{field_tokens}",
        },
    )
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector(Value(title_tokens), config="simple", weight="A")
            + SearchVector(Value(field_tokens), config="simple", weight="B")
        )
    bump_generation()
    return entry


def search_index_remove(*, kind: str, obj_id: int) -> None:
    """Take an object out of the index (it is no longer public at all)."""
    SearchEntry.objects.filter(kind=kind, object_id=obj_id).delete()
    bump_generation()


@transaction.atomic
def search_reindex(kinds: list[str] | None = None) -> dict[str, int]:
    """Rebuild the given registered kinds (all by default) from their pillars; count per kind."""
    counts = {}
    for kind in kinds or sorted(REINDEXERS):
        SearchEntry.objects.filter(kind=kind).delete()
        REINDEXERS[kind]()
        counts[kind] = SearchEntry.objects.filter(kind=kind).count()
    bump_generation()
    return counts


# --- PostgreSQL indexes (post-migrate) --------------------------------------------------------

POSTGRES_STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS portal_search_vector_gin "
    "ON portal_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS portal_search_title_trgm "
    "ON portal_searchentry USING gin (title gin_trgm_ops)",
]


def ensure_postgres_indexes(using: str = "default", **kwargs) -> None:
    """Create the full-text and trigram indexes; idempotent, nothing to do off PostgreSQL.

    They live outside the migration so that the migration runs everywhere.
    """
    conn = connections[using]
    if conn.vendor != "postgresql":
        return
    if SearchEntry._meta.db_table not in conn.introspection.table_names():
        return  # migrated back to zero
    with conn.cursor() as cursor:
        for statement in POSTGRES_STATEMENTS:
            cursor.execute(statement)

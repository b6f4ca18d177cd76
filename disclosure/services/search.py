"""Site-wide search (全网信息检索): the index writers other parts call, and the index's setup.

A part that publishes something public indexes it in the same transaction
(`search_index_upsert`), and takes it out when it is no longer public (`search_index_remove`).
Every write bumps the index generation, which keys the cached public pages (see
`selectors/search.py`). On PostgreSQL the tokens also go into a tsvector; its GIN index and the
trigram index on titles are made after migrating (`ensure_postgres_indexes`).
"""

import time
from datetime import datetime

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Value

from disclosure.models import SearchEntry
from disclosure.selectors.search import EXCERPT_CHARS, GENERATION_KEY, segment
from portal.models import Department

# --- Generation: what cached pages are keyed on ----------------------------------------------


def bump_generation_now() -> None:
    """Give the index a new generation: every cached page built from it is stale from now."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def bump_generation() -> None:
    """Invalidate cached public pages now and again once the writing transaction commits."""
    bump_generation_now()
    transaction.on_commit(bump_generation_now)


# --- Writers ---------------------------------------------------------------------------------


def search_index_upsert(
    *,
    kind: str,
    obj_id: int,
    title: str,
    body: str,
    department: Department | None,
    url: str,
    published_at: datetime | None,
    withdrawn: bool = False,
) -> SearchEntry:
    """Index (or re-index) one findable object; call it in the transaction that publishes it."""
    title_tokens = " ".join(segment(title))
    body_tokens = " ".join(segment(body))
    fields = {
        "title": title[:300],
        "body": " ".join((body or "").split())[:EXCERPT_CHARS],
        "department": department,
        "url": url,
        "published_at": published_at,
        "is_withdrawn": withdrawn,
        "tokens": f"{title_tokens}\n{body_tokens}",
    }
    entry, _ = SearchEntry.objects.update_or_create(kind=kind, object_id=obj_id, defaults=fields)
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector(Value(title_tokens), config="simple", weight="A")
            + SearchVector(Value(body_tokens), config="simple", weight="B")
        )
    bump_generation()
    return entry


def search_index_remove(*, kind: str, obj_id: int) -> None:
    """Take an object out of the index (it is no longer public at all)."""
    SearchEntry.objects.filter(kind=kind, object_id=obj_id).delete()
    bump_generation()


# --- PostgreSQL indexes (post-migrate) --------------------------------------------------------

POSTGRES_STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS disclosure_search_vector_gin "
    "ON disclosure_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS disclosure_search_title_trgm "
    "ON disclosure_searchentry USING gin (title gin_trgm_ops)",
]


def ensure_postgres_indexes(using: str = "default", **kwargs) -> None:
    """Create the full-text and trigram indexes; idempotent, nothing to do off PostgreSQL.

    They live outside the migration so that the app's one generated migration runs everywhere.
    """
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "postgresql":
        return
    if SearchEntry._meta.db_table not in conn.introspection.table_names():
        return  # migrated back to zero
    with conn.cursor() as cursor:
        for statement in POSTGRES_STATEMENTS:
            cursor.execute(statement)

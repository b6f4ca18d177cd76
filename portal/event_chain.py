"""The hash chain that makes every domain event table tamper-evident (防篡改审计链).

Each event row stores `hash`, the sha256 of its canonical content (subject, code, actor, time,
note, data) and of `prev_hash`, the hash of the row before it in the same table. Appends to one
table are serialised (a PostgreSQL advisory lock held until commit; SQLite writes one transaction
at a time already), so two writers never chain onto the same row and id order is chain order.
`verify` walks every chain; changing, deleting or reordering a row breaks the link at that row.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connections, models, router
from django.utils.translation import gettext as _

# The `prev_hash` of the first row of a table.
GENESIS = ""


def lock_key(table: str) -> int:
    """Return the advisory-lock key of a table: stable across processes and releases."""
    digest = hashlib.sha256(f"event-chain:{table}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def content_hash(
    *,
    prev_hash: str,
    subject_id: int,
    code: str,
    actor_id: int | None,
    created_at: datetime.datetime,
    note: str,
    data,
) -> str:
    """Return the sha256 of a row's canonical serialisation and the previous row's hash."""
    canonical = json.dumps(
        [
            prev_hash,
            subject_id,
            code,
            actor_id,
            created_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
            note,
            # A round trip through JSON, as the column stores it: tuples become lists, keys text.
            json.loads(json.dumps(data)),
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def row_hash(event, *, subject_field: str, prev_hash: str) -> str:
    """Return the hash an event row (a model instance, historical ones included) must carry."""
    created_at = event._meta.get_field("created_at").to_python(event.created_at)
    return content_hash(
        prev_hash=prev_hash,
        subject_id=getattr(event, f"{subject_field}_id"),
        code=event.code,
        actor_id=event.actor_id,
        created_at=created_at,
        note=event.note,
        data=event.data,
    )


def chain(model: type[models.Model], events: list, *, subject_field: str) -> None:
    """Set `prev_hash` and `hash` of new rows, in order, after the table's last row.

    Call inside the transaction that inserts them: on PostgreSQL the table's advisory lock is
    held until it commits, so the next writer reads this transaction's last hash.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(model._meta.db_table)])
    prev = (
        model._base_manager.using(connection.alias)
        .order_by("-pk")
        .values_list("hash", flat=True)
        .first()
    )
    prev = GENESIS if prev is None else prev
    for event in events:
        event.prev_hash = prev
        event.hash = row_hash(event, subject_field=subject_field, prev_hash=prev)
        prev = event.hash


def rechain_all(model: type[models.Model], *, subject_field: str, batch: int = 2000) -> None:
    """Chain the rows a table already holds, in id order (for the migration that adds hashes)."""
    prev = GENESIS
    pending = []
    for event in model._base_manager.order_by("pk").iterator(chunk_size=batch):
        event.prev_hash = prev
        event.hash = prev = row_hash(event, subject_field=subject_field, prev_hash=prev)
        pending.append(event)
        if len(pending) >= batch:
            model._base_manager.bulk_update(pending, ["prev_hash", "hash"])
            pending = []
    model._base_manager.bulk_update(pending, ["prev_hash", "hash"])


# --- Append-only on PostgreSQL ------------------------------------------------------------------


def append_only_sql(table: str) -> str:
    """Return the SQL of the trigger that refuses UPDATE and DELETE on an event table."""
    return f"""
        CREATE OR REPLACE FUNCTION {table}_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% on %: event rows are append-only', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_refuse_change();
    """


def drop_append_only_sql(table: str) -> str:
    return f"""
        DROP TRIGGER IF EXISTS {table}_append_only ON {table};
        DROP FUNCTION IF EXISTS {table}_refuse_change();
    """


def seal_operations(app_label: str, model_names: list[str]):
    """Return the data-migration functions that chain existing rows and then seal the tables.

    Used by each pillar's migration: (chain_existing, seal, unseal). The trigger exists only on
    PostgreSQL; the chain is computed on every database.
    """

    def event_models(migration_apps):
        for name in model_names:
            model = migration_apps.get_model(app_label, name)
            subject = next(
                f.name for f in model._meta.fields if f.is_relation and f.name != "actor"
            )
            yield model, subject

    def chain_existing(migration_apps, schema_editor):
        for model, subject in event_models(migration_apps):
            rechain_all(model, subject_field=subject)

    def run(sql_of):
        def operation(migration_apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for model, _subject in event_models(migration_apps):
                schema_editor.execute(sql_of(model._meta.db_table), params=None)

        return operation

    return chain_existing, run(append_only_sql), run(drop_append_only_sql)


# --- Verification ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """The first row of a table whose chain does not hold, and what is wrong with it."""

    table: str
    row_id: int
    kind: str  # "altered", "missing" or "reordered"
    after: int | None = None  # for "reordered": the row it was chained after (None: the start)

    def __str__(self) -> str:
        what = {
            "altered": "content does not match its hash (row altered)",
            "missing": "the row it was chained after is gone (row deleted)",
            "reordered": f"chained after row {self.after or '(start)'}, not the row before it"
            " (rows reordered)",
        }[self.kind]
        return f"{self.table} row {self.row_id}: {what}"

    def message(self) -> str:
        """The problem in the staff's language, for the supervision alert."""
        what = {
            "altered": _("内容与哈希不符（记录被修改）"),
            "missing": _("其前一条记录已不存在（记录被删除）"),
            "reordered": _("顺序被调换（应接在第 %(after)s 条之后）") % {"after": self.after or 0},
        }[self.kind]
        return _("审计日志 %(table)s 第 %(id)s 条：%(what)s") % {
            "table": self.table,
            "id": self.row_id,
            "what": what,
        }


@dataclass
class Report:
    tables: int = 0
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)


def event_models() -> list[type[models.Model]]:
    """Return every concrete domain event model of the installed apps."""
    from portal.events import DomainEvent

    return [m for m in apps.get_models() if issubclass(m, DomainEvent)]


def verify(*, batch: int = 5000) -> Report:
    """Walk every event table's chain in id order; note the first broken row of each."""
    report = Report()
    for model in event_models():
        report.tables += 1
        problem, count = verify_table(model, batch=batch)
        report.rows += count
        if problem is not None:
            report.problems.append(problem)
    return report


def verify_table(model: type[models.Model], *, batch: int = 5000) -> tuple[Problem | None, int]:
    """Return the first broken row of one table (or None) and the rows walked."""
    table = model._meta.db_table
    prev, count = GENESIS, 0
    for event in model._base_manager.order_by("pk").iterator(chunk_size=batch):
        count += 1
        if event.prev_hash != prev:
            before = (
                model._base_manager.filter(hash=event.prev_hash)
                .values_list("pk", flat=True)
                .first()
                if event.prev_hash
                else None
            )
            # A first row found later, or a row chained after one that still exists, was moved.
            moved = before is not None or event.prev_hash == GENESIS
            return Problem(table, event.pk, "reordered" if moved else "missing", before), count
        if row_hash(event, subject_field=model.subject_field, prev_hash=prev) != event.hash:
            return Problem(table, event.pk, "altered"), count
        prev = event.hash
    return None, count

"""Fast row writing for the benchmark loaders: explicit ids, COPY on PostgreSQL, bulk_create elsewhere.

Rows are unsaved model instances (cheap copies of a template, see `clone`); their ids are handed
out here, so rows of one table can point at rows of another before either is written. History
rows are not written (a benchmark measures pages, not the audit trail); event rows are chained
(`portal.event_chain`) before they are written, so the chain of every event table still holds.
"""

from django.db import connection, models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from psycopg.types.json import Jsonb

from portal import event_chain

BATCH = 5_000


class Ids:
    """Hands out ids after each table's highest id and moves the sequences past them at the end."""

    def __init__(self):
        self.next: dict[type[models.Model], int] = {}

    def take(self, model: type[models.Model], count: int = 1) -> int:
        """Return the first of `count` new ids of `model`'s table."""
        if model not in self.next:
            self.next[model] = (model._base_manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1
        first = self.next[model]
        self.next[model] = first + count
        return first

    def finish(self) -> None:
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for model, after in self.next.items():
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)", [after - 1]
                )


def clone(template: models.Model, **changes) -> models.Model:
    """Return an unsaved copy of `template` with `changes` (far cheaper than the model's __init__)."""
    row = object.__new__(type(template))
    row.__dict__ = {**template.__dict__, **changes}
    return row


def template(model: type[models.Model], **fields) -> models.Model:
    """Return a row of `model` with its defaults, to be cloned."""
    return model(**fields)


def _converter(field: models.Field):
    if isinstance(field, models.JSONField):
        return Jsonb
    if isinstance(field, models.FileField):
        return lambda value: value.name or "" if isinstance(value, FieldFile) else value or ""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        now = timezone.now()
        return lambda value: value or now
    return None


def write(model: type[models.Model], rows: list) -> None:
    """Insert `rows` (instances with their ids set) into `model`'s table."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._base_manager.bulk_create(rows, batch_size=500)
        return
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    converters = [(i, c) for i, field in enumerate(fields) if (c := _converter(field))]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    statement = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            values = [row.__dict__[name] for name in names]
            for index, convert in converters:
                values[index] = convert(values[index])
            copy.write_row(values)


def write_events(model: type[models.Model], rows: list) -> None:
    """Chain event rows after the table's last row, in list order, then insert them."""
    event_chain.chain(model, rows, subject_field=model.subject_field)
    write(model, rows)


def analyze(*models_: type[models.Model]) -> None:
    """Fresh planner statistics and visibility maps, as autovacuum leaves a live table."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {model._meta.db_table}")

"""Reads shared by the publication workflow of catalogue items and articles: what a revision or a
new version changes, for the staff pages and the public version history."""

from django.db.models import Model


def field_text(record: Model, name: str) -> str:
    """How a field of the record reads on a page (a choice by its label, a link by its name)."""
    field = record._meta.get_field(name)
    if field.is_relation:
        related = getattr(record, name)
        return str(related) if related is not None else ""
    if field.choices:
        return str(getattr(record, f"get_{name}_display")())
    value = getattr(record, name)
    return "" if value is None else str(value)


def field_changes(live: Model, draft: Model, names) -> list[dict]:
    """The fields whose text differs between two states of a record, with label, old and new."""
    rows = []
    for name in names:
        old, new = field_text(live, name), field_text(draft, name)
        if old != new:
            rows.append({"label": live._meta.get_field(name).verbose_name, "old": old, "new": new})
    return rows

"""The row lock every service takes before it changes a record."""

from typing import TypeVar

from django.db.models import Model

RecordT = TypeVar("RecordT", bound=Model)


def lock(record: RecordT, *, related: tuple[str, ...] = ()) -> RecordT:
    """Re-read the record under a row lock: two people acting at once never both move it.

    Only the record's own row is locked (`of=("self",)`), not the rows `related` joins in, so
    locking a case never blocks work on its department. Call it inside `transaction.atomic()`.
    """
    queryset = type(record)._default_manager.select_for_update(of=("self",))
    if related:
        queryset = queryset.select_related(*related)
    return queryset.get(pk=record.pk)

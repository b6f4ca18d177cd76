"""The domain event pattern: what happened to a subject, by whom, for timelines.

simple-history records which fields changed; an event row records what happened and why,
in the domain's words. Each pillar subclasses `DomainEvent` with a foreign key to its subject
and a `Code` TextChoices, names that key in `subject_field`, and its services write one row per
state change with `record` (see docs/ARCHITECTURE.md).

Event rows are append-only and hash-chained per table (`portal.event_chain`): every insert goes
through `save` or `record_many`, which chain it in the inserting transaction; the ORM refuses to
change or delete a row, and on PostgreSQL a trigger refuses it too.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ClassVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import event_chain
from portal.texts import render_text

# The events recorded inside `batched_events`, in order; None outside a batch.
_batch: ContextVar[list | None] = ContextVar("event_batch", default=None)


@contextmanager
def batched_events() -> Iterator[None]:
    """Insert the events recorded inside the block at its end: one INSERT per event table.

    A write that records several events (a complaint filed and dispatched, its clock started)
    chains each table once instead of once per row, and holds the table's chain lock only from
    the end of the block to the commit. Inside the block `record` returns the row unsaved (no
    pk yet); a nested block leaves the rows to the outermost one. Use it inside the transaction.
    """
    if _batch.get() is not None:
        yield
        return
    token = _batch.set([])
    try:
        yield
        pending = _batch.get()
    finally:
        _batch.reset(token)
    by_model: dict[type, list] = {}
    for event in pending:
        by_model.setdefault(type(event), []).append(event)
    for model, rows in by_model.items():
        model.record_many(rows)


class DomainEvent(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    code = models.CharField(_("事件"), max_length=40)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    note = models.TextField(_("意见/说明"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    # The hash chain of the table (portal.event_chain), set when the row is inserted.
    prev_hash = models.CharField(max_length=64, blank=True, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    # The name of the subclass's foreign key to the record the event happened to.
    subject_field: ClassVar[str]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.code}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Event rows are append-only: record a new event instead.")
        # Without an outer transaction this opens one, so the chain lock lasts until the insert.
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            event_chain.chain(type(self), [self], subject_field=self.subject_field)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Event rows are append-only: subjects are withdrawn, never deleted.")

    @property
    def note_text(self) -> str:
        """The note in the reader's language: a system note is stored as `note_code` and
        `note_params` in `data` (`portal.texts`), a person's note as typed."""
        code = self.data.get("note_code", "") if isinstance(self.data, dict) else ""
        return (
            render_text(code, self.data.get("note_params"), fallback=self.note)
            if code
            else self.note
        )

    @classmethod
    def record(cls, subject, code: str, *, actor=None, at=None, note: str = "", **data):
        """Write one event row: what happened to `subject`, by whom, when (default: now).

        Inside `batched_events` the row is written when the block ends.
        """
        event = cls(
            **{cls.subject_field: subject},
            code=code,
            actor=actor,
            created_at=at or timezone.now(),
            note=note,
            data=data,
        )
        pending = _batch.get()
        if pending is None:
            event.save(force_insert=True)
        else:
            pending.append(event)
        return event

    @classmethod
    def record_many(cls, events: list, *, batch_size: int = 1000) -> list:
        """Insert many unsaved events at once (bulk imports), chained in list order."""
        with transaction.atomic(savepoint=False):
            event_chain.chain(cls, events, subject_field=cls.subject_field)
            return cls.objects.bulk_create(events, batch_size=batch_size)

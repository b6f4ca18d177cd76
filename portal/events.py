"""The domain event pattern: what happened to a subject, by whom, for timelines.

simple-history records which fields changed; an event row records what happened and why,
in the domain's words. Each pillar subclasses `DomainEvent` with a foreign key to its subject
and a `Code` TextChoices, names that key in `subject_field`, and its services write one row per
state change with `record` (see docs/ARCHITECTURE.md).
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    # The name of the subclass's foreign key to the record the event happened to.
    subject_field: ClassVar[str]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.code}"

    @classmethod
    def record(cls, subject, code: str, *, actor=None, at=None, note: str = "", **data):
        """Write one event row: what happened to `subject`, by whom, when (default: now)."""
        return cls.objects.create(
            **{cls.subject_field: subject},
            code=code,
            actor=actor,
            created_at=at or timezone.now(),
            note=note,
            data=data,
        )

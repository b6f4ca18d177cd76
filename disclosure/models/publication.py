"""Revisions (修订稿): the next version of a published catalogue item or article, drafted beside it.

The published record keeps its live fields and stays on every public page; the new version lives
in its own row until it is published (its content is copied onto the record in one transaction)
or discarded. As in Wagtail's page revisions, the content is kept as JSON of the record's own
fields, so the edit form validates it against the record's model; the row keeps the review state
of the new version. At most one revision of a record is open (draft or under review) at a time.
"""

import copy

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .catalogue import CatalogueItem
from .columns import Article


class Revision(models.Model):
    """What both kinds of revision keep: the content and its review state."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        REVIEW = "review", _("待审核")
        PUBLISHED = "published", _("已发布")
        DISCARDED = "discarded", _("已放弃")

    OPEN_STATUSES = (Status.DRAFT, Status.REVIEW)

    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    content = models.JSONField(_("修订内容"), encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("开始修订时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修订人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)
    closed_at = models.DateTimeField(_("发布或放弃时间"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def content_of(cls, record) -> dict:
        """The record's fields a revision carries (`FIELDS`), as JSON values."""
        return {name: record._meta.get_field(name).value_from_object(record) for name in cls.FIELDS}

    @classmethod
    def apply_content(cls, record, content: dict) -> None:
        """Set the record's fields, in memory, to the values of a revision's content."""
        for name in cls.FIELDS:
            if name in content:
                field = record._meta.get_field(name)
                setattr(record, field.attname, field.to_python(content[name]))

    def applied_to(self, record):
        """The record as this revision would publish it: a copy in memory, never saved."""
        draft = copy.copy(record)
        self.apply_content(draft, self.content)
        return draft

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class CatalogueItemRevision(Revision):
    # The fields of the item a revision carries; the code never changes once published.
    FIELDS = (
        "name",
        "kind",
        "department",
        "content",
        "legal_basis",
        "conditions",
        "time_limit_days",
        "legal_limit_days",
        "fee",
        "fee_standard",
        "service_place",
        "supervision_phone",
        "supervision_address",
    )

    item = models.ForeignKey(
        CatalogueItem, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("事项")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["item_id", "-created_at", "-id"]
        verbose_name = _("事项修订稿")
        verbose_name_plural = _("事项修订稿")
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(status__in=["draft", "review"]),
                name="disclosure_item_one_open_revision",
            )
        ]

    def __str__(self):
        return f"{self.item_id}: {self.get_status_display()}"


class ArticleRevision(Revision):
    # The fields of the article a revision carries; attachments stay those of the live article.
    FIELDS = ("column", "department", "title", "document_number", "summary", "body")

    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("公开信息")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "-created_at", "-id"]
        verbose_name = _("公开信息修订稿")
        verbose_name_plural = _("公开信息修订稿")
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(status__in=["draft", "review"]),
                name="disclosure_article_one_open_revision",
            )
        ]

    def __str__(self):
        return f"{self.article_id}: {self.get_status_display()}"

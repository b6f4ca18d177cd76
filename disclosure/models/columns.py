"""Proactive disclosure columns (主动公开栏目) and their articles."""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent


class Column(models.Model):
    """A column with a required update interval; past it the column is stale (更新不及时)."""

    name = models.CharField(_("栏目名称"), max_length=60, unique=True)
    slug = models.SlugField(_("栏目代码"), max_length=40, unique=True)
    description = models.CharField(_("栏目说明"), max_length=300, blank=True)
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("责任单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disclosure_columns",
    )
    update_interval_days = models.PositiveIntegerField(
        _("更新周期（天）"), validators=[MinValueValidator(1)]
    )
    order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    # Kept by the article services in the publishing transaction, so that public pages need
    # no COUNT or MAX over the articles.
    last_published_at = models.DateTimeField(_("最近更新"), null=True, blank=True, editable=False)
    published_count = models.PositiveIntegerField(_("已公开信息数"), default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["last_published_at", "published_count"])

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("公开栏目")
        verbose_name_plural = _("公开栏目")
        indexes = [models.Index(fields=["is_active", "order"], name="disclosure_column_order")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(update_interval_days__gte=1),
                name="disclosure_column_interval_positive",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("disclosure:column", args=[self.slug])

    def due_at(self):
        """When the column must next be updated (from its last update, or its creation)."""
        start = self.last_published_at or self.created_at
        return start + datetime.timedelta(days=self.update_interval_days)

    def is_stale(self, now=None) -> bool:
        return self.is_active and (now or timezone.now()) > self.due_at()


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)


class Article(models.Model):
    """A piece of proactively disclosed information (公开信息) in one column."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        REVIEW = "review", _("待审核")
        PUBLISHED = "published", _("已发布")
        WITHDRAWN = "withdrawn", _("已撤回")

    column = models.ForeignKey(
        Column, on_delete=models.PROTECT, related_name="articles", verbose_name=_("栏目")
    )
    department = models.ForeignKey(
        "portal.Department",
        on_delete=models.PROTECT,
        related_name="disclosure_articles",
        verbose_name=_("发布单位"),
    )
    title = models.CharField(_("标题"), max_length=200)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    body = models.TextField(_("正文"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    # 条例 Art 26: new or changed information goes online within 20 WD of this moment.
    changed_at = models.DateTimeField(_("形成或变更时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    first_published_at = models.DateTimeField(_("首次发布时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    version = models.PositiveIntegerField(_("已发布版本"), default=0)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("起草人"),
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
    review_note = models.TextField(_("审核意见"), blank=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        indexes = [
            models.Index(
                fields=["column", "status", "-published_at", "-id"],
                name="disclosure_article_column",
            ),
            # The newest articles of all columns (home page).
            models.Index(
                fields=["status", "-published_at", "-id"], name="disclosure_article_latest"
            ),
            models.Index(fields=["status", "changed_at"], name="disclosure_article_pending"),
            models.Index(fields=["department", "status"], name="disclosure_article_department"),
            # The staff lists, newest change first: an administrator's over every article, a
            # unit's over its own; without them each view sorted all the rows (86 ms, county).
            models.Index(fields=["-updated_at", "-id"], name="disclosure_article_staff"),
            models.Index(
                fields=["department", "-updated_at", "-id"], name="disclosure_article_unit_staff"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="disclosure_article_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("disclosure:article", args=[self.pk])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class ArticleAttachment(models.Model):
    """A file of an article (PDF, office document, image), stored outside the web root."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("公开信息")
    )
    file = models.FileField(_("文件"), upload_to="disclosure/articles/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=120)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["article_id", "id"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("disclosure:article_attachment", args=[self.pk])


class ArticleEvent(DomainEvent):
    class Code(models.TextChoices):
        CREATED = "created", _("起草")
        EDITED = "edited", _("修改草稿")
        SUBMITTED = "submitted", _("提交审核")
        RETURNED = "returned", _("退回修改")
        PUBLISHED = "published", _("发布")
        WITHDRAWN = "withdrawn", _("撤回")
        REVISED = "revised", _("开始修订")
        DISCARDED = "discarded", _("放弃修订")

    subject_field = "article"
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="events", verbose_name=_("公开信息")
    )

    class Meta(DomainEvent.Meta):
        verbose_name = _("公开信息记录")
        verbose_name_plural = _("公开信息记录")

    @property
    def code_label(self):
        return self.Code(self.code).label if self.code in self.Code.values else self.code

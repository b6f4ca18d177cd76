"""The catalogue of powers and services (行政职权目录)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent

# 行政许可法 Art 42: a licensing decision within 20 working days of acceptance.
LICENSING_LEGAL_LIMIT_DAYS = 20


def promise_exceeds_legal_message() -> str:
    return gettext("承诺办结时限不得超过法定办结时限。")


def default_legal_limit(kind: str, promised: int) -> int:
    """The legal limit to assume where none was given: 20 WD for licensing (行政许可法 Art 42),
    otherwise the promise itself (no separate statutory ceiling is known)."""
    if kind == CatalogueItem.Kind.LICENSING:
        return max(promised, LICENSING_LEGAL_LIMIT_DAYS)
    return promised


class CatalogueItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CatalogueItem.Status.PUBLISHED)

    def findable(self):
        """Published and withdrawn items: a withdrawn item stays findable, marked as such."""
        return self.filter(
            status__in=[CatalogueItem.Status.PUBLISHED, CatalogueItem.Status.WITHDRAWN]
        )


class CatalogueItem(models.Model):
    class Kind(models.TextChoices):
        LICENSING = "licensing", _("行政许可")
        LEVY = "levy", _("行政征收")
        PENALTY = "penalty", _("行政处罚")
        COERCION = "coercion", _("行政强制")
        OTHER = "other", _("其他")
        SERVICE = "service", _("便民服务")

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        REVIEW = "review", _("待审核")
        PUBLISHED = "published", _("已发布")
        WITHDRAWN = "withdrawn", _("已撤回")

    name = models.CharField(_("事项名称"), max_length=200)
    code = models.CharField(
        _("事项编码"),
        max_length=64,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9._-]+$", _("事项编码只能包含字母、数字、点、横线和下划线。")
            )
        ],
    )
    kind = models.CharField(_("事项类型"), max_length=16, choices=Kind.choices)
    department = models.ForeignKey(
        "portal.Department",
        on_delete=models.PROTECT,
        related_name="catalogue_items",
        verbose_name=_("办理主体"),
    )
    content = models.TextField(_("事项内容"), blank=True)
    legal_basis = models.TextField(_("设定依据"), blank=True)
    conditions = models.TextField(_("办理条件"), blank=True)
    # 承诺办结时限: what the department promises and what case clocks run on.
    time_limit_days = models.PositiveIntegerField(
        _("承诺办结时限（工作日）"), validators=[MinValueValidator(1)]
    )
    # 法定办结时限: the ceiling set by law; the promise is never longer.
    legal_limit_days = models.PositiveIntegerField(
        _("法定办结时限（工作日）"),
        validators=[MinValueValidator(1)],
        help_text=_("法律规定的办理期限，承诺办结时限不得超过它（如行政许可为 20 个工作日）。"),
    )
    fee = models.DecimalField(
        _("收费金额（元）"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 表示不收费"),
    )
    fee_standard = models.TextField(_("收费标准及依据"), blank=True)
    supervision_phone = models.CharField(_("监督电话"), max_length=32, blank=True)
    supervision_address = models.CharField(_("监督地址"), max_length=200, blank=True)
    service_place = models.CharField(
        _("办理地点"), max_length=200, blank=True, help_text=_("例如：县行政服务中心一楼 3 号窗口")
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
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
    objects = CatalogueItemQuerySet.as_manager()

    class Meta:
        ordering = ["department_id", "code"]
        verbose_name = _("职权事项")
        verbose_name_plural = _("行政职权目录")
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["department", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(time_limit_days__gte=1),
                name="disclosure_item_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(time_limit_days__lte=models.F("legal_limit_days")),
                name="disclosure_item_promise_within_legal_limit",
            ),
            models.CheckConstraint(
                condition=models.Q(fee__gte=0), name="disclosure_item_fee_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        # Writers that predate the legal limit (loaders, old fixtures) get their kind's default.
        if self.legal_limit_days is None and self.time_limit_days:
            self.legal_limit_days = default_legal_limit(self.kind, self.time_limit_days)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("disclosure:catalogue_item", args=[self.code])

    def clean(self):
        super().clean()
        if (
            self.time_limit_days
            and self.legal_limit_days
            and self.time_limit_days > self.legal_limit_days
        ):
            raise ValidationError({"time_limit_days": promise_exceeds_legal_message()})

    @property
    def is_free(self):
        return self.fee == 0

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN

    @property
    def is_findable(self):
        return self.status in (self.Status.PUBLISHED, self.Status.WITHDRAWN)


class CatalogueMaterial(models.Model):
    item = models.ForeignKey(
        CatalogueItem, on_delete=models.CASCADE, related_name="materials", verbose_name=_("事项")
    )
    name = models.CharField(_("材料名称"), max_length=200)
    description = models.TextField(_("说明"), blank=True)
    is_required = models.BooleanField(_("必须提交"), default=True)
    order = models.PositiveIntegerField(_("顺序"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item_id", "order", "id"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self):
        return self.name


class CatalogueItemVersion(models.Model):
    """What was published, as published: one row per publication, never changed afterwards."""

    item = models.ForeignKey(
        CatalogueItem, on_delete=models.CASCADE, related_name="versions", verbose_name=_("事项")
    )
    number = models.PositiveIntegerField(_("版本号"))
    snapshot = models.JSONField(_("发布内容"))
    published_at = models.DateTimeField(_("发布时间"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["item_id", "-number"]
        verbose_name = _("事项发布版本")
        verbose_name_plural = _("事项发布版本")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "number"], name="disclosure_item_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.item.code} v{self.number}"


class CatalogueEvent(DomainEvent):
    class Code(models.TextChoices):
        CREATED = "created", _("起草")
        EDITED = "edited", _("修改草稿")
        IMPORTED = "imported", _("批量导入")
        SUBMITTED = "submitted", _("提交审核")
        RETURNED = "returned", _("退回修改")
        PUBLISHED = "published", _("发布")
        WITHDRAWN = "withdrawn", _("撤回")
        REVISED = "revised", _("开始修订")
        DISCARDED = "discarded", _("放弃修订")

    subject_field = "item"
    item = models.ForeignKey(
        CatalogueItem, on_delete=models.PROTECT, related_name="events", verbose_name=_("事项")
    )

    class Meta(DomainEvent.Meta):
        verbose_name = _("目录事项记录")
        verbose_name_plural = _("目录事项记录")

    @property
    def code_label(self):
        return self.Code(self.code).label if self.code in self.Code.values else self.code

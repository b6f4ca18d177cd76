"""Policy consultations (意见征集): a draft put to the public, the comments, the adoption feedback."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department


class Consultation(models.Model):
    """A draft policy, plan or regulation open for comment between two dates."""

    class Kind(models.TextChoices):
        POLICY = "policy", _("政策文件")
        PLAN = "plan", _("规划")
        REGULATION = "regulation", _("规范性文件")

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        FEEDBACK = "feedback", _("已反馈采纳情况")

    department = models.ForeignKey(
        Department,
        verbose_name=_("征集单位"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("标题"), max_length=120)
    text = models.TextField(_("征求意见稿"))
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    feedback = models.TextField(_("采纳情况说明"), blank=True)
    feedback_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ("-opens_on", "-id")
        verbose_name = _("意见征集")
        verbose_name_plural = _("意见征集")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="consultation_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:consultation_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    def is_open(self, today=None) -> bool:
        """Whether citizens may comment today (local date): published, between the two dates."""
        today = today or timezone.localdate()
        return self.status == self.Status.PUBLISHED and self.opens_on <= today <= self.closes_on

    def is_closed(self, today=None) -> bool:
        return self.is_public and (today or timezone.localdate()) > self.closes_on


class ConsultationAttachment(models.Model):
    """A file of the draft (the full text, an explanation), served by a view that checks it is public."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="petitions/consultations/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.original_name


class ConsultationComment(models.Model):
    """A citizen's comment on a draft; public once a moderator passed it; adopted or not, and why."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consultation_comments"
    )
    content = models.TextField(_("意见"))
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_content = models.TextField(blank=True)
    # A moderator refused it (abuse, off topic): it is neither public nor counted as an opinion.
    rejected = models.BooleanField(default=False)
    # None until the department assessed it for the feedback.
    adopted = models.BooleanField(_("是否采纳"), null=True, blank=True)
    response = models.TextField(_("采纳或不采纳的理由"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("created_at", "id")
        verbose_name = _("征集意见")
        verbose_name_plural = _("征集意见")

    def __str__(self) -> str:
        return f"{self.consultation_id}#{self.pk}"


class ConsultationEvent(DomainEvent):
    """What happened to a consultation and its comments."""

    class Code(models.TextChoices):
        DRAFTED = "drafted", _("起草")
        PUBLISHED = "published", _("发布征集")
        COMMENTED = "commented", _("提交意见")
        COMMENT_PUBLISHED = "comment_published", _("意见审核通过")
        COMMENT_REJECTED = "comment_rejected", _("意见审核未通过")
        ASSESSED = "assessed", _("研究意见")
        FEEDBACK = "feedback", _("反馈采纳情况")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "consultation"
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("意见征集事件")
        verbose_name_plural = _("意见征集事件")

    def __str__(self) -> str:
        return f"{self.consultation_id} {self.get_code_display()}"

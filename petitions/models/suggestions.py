"""Suggestions (建言献策): what a citizen proposes to a department or the county, and its answer."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department


class Suggestion(models.Model):
    """A citizen's proposal; public once a moderator passed it, with the department's answer."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待答复")
        STUDYING = "studying", _("研究中")
        ADOPTED = "adopted", _("已采纳")
        NOT_ADOPTED = "not_adopted", _("未采纳")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("建议人"),
        on_delete=models.PROTECT,
        related_name="suggestions",
    )
    # Empty: addressed to the county as a whole; the government office answers it.
    department = models.ForeignKey(
        Department,
        verbose_name=_("建议对象"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    title = models.CharField(_("标题"), max_length=80)
    content = models.TextField(_("建议内容"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    reply = models.TextField(_("答复"), blank=True)
    # What was done with an adopted suggestion (采纳后的落实情况), shown with it in public.
    action_taken = models.TextField(_("落实情况"), blank=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    # Set when a moderator passed it: only then is it on the public list, with this redacted text.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_title = models.CharField(max_length=80, blank=True)
    public_content = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("建言献策")
        verbose_name_plural = _("建言献策")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="submitted") | Q(answered_at__isnull=False),
                name="suggestion_answered_has_time",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:suggestion_detail", args=[self.pk])


class SuggestionEvent(DomainEvent):
    """What happened to a suggestion."""

    class Code(models.TextChoices):
        SUBMITTED = "submitted", _("提出建议")
        STUDYING = "studying", _("研究中")
        ADOPTED = "adopted", _("采纳")
        NOT_ADOPTED = "not_adopted", _("不予采纳")
        ACTION = "action", _("更新落实情况")
        PUBLISHED = "published", _("审核通过并公开")
        REJECTED = "rejected", _("审核未通过")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "suggestion"
    suggestion = models.ForeignKey(Suggestion, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("建言献策事件")
        verbose_name_plural = _("建言献策事件")

    def __str__(self) -> str:
        return f"{self.suggestion_id} {self.get_code_display()}"

"""What the handling of a complaint leaves behind: the reply, the rating, the return visit, the extension."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from petitions.models.complaints.complaint import Complaint


class Reply(models.Model):
    """The department's written answer (书面答复); round 2 is the answer after re-handling."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="replies")
    round = models.PositiveSmallIntegerField(default=1)
    department = models.ForeignKey("portal.Department", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    content = models.TextField(_("答复内容"))
    created_at = models.DateTimeField(default=timezone.now)
    # Set when a moderator passed it for the public board, with the text they confirmed.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_content = models.TextField(_("公开答复内容"), blank=True)

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        ordering = ["round"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "round"], name="one_reply_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}#{self.round}"


class Rating(models.Model):
    """The complainant's rating of one reply: exactly one per reply round (enforced by the database)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="ratings")
    round = models.PositiveSmallIntegerField(default=1)
    level = models.CharField(_("评价"), max_length=12, choices=Complaint.Satisfaction.choices)
    comment = models.CharField(_("意见"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("评价")
        verbose_name_plural = _("评价")
        constraints = [
            models.UniqueConstraint(fields=["complaint", "round"], name="one_rating_per_round")
        ]

    def __str__(self) -> str:
        return self.get_level_display()


class ReturnVisit(models.Model):
    """回访: the hotline office calls back (or writes) and records what the complainant said."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="return_visits")
    round = models.PositiveSmallIntegerField(default=1)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    result = models.CharField(_("回访结果"), max_length=12, choices=Complaint.Satisfaction.choices)
    note = models.TextField(_("回访记录"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("回访")
        verbose_name_plural = _("回访")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "round"], name="one_return_visit_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}#{self.round}"


class ExtensionRequest(models.Model):
    """A department's one request for more time, decided by the hotline office."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REJECTED = "rejected", _("未批准")

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="extension")
    days = models.PositiveSmallIntegerField(_("延长天数"))
    reason = models.TextField(_("理由"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("审批意见"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        constraints = [
            models.CheckConstraint(
                condition=Q(days__gt=0) & Q(days__lte=60), name="extension_days_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} +{self.days}"

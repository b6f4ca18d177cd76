"""Government information reporting (政务信息报送): units submit, the county office adopts or rejects."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

MAX_SCORE = 10


class InfoReport(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待处理")
        ADOPTED = "adopted", _("已采用")
        REJECTED = "rejected", _("未采用")

    department = models.ForeignKey(
        "portal.Department",
        on_delete=models.PROTECT,
        related_name="info_reports",
        verbose_name=_("报送单位"),
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"))
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    score = models.PositiveSmallIntegerField(
        _("得分"), default=0, validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)]
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("报送时间"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decision_note = models.TextField(_("处理意见"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("政务信息")
        verbose_name_plural = _("政务信息报送")
        indexes = [
            models.Index(fields=["submitted_at", "department"], name="disclosure_report_month"),
            models.Index(fields=["status", "-submitted_at"], name="disclosure_report_status"),
        ]
        constraints = [
            # An adopted item scores 1..MAX_SCORE, any other scores nothing.
            models.CheckConstraint(
                condition=(
                    models.Q(status="adopted", score__gte=1, score__lte=MAX_SCORE)
                    | (~models.Q(status="adopted") & models.Q(score=0))
                ),
                name="disclosure_report_score_matches_status",
            ),
            models.CheckConstraint(
                condition=models.Q(status="submitted") | models.Q(decided_at__isnull=False),
                name="disclosure_report_decided_has_date",
            ),
        ]

    def __str__(self):
        return self.title

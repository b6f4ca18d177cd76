"""复查 and 复核: the complainant contests the written opinion."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from petitions.models.complaints.complaint import Complaint


class ReviewRequest(models.Model):
    """复查 / 复核: the complainant contests the written opinion; each level at most once."""

    class Level(models.TextChoices):
        REVIEW = "review", _("复查")
        RE_REVIEW = "re_review", _("复核")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("维持原处理意见")
        CHANGED = "changed", _("变更处理意见")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="reviews")
    level = models.CharField(_("类型"), max_length=10, choices=Level.choices)
    reason = models.TextField(_("理由"))
    requested_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("结论"), max_length=10, choices=Outcome.choices, blank=True)
    decision = models.TextField(_("复查/复核意见"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    clock = models.ForeignKey(
        "supervision.Clock", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("复查复核")
        verbose_name_plural = _("复查复核")
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "level"], name="one_review_per_level"),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | ~Q(outcome=""),
                name="review_decided_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.get_level_display()}"

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None

"""The monthly leader brief (领导参阅), stored once a month."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Brief(models.Model):
    """The monthly leader brief (领导参阅): every pillar's figures of one month, stored once.

    `data` holds codes and numbers only (per section: figures, the previous month's figures and
    tables); pages and the PDF label them in the reader's language when shown. Never edited.
    """

    month = models.DateField(_("月份"), unique=True, help_text=_("当月第一天"))
    generated_at = models.DateTimeField(_("生成时间"))
    data = models.JSONField(_("数据"), default=dict)

    class Meta:
        verbose_name = _("领导参阅")
        verbose_name_plural = _("领导参阅")
        ordering = ["-month"]
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="brief_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:brief_detail", args=[self.pk])

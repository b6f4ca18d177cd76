"""The official working-day calendar (法定节假日与调休)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CalendarDay(models.Model):
    """A day of the official calendar that differs from the weekend rule, or confirms it.

    Holidays are off, make-up working days (调休) are on. Seeded from `chinese-calendar`;
    admins correct and extend it.
    """

    class Source(models.TextChoices):
        OFFICIAL = "official", _("国务院公布")
        ADMIN = "admin", _("管理员录入")

    date = models.DateField(_("日期"), primary_key=True)
    is_workday = models.BooleanField(_("工作日"))
    name = models.CharField(_("说明"), max_length=60, blank=True)
    source = models.CharField(_("来源"), max_length=8, choices=Source.choices, default=Source.ADMIN)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("日历日")
        verbose_name_plural = _("日历日")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {'班' if self.is_workday else '休'}"


class CalendarYear(models.Model):
    """A year whose official calendar is loaded; a year without a row falls back to weekends only."""

    year = models.PositiveSmallIntegerField(_("年份"), primary_key=True)
    loaded_at = models.DateTimeField(_("载入时间"), default=timezone.now)
    source = models.CharField(_("来源"), max_length=8, choices=CalendarDay.Source.choices)

    class Meta:
        verbose_name = _("已载入年份")
        verbose_name_plural = _("已载入年份")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)

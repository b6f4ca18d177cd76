"""Development-environment monitors (发展环境网络监测员): citizens and enterprises appointed for a
term, who post a monitoring report at least once a month.

A report is filed as a complaint (channel `monitor`), so the hotline sorts and dispatches it, the
department answers it on the usual clock and the monitor rates the answer; `MonitorReport` only
links the monitor and the month to that complaint.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from petitions.models.complaints.complaint import Complaint
from portal.events import DomainEvent


class Monitor(models.Model):
    """One appointment of a citizen or an enterprise as a monitor (监测员), for a term."""

    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("个人")
        ENTERPRISE = "enterprise", _("企业")

    class Status(models.TextChoices):
        ACTIVE = "active", _("在任")
        ENDED = "ended", _("已离任")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("监测员"),
        on_delete=models.PROTECT,
        related_name="monitor_terms",
    )
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    term_start = models.DateField(_("任期开始"))
    term_end = models.DateField(_("任期结束"))
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.ACTIVE
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("聘任人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    appointed_at = models.DateTimeField(_("聘任时间"), default=timezone.now)
    # The last day served when the term was ended early (or on time): reports are due until then.
    ended_on = models.DateField(_("离任日期"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("监测员")
        verbose_name_plural = _("监测员")
        ordering = ["-term_start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="active"),
                name="monitor_one_active_per_user",
            ),
            models.CheckConstraint(
                condition=Q(term_end__gte=models.F("term_start")),
                name="monitor_term_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status="active", ended_on__isnull=True)
                | Q(status="ended", ended_on__isnull=False),
                name="monitor_ended_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.term_start}–{self.term_end}"

    @property
    def last_day(self) -> datetime.date:
        """The last day the monitor serves: the end of the term, or the day it was ended."""
        return self.ended_on or self.term_end

    def serves_on(self, day: datetime.date) -> bool:
        return self.status == self.Status.ACTIVE and self.term_start <= day <= self.term_end

    def covers_month(self, month: datetime.date) -> bool:
        """Whether the term covered the whole month (reports of it were due)."""
        first = month.replace(day=1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return self.term_start <= first and self.last_day >= last


class MonitorReport(models.Model):
    """A monitoring report (监测报告): the complaint it was filed as, for a month of a term."""

    monitor = models.ForeignKey(
        Monitor, verbose_name=_("监测员"), on_delete=models.PROTECT, related_name="reports"
    )
    # The first day of the month the report counts for (the month it was submitted in).
    month = models.DateField(_("所属月份"))
    complaint = models.OneToOneField(
        Complaint, verbose_name=_("诉求"), on_delete=models.PROTECT, related_name="monitor_report"
    )
    submitted_at = models.DateTimeField(_("报送时间"), default=timezone.now)

    class Meta:
        verbose_name = _("监测报告")
        verbose_name_plural = _("监测报告")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["month", "monitor"], name="monitor_report_month")]
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="monitor_report_month_first")
        ]

    def __str__(self) -> str:
        return f"{self.monitor_id} {self.month:%Y-%m}"


class MonitorEvent(DomainEvent):
    """What happened to an appointment: appointed, a report posted, the term ended."""

    class Code(models.TextChoices):
        APPOINTED = "appointed", _("聘任")
        REPORTED = "reported", _("报送监测报告")
        ENDED = "ended", _("离任")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "monitor"
    monitor = models.ForeignKey(Monitor, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("监测员事件")
        verbose_name_plural = _("监测员事件")

    def __str__(self) -> str:
        return f"{self.monitor_id} {self.get_code_display()}"

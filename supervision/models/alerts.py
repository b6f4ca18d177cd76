"""Warnings (预警) raised by the sweep and by every pillar, and what was done about them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department
from portal.texts import render_text


class Alert(models.Model):
    """A warning (预警) that some rule was broken or is at risk, from any pillar."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("超期")
        RATING_WARNING = "rating_warning", _("测评预警")
        FEE_ANOMALY = "fee_anomaly", _("收费异常")
        SEPARATION_OF_DUTIES = "separation_of_duties", _("受理办理未分离")
        RECUSAL = "recusal", _("应回避未回避")
        RISK_DECISION = "risk_decision", _("风险点决定")
        STALE_COLUMN = "stale_column", _("栏目更新不及时")
        LATE_PUBLICATION = "late_publication", _("信息公开超期")
        CALENDAR_MISSING = "calendar_missing", _("工作日历缺失")
        AUDIT_BROKEN = "audit_broken", _("审计日志校验失败")
        LEGAL_LIMIT = "legal_limit", _("超过法定办结时限")
        MESSAGE_UNANSWERED = "message_unanswered", _("留言三个月未答复")
        CONSULTATION_FEEDBACK = "consultation_feedback", _("意见征集未反馈采纳情况")
        APPRAISAL_LOW = "appraisal_low", _("民主评议得分偏低")
        MONITOR_MISSING = "monitor_missing", _("监测员未按月报送")
        OTHER = "other", _("其他")

    class Severity(models.TextChoices):
        INFO = "info", _("提示")
        WARNING = "warning", _("预警")
        SERIOUS = "serious", _("严重")

    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        ACKNOWLEDGED = "acknowledged", _("已知悉")
        CLOSED = "closed", _("已处置")

    class Action(models.TextChoices):
        WARNING_LETTER = "warning_letter", _("预警告知函")
        RECTIFY = "rectify", _("限期整改")
        ADMONITION = "admonition", _("效能告诫")
        EFFICIENCY_TALK = "efficiency_talk", _("效能谈话")
        ADMONISHMENT_TALK = "admonishment_talk", _("诫勉谈话")
        INTERVIEW = "interview", _("约谈")
        INVESTIGATION = "investigation", _("立案调查")
        NO_ACTION = "no_action", _("核实无问题")
        OTHER = "other", _("其他")

    kind = models.CharField(_("类别"), max_length=24, choices=Kind.choices)
    severity = models.CharField(
        _("级别"), max_length=8, choices=Severity.choices, default=Severity.WARNING
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("涉及部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="alerts",
    )
    subject_ref = models.CharField(_("事项编号"), max_length=80, blank=True)
    subject_url = models.CharField(_("链接"), max_length=300, blank=True)
    # Older rows (and free-form alerts) hold their text here; others a code and its parameters,
    # rendered in the reader's language (`portal.texts`).
    message = models.TextField(_("预警内容"), blank=True)
    message_code = models.CharField(max_length=60, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    dedup_key = models.CharField(max_length=200, unique=True)
    raised_at = models.DateTimeField(_("预警时间"), default=timezone.now)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.OPEN)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action = models.CharField(_("处置措施"), max_length=20, choices=Action.choices, blank=True)
    action_note = models.TextField(_("处置情况"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    closed_at = models.DateTimeField(_("处置时间"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("预警")
        verbose_name_plural = _("预警")
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(fields=["status", "kind"], name="alert_status_kind"),
            # The open alerts by kind on the dashboard and the workbench card.
            models.Index(
                fields=["kind", "department"], condition=~Q(status="closed"), name="alert_open"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | (Q(closed_at__isnull=False) & ~Q(action="")),
                name="closed_alert_names_action",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"

    @property
    def text(self) -> str:
        """The alert's message in the active language."""
        return render_text(self.message_code, self.message_params, fallback=self.message)


class AlertEvent(DomainEvent):
    """What happened to an alert: raised by a pillar, acknowledged, closed with the action taken.
    The sweep's overdue alerts have no `raised` row: their `raised_at` is when the clock went red.
    """

    class Code(models.TextChoices):
        RAISED = "raised", _("预警")
        ACKNOWLEDGED = "acknowledged", _("知悉")
        CLOSED = "closed", _("处置")

    subject_field = "alert"
    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("预警事件")
        verbose_name_plural = _("预警事件")

"""Deadline clocks (计时) and what people did to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department

OPEN_STATES = ["running", "paused"]


class Clock(models.Model):
    """A deadline (期限) watched by the sweep: green while in time, yellow near the end, red overdue."""

    class Unit(models.TextChoices):
        WORKDAYS = "workdays", _("工作日")
        DAYS = "days", _("自然日")
        HOURS = "hours", _("小时")
        MINUTES = "minutes", _("分钟")

    class State(models.TextChoices):
        RUNNING = "running", _("计时中")
        PAUSED = "paused", _("已暂停")
        STOPPED = "stopped", _("已办结")

    class Light(models.TextChoices):
        GREEN = "green", _("绿灯")
        YELLOW = "yellow", _("黄灯")
        RED = "red", _("红灯")

    class PauseReason(models.TextChoices):
        SUPPLEMENT = "supplement", _("补正")
        HEARING = "hearing", _("听证")
        EXPERT_REVIEW = "expert_review", _("专家评审")
        INSPECTION = "inspection", _("检验检测")
        CONSULTATION = "consultation", _("第三方征求意见")
        OTHER = "other", _("其他")

    kind = models.CharField(_("类别"), max_length=60, db_index=True)
    subject_ref = models.CharField(_("事项编号"), max_length=80)
    subject_label = models.CharField(_("事项"), max_length=200)
    subject_url = models.CharField(_("链接"), max_length=300, blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("责任部门"), on_delete=models.PROTECT, related_name="clocks"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("责任人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    unit = models.CharField(_("计时单位"), max_length=10, choices=Unit.choices)
    limit = models.PositiveIntegerField(_("期限"))
    extension = models.PositiveIntegerField(_("延长"), default=0)
    extension_reason = models.CharField(_("延长理由"), max_length=300, blank=True)
    extension_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批准人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    # Foreign keys to users carry no index: no page filters by them, and every light change
    # would write it. Units of the limit used before the running segment began (pauses do not count).
    used = models.FloatField(default=0)
    segment_started_at = models.DateTimeField()
    started_at = models.DateTimeField(_("开始时间"))
    warn_at = models.DateTimeField(_("预警时间"))
    due_at = models.DateTimeField(_("到期时间"))
    # A clock still red this long after its supervision notice goes to the second grade (通报).
    escalate_at = models.DateTimeField(_("升级时间"))
    state = models.CharField(_("状态"), max_length=8, choices=State.choices, default=State.RUNNING)
    light = models.CharField(_("灯色"), max_length=6, choices=Light.choices, default=Light.GREEN)
    paused_at = models.DateTimeField(_("暂停时间"), null=True, blank=True)
    pause_reason = models.CharField(
        _("暂停事由"), max_length=16, choices=PauseReason.choices, blank=True
    )
    stopped_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    # Computed over a year the official calendar has not loaded (weekends only).
    provisional = models.BooleanField(_("日历待确认"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("计时器")
        verbose_name_plural = _("计时器")
        indexes = [
            models.Index(fields=["state", "warn_at"], name="clock_open_warn"),
            models.Index(fields=["state", "due_at"], name="clock_open_due"),
            # The drill-down list of open work by due time. No index holds the light, so that
            # the sweep's light updates can stay heap-only (the dashboard reads OpenClockCount).
            models.Index(
                fields=["due_at"], condition=Q(state__in=OPEN_STATES), name="clock_open_by_due"
            ),
            models.Index(
                fields=["department", "due_at"],
                condition=Q(state__in=OPEN_STATES),
                name="clock_open_by_dept_due",
            ),
            models.Index(
                fields=["stopped_at", "department", "due_at"],
                condition=Q(state="stopped"),
                name="clock_done",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(warn_at__lte=models.F("due_at")), name="clock_warn_before_due"
            ),
            # The sweep's second-grade statement relies on it (it searches overdue clocks only).
            models.CheckConstraint(
                condition=Q(escalate_at__gte=models.F("due_at")), name="clock_escalate_after_due"
            ),
            models.CheckConstraint(
                condition=~Q(state="stopped") | Q(stopped_at__isnull=False),
                name="clock_stopped_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(state="paused") | Q(paused_at__isnull=False),
                name="clock_paused_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_label} ({self.get_light_display()})"

    @property
    def total(self) -> int:
        return self.limit + self.extension

    @property
    def is_open(self) -> bool:
        return self.state != self.State.STOPPED

    @property
    def on_time(self) -> bool | None:
        """Whether the work finished by its due time; None while it runs."""
        return None if self.stopped_at is None else self.stopped_at <= self.due_at


class ClockEvent(DomainEvent):
    """What people did to a clock; light changes are recorded by the notices they earn (sweep)."""

    class Code(models.TextChoices):
        STARTED = "started", _("开始计时")
        PAUSED = "paused", _("暂停计时")
        RESUMED = "resumed", _("恢复计时")
        RESTARTED = "restarted", _("重新计时")
        EXTENDED = "extended", _("延长期限")
        STOPPED = "stopped", _("停止计时")

    subject_field = "clock"
    clock = models.ForeignKey(Clock, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("计时事件")
        verbose_name_plural = _("计时事件")

"""Electronic supervision (电子监察): clocks with lights, notices, alerts.

Every deadline of every pillar is a `Clock`. The clock keeps its subject's kind, reference,
label and link for display, so supervision never imports a pillar; the pillar object holds the
foreign key to its clock. Due, warning and escalation moments are computed in Python when a clock
is started, paused, resumed or extended, so that the sweep is plain SQL comparisons."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department
from portal.texts import render_text

# The summary tables live in their own module; imported here so that Django registers them.
from supervision.summaries import ClockDay, NoticeDay, OpenClockCount  # noqa: F401

OPEN_STATES = ["running", "paused"]
# Notices still waiting for the department's feedback (待反馈).
OPEN_NOTICE_STATUSES = ["issued", "acknowledged"]
# Notices the department still has to answer (second-grade circulars need no answer).
UNANSWERED = Q(status__in=OPEN_NOTICE_STATUSES) & ~Q(level="second_grade")


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


# The word that opens a notice's document number, per level.
NOTICE_NUMBER_PREFIXES = {"urge": _("催办"), "supervision": _("督办"), "second_grade": _("通报")}


class Notice(models.Model):
    """An urge notice (催办通知, at yellow), a written supervision notice (督办通知书, at red) or a
    second-grade circular (通报, still red after the supervision notice). One per clock and level.

    A notice is open until the department answers it (反馈整改) or its clock stops because the
    work is done, which closes it (办结关闭) with the date.
    """

    class Level(models.TextChoices):
        URGE = "urge", _("催办通知")
        SUPERVISION = "supervision", _("督办通知书")
        SECOND_GRADE = "second_grade", _("通报")

    class Status(models.TextChoices):
        ISSUED = "issued", _("已发出")
        ACKNOWLEDGED = "acknowledged", _("已签收")
        ANSWERED = "answered", _("已反馈整改")
        CLOSED = "closed", _("已办结关闭")

    # The unique (clock, level) constraint indexes the clock: no second index to write per notice.
    clock = models.ForeignKey(
        Clock, on_delete=models.CASCADE, related_name="notices", db_index=False
    )
    level = models.CharField(_("类别"), max_length=12, choices=Level.choices)
    # Indexed by `notice_dept_status`, which leads with it: no second index to write per notice.
    department = models.ForeignKey(
        Department,
        verbose_name=_("主送部门"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    # When the threshold was crossed: a late sweep dates a notice as a timely one would have.
    issued_at = models.DateTimeField(_("发出时间"))
    notified_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.ISSUED
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    acknowledged_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    reply = models.TextField(_("整改情况"), blank=True)
    replied_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("关闭时间"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("督办文书")
        verbose_name_plural = _("督办文书")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "level"], name="one_notice_per_clock_and_level"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="closed_notice_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status"], name="notice_dept_status"),
            models.Index(fields=["-issued_at"], condition=UNANSWERED, name="notice_unanswered"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The document number in the reader's language, e.g. 督办〔2026〕第0042号."""
        return gettext("%(prefix)s〔%(year)s〕第%(serial)s号") % {
            "prefix": NOTICE_NUMBER_PREFIXES[self.level],
            "year": timezone.localtime(self.issued_at).year,
            "serial": f"{self.pk:04d}",
        }

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_NOTICE_STATUSES


class NoticeEvent(DomainEvent):
    """What happened to a notice: signed for, answered with its rectification, or closed because
    its clock stopped. The issuance is the notice row itself (`issued_at`): the sweep's set-based
    INSERTs write no event rows."""

    class Code(models.TextChoices):
        ACKNOWLEDGED = "acknowledged", _("签收")
        REPLIED = "replied", _("反馈整改")
        CLOSED = "closed", _("办结关闭")

    subject_field = "notice"
    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("督办文书事件")
        verbose_name_plural = _("督办文书事件")


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

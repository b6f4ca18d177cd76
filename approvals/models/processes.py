"""Process definitions (审批流程): the fixed, versioned steps of a catalogue item.

"将行政权力运行过程固化为计算机程序": a version that is active or retired never changes; a new
version is drafted instead, and activating it retires the old one. Running cases keep the
version they started with (the case holds a PROTECT key to it).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Process(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        ACTIVE = "active", _("启用")
        RETIRED = "retired", _("已停用")

    item = models.ForeignKey(
        "disclosure.CatalogueItem",
        verbose_name=_("事项"),
        on_delete=models.PROTECT,
        related_name="processes",
    )
    version = models.PositiveIntegerField(_("版本"))
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    total_limit_workdays = models.PositiveIntegerField(
        _("办理总时限（工作日）"),
        default=20,
        help_text=_("办件计时所用的承诺办结时限，不超过事项的承诺办结时限。"),
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    activated_at = models.DateTimeField(_("启用时间"), null=True, blank=True)
    retired_at = models.DateTimeField(_("停用时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item_id", "-version"]
        verbose_name = _("审批流程")
        verbose_name_plural = _("审批流程")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "version"], name="approvals_process_item_version_unique"
            ),
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(status="active"),
                name="approvals_process_one_active_per_item",
            ),
            models.CheckConstraint(
                condition=Q(total_limit_workdays__gte=1), name="approvals_process_limit_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_joint(self) -> bool:
        """Whether any step is handled by several departments (联审联批); one query."""
        return self.steps.annotate(n=models.Count("departments")).filter(n__gt=1).exists()


class ProcessStep(models.Model):
    class Kind(models.TextChoices):
        ACCEPT = "accept", _("受理")
        REVIEW = "review", _("审查")
        DECIDE = "decide", _("决定")
        FINISH = "finish", _("办结")

    class Risk(models.IntegerChoices):
        NONE = 0, _("无")
        LEVEL_1 = 1, _("一级风险")
        LEVEL_2 = 2, _("二级风险")
        LEVEL_3 = 3, _("三级风险")

    process = models.ForeignKey(
        Process, verbose_name=_("流程"), on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveSmallIntegerField(_("顺序"))
    kind = models.CharField(_("环节类型"), max_length=8, choices=Kind.choices)
    name = models.CharField(_("环节名称"), max_length=60)
    departments = models.ManyToManyField(
        "portal.Department", verbose_name=_("承办部门"), related_name="approval_steps"
    )
    limit_workdays = models.PositiveSmallIntegerField(_("环节时限（工作日）"), default=5)
    risk_level = models.PositiveSmallIntegerField(
        _("风险等级"), choices=Risk.choices, default=Risk.NONE
    )
    control_measure = models.TextField(_("防控措施"), blank=True)
    history = HistoricalRecords(m2m_fields=[departments])

    class Meta:
        ordering = ["process_id", "order"]
        verbose_name = _("流程环节")
        verbose_name_plural = _("流程环节")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "order"], name="approvals_step_process_order_unique"
            ),
            models.CheckConstraint(
                condition=Q(risk_level__gte=0, risk_level__lte=3),
                name="approvals_step_risk_0_to_3",
            ),
            models.CheckConstraint(
                condition=Q(limit_workdays__gte=1), name="approvals_step_limit_positive"
            ),
            models.CheckConstraint(
                condition=Q(risk_level=0) | ~Q(control_measure=""),
                name="approvals_step_risk_has_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.label}"

    @property
    def label(self) -> str:
        """The name in the reader's language: the usual names (those the demo seeds) are msgids,
        a name an admin typed otherwise is shown as typed."""
        return gettext(self.name) if self.name else ""

    @property
    def is_joint(self) -> bool:
        """More than one department handles this step in parallel (联审联批)."""
        return len(self.departments.all()) > 1

    @property
    def is_monitored(self) -> bool:
        """Level 1 and 2 risk points are under focused monitoring (重点监控)."""
        return self.risk_level in (self.Risk.LEVEL_1, self.Risk.LEVEL_2)

"""Handling (内网办理): the departments' tasks on a case's steps and the one-time notice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CaseTask(models.Model):
    """One department's share of the current step; a joint step has one per department."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待办")
        ACTIVE = "active", _("办理中")
        SIGNED = "signed", _("已签署")
        RETURNED = "returned", _("已退回")
        CANCELLED = "cancelled", _("已取消")

    case = models.ForeignKey(
        "approvals.Case", verbose_name=_("办件"), on_delete=models.CASCADE, related_name="tasks"
    )
    step = models.ForeignKey(
        "approvals.ProcessStep", verbose_name=_("环节"), on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "portal.Department", verbose_name=_("承办部门"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    opinion = models.TextField(_("办理意见"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("办理时间"), null=True, blank=True)
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("环节时限"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A task of the 受理 step, copied from its step (whose kind is fixed once the process is
    # active): the workbench counts a unit's open ones by their light from a small partial
    # index, not from every open task of the unit joined to its step.
    is_acceptance = models.BooleanField(_("受理环节"), default=False, editable=False)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case_id", "created_at", "id"]
        verbose_name = _("办理任务")
        verbose_name_plural = _("办理任务")
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(
                fields=["department"],
                condition=Q(is_acceptance=True, status__in=["pending", "active"]),
                name="approvals_task_open_acceptance",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "step", "department"],
                condition=Q(status__in=["pending", "active"]),
                name="approvals_task_one_open_per_department",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["signed", "returned", "cancelled"])
                | Q(signed_at__isnull=False),
                name="approvals_task_done_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.step.name} · {self.department}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.ACTIVE)


class MaterialNotice(models.Model):
    """一次性告知: the one notice listing every missing material; at most one per case."""

    case = models.OneToOneField(
        "approvals.Case",
        verbose_name=_("办件"),
        on_delete=models.CASCADE,
        related_name="material_notice",
    )
    missing = models.JSONField(_("需补正材料"), default=list)
    note = models.TextField(_("补正说明"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("告知人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("告知时间"), default=timezone.now)
    supplied_at = models.DateTimeField(_("补正时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("一次性告知")
        verbose_name_plural = _("一次性告知")

    def __str__(self) -> str:
        return f"{self.case} {self.sent_at:%Y-%m-%d}"

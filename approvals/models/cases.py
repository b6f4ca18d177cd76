"""Cases (办件): one application for one catalogue item, run through its process version.

"外网受理、内网办理、外网反馈": the citizen files and follows the case on the public site, staff
handle it in the workbench. `CaseEvent` is the citizen-visible timeline ("全程留痕"); history
records which fields changed and who changed them.

Not an area of its own: the case and its timeline are written by every area (applying creates
and submits it, handling moves it, ratings add to its timeline), so they live in this shared
module; what only one area writes lives in that area's module (`applying`, `handling`).
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent


class Case(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("待受理")
        AWAITING_MATERIALS = "awaiting_materials", _("待补正")
        IN_PROGRESS = "in_progress", _("办理中")
        PAUSED = "paused", _("暂停计时")
        DECIDED = "decided", _("已决定")
        FINISHED = "finished", _("已办结")
        REFUSED = "refused", _("不予受理")
        WITHDRAWN = "withdrawn", _("已撤回")

    class Decision(models.TextChoices):
        APPROVE = "approve", _("准予许可")
        REFUSE = "refuse", _("不予许可")

    class PauseKind(models.TextChoices):
        HEARING = "hearing", _("听证")
        EXPERT_REVIEW = "expert_review", _("专家评审")
        INSPECTION = "inspection", _("检验检测")

    # Statuses in which the case is still being worked on (for queues and lights).
    OPEN_STATUSES = (
        Status.SUBMITTED,
        Status.AWAITING_MATERIALS,
        Status.IN_PROGRESS,
        Status.PAUSED,
        Status.DECIDED,
    )

    number = models.CharField(_("办件编号"), max_length=32, blank=True, default="")
    # The query code is shown once on submission; only its keyed digest is kept, never in history.
    query_code_digest = models.CharField(max_length=64, blank=True, default="", editable=False)
    process = models.ForeignKey(
        "approvals.Process",
        verbose_name=_("流程版本"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    item = models.ForeignKey(
        "disclosure.CatalogueItem",
        verbose_name=_("事项"),
        on_delete=models.PROTECT,
        related_name="approval_cases",
    )
    # The published version of the item the application was filed under: its materials, limits
    # and fee hold for the case even after the item is revised. Empty only for cases from before
    # versions were recorded, which read the live item.
    item_version = models.ForeignKey(
        "disclosure.CatalogueItemVersion",
        verbose_name=_("事项版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人账号"),
        on_delete=models.PROTECT,
        related_name="approval_cases",
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代办员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agent_approval_cases",
    )
    applicant_name = models.CharField(_("申请人"), max_length=120, blank=True)
    applicant_id_number = models.CharField(
        _("身份证号码或统一社会信用代码"), max_length=18, blank=True
    )
    applicant_mobile = models.CharField(_("联系电话"), max_length=11, blank=True)
    form_data = models.JSONField(_("申请内容"), default=dict, blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    current_step = models.ForeignKey(
        "approvals.ProcessStep",
        verbose_name=_("当前环节"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("承办单位"),
        on_delete=models.PROTECT,
        related_name="approval_cases",
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("受理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deemed_accepted = models.BooleanField(_("逾期视为受理"), default=False)
    refusal_reason = models.TextField(_("不予受理理由"), blank=True)
    decision = models.CharField(
        _("审批决定"), max_length=8, choices=Decision.choices, blank=True, default=""
    )
    decision_reason = models.TextField(_("决定理由"), blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("决定人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    result_document = models.FileField(
        _("决定文书"), upload_to="approvals/results/%Y/%m/", blank=True
    )
    fee_amount = models.DecimalField(
        _("收费金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    fee_override_reason = models.TextField(_("超标准收费理由"), blank=True)
    extended = models.BooleanField(_("已延长期限"), default=False)
    pause_kind = models.CharField(
        _("暂停事由"), max_length=16, choices=PauseKind.choices, blank=True, default=""
    )
    pause_expected_days = models.PositiveSmallIntegerField(
        _("预计时长（工作日）"), null=True, blank=True
    )
    delivery_note = models.TextField(_("送达说明"), blank=True)
    finished_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("办理时限"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # 法定办结时限 in force when the case was accepted; the clock runs on the (shorter) promise.
    legal_limit_workdays = models.PositiveSmallIntegerField(
        _("法定办结时限（工作日）"), null=True, blank=True
    )
    acceptance_clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("受理时限"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["query_code_digest"])

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("办件")
        verbose_name_plural = _("办件")
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["applicant", "status"]),
            models.Index(fields=["status", "submitted_at"]),
            # The queue walks cases oldest first and stops after one page.
            models.Index(fields=["submitted_at", "id"], name="approvals_case_queue_order"),
            # A department's to-do (only open cases carry open tasks) walks the open cases oldest
            # first, without the finished history before them.
            models.Index(
                fields=["submitted_at", "id"],
                condition=Q(
                    status__in=[
                        "submitted",
                        "awaiting_materials",
                        "in_progress",
                        "paused",
                        "decided",
                    ]
                ),
                name="approvals_case_open_queue",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="approvals_case_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | ~Q(number=""),
                name="approvals_case_submitted_has_number",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["decided", "finished"]) | ~Q(decision=""),
                name="approvals_case_decided_has_decision",
            ),
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gte=0),
                name="approvals_case_fee_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.number or _("草稿 #%(pk)s") % {"pk": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @cached_property
    def item_terms(self) -> dict:
        """The item as published in the case's version: materials, limits, fee (a snapshot dict)."""
        if self.item_version_id:
            return self.item_version.snapshot
        item = self.item
        return {
            "time_limit_days": item.time_limit_days,
            "legal_limit_days": item.legal_limit_days,
            "fee": str(item.fee),
            "fee_standard": item.fee_standard,
            "materials": [
                {"name": m.name, "is_required": m.is_required, "description": m.description}
                for m in item.materials.all()
            ],
        }

    @property
    def catalogue_materials(self) -> list["ItemMaterial"]:
        """The materials list of the case's item version, in order."""
        return [
            ItemMaterial(
                name=m["name"],
                is_required=m.get("is_required", True),
                description=m.get("description", ""),
            )
            for m in self.item_terms.get("materials", [])
        ]

    @property
    def followers(self) -> list:
        """The applicant and, when one filed it, the village agent: both follow the case."""
        return [user for user in (self.applicant, self.agent) if user is not None]


@dataclass(frozen=True)
class ItemMaterial:
    """A material the catalogue item required in the case's version (not a stored row)."""

    name: str
    is_required: bool = True
    description: str = ""


class CaseEvent(DomainEvent):
    """The citizen timeline of a case: one row per state change, in the domain's words."""

    class Code(models.TextChoices):
        CREATED = "created", _("创建申请")
        CONSENT_REQUESTED = "consent_requested", _("代办员申请代办，待申请人确认")
        CONSENT_GRANTED = "consent_granted", _("申请人同意代办")
        CONSENT_REFUSED = "consent_refused", _("申请人拒绝代办")
        DRAFT_SAVED = "draft_saved", _("保存草稿")
        MATERIAL_ADDED = "material_added", _("上传材料")
        MATERIAL_REMOVED = "material_removed", _("删除材料")
        SUBMITTED = "submitted", _("提交申请")
        MATERIAL_NOTICE = "material_notice", _("一次性告知补正")
        SUPPLIED = "supplied", _("补正材料")
        DEEMED_ACCEPTED = "deemed_accepted", _("逾期未告知，视为受理")
        ACCEPTED = "accepted", _("受理")
        REFUSED_ACCEPTANCE = "refused_acceptance", _("不予受理")
        STEP_PASSED = "step_passed", _("环节办结")
        STEP_RETURNED = "step_returned", _("退回")
        JOINT_SIGNED = "joint_signed", _("联审会签")
        PAUSED = "paused", _("暂停计时")
        RESUMED = "resumed", _("恢复计时")
        EXTENDED = "extended", _("延长期限")
        FEE_SET = "fee_set", _("核定收费")
        FEE_OVERRIDE = "fee_override", _("超标准收费（负责人核准）")
        DECIDED = "decided", _("作出决定")
        FINISHED = "finished", _("办结")
        DELIVERED = "delivered", _("送达")
        WITHDRAWN = "withdrawn", _("撤回申请")
        RATED = "rated", _("评价")

    # Steps of the staff's own bookkeeping the citizen timeline may leave out.
    DRAFT_CODES = (Code.DRAFT_SAVED, Code.MATERIAL_ADDED, Code.MATERIAL_REMOVED)

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "case"
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("办件事件")
        verbose_name_plural = _("办件事件")
        indexes = [models.Index(fields=["case", "created_at"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_code_display()}"

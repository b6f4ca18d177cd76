"""Disclosure on request (依申请公开, 政府信息公开条例 2019 Art 27-37).

A citizen or enterprise applies; the disclosure office answers within 20 working days of receipt
with exactly one statutory reply type. Along the way it may send one supplement notice (补正),
consult a third party (征求第三方意见) and extend the limit once. The deadline is a supervision
clock; the applicant follows every step through the event rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent


class InformationRequest(models.Model):
    """一份政府信息公开申请."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("办理中")
        SUPPLEMENT = "supplement", _("待补正")
        CONSULTING = "consulting", _("征求第三方意见")
        ANSWERED = "answered", _("已答复")
        ABANDONED = "abandoned", _("视为放弃")

    class Delivery(models.TextChoices):
        ONLINE = "online", _("网上查阅")
        EMAIL = "email", _("电子邮件")
        POST = "post", _("纸质邮寄")
        PICKUP = "pickup", _("当面领取")

    class ReplyType(models.TextChoices):
        ALREADY_PUBLIC = "already_public", _("已主动公开")
        DISCLOSED = "disclosed", _("予以公开")
        PARTIAL = "partial", _("部分公开")
        REFUSED = "refused", _("不予公开")
        NOT_EXIST = "not_exist", _("信息不存在")
        NOT_THIS_OFFICE = "not_this_office", _("非本机关负责公开")
        DUPLICATE = "duplicate", _("重复申请")
        NOT_PROCESSED = "not_processed", _("不予处理")

    class RefusalReason(models.TextChoices):
        STATE_SECRET = "state_secret", _("属于国家秘密（第十四条）")
        LAW_FORBIDS = "law_forbids", _("法律、行政法规禁止公开（第十四条）")
        SECURITY = "security", _("公开后可能危及国家安全、公共安全、经济安全、社会稳定（第十四条）")
        THIRD_PARTY = (
            "third_party",
            _("涉及商业秘密、个人隐私等，公开会损害第三方合法权益（第十五条）"),
        )
        INTERNAL = "internal", _("属于人事管理、后勤管理、内部工作流程等内部事务信息（第十六条）")
        PROCESS = "process", _("属于讨论记录、过程稿、请示报告等过程性信息（第十六条）")
        ENFORCEMENT = "enforcement", _("属于行政执法案卷信息（第十六条）")

    OPEN_STATUSES = (Status.RECEIVED, Status.SUPPLEMENT, Status.CONSULTING)
    # Reply types that withhold information must name their legal reason.
    NEEDS_REASON = (ReplyType.REFUSED, ReplyType.PARTIAL)

    number = models.CharField(_("申请编号"), max_length=20, unique=True, null=True, blank=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人账户"),
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    # The applicant's details as given on the form (pre-filled from the profile).
    applicant_name = models.CharField(_("申请人姓名"), max_length=60)
    organization = models.CharField(_("单位名称"), max_length=120, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=18, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    description = models.TextField(_("所需信息的内容描述"))
    purpose = models.TextField(_("用途"), blank=True)
    delivery = models.CharField(
        _("获取信息的方式"), max_length=8, choices=Delivery.choices, default=Delivery.ONLINE
    )
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    received_at = models.DateTimeField(_("收到申请时间"), default=timezone.now, db_index=True)
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("答复期限"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # 补正 (Art 30): at most one notice, so it lives on the request.
    supplement_requested_at = models.DateTimeField(_("补正通知时间"), null=True, blank=True)
    supplement_request = models.TextField(_("需补正的内容"), blank=True)
    supplement_due_at = models.DateTimeField(_("补正期限"), null=True, blank=True)
    supplemented_at = models.DateTimeField(_("补正时间"), null=True, blank=True)
    supplement_text = models.TextField(_("补正内容"), blank=True)
    # 延长答复期限 (Art 33): once, at most 20 working days, approved by the office head.
    extension_days = models.PositiveSmallIntegerField(_("延长工作日"), default=0)
    extension_reason = models.CharField(_("延长理由"), max_length=300, blank=True)
    extension_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批准人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extended_at = models.DateTimeField(_("延长时间"), null=True, blank=True)
    # The answer (Art 36).
    reply_type = models.CharField(
        _("答复类型"), max_length=16, choices=ReplyType.choices, blank=True
    )
    refusal_reason = models.CharField(
        _("不予公开的理由"), max_length=16, choices=RefusalReason.choices, blank=True
    )
    other_agency = models.CharField(_("负责公开的机关"), max_length=120, blank=True)
    answer_text = models.TextField(_("答复内容"), blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    # When the request left the office's hands (answered or deemed abandoned): the annual report.
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("依申请公开")
        verbose_name_plural = _("依申请公开")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(extension_days__lte=20), name="disclosure_request_extension_max_20"
            ),
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (~Q(reply_type="") & Q(answered_at__isnull=False) & ~Q(remedies="")),
                name="disclosure_request_answer_complete",
            ),
            models.CheckConstraint(
                condition=~Q(reply_type__in=["refused", "partial"]) | ~Q(refusal_reason=""),
                name="disclosure_request_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(reply_type="not_this_office") | ~Q(other_agency=""),
                name="disclosure_request_names_other_agency",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["received", "supplement", "consulting"])
                | Q(closed_at__isnull=False),
                name="disclosure_request_closed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(supplemented_at__isnull=True)
                | Q(supplement_requested_at__isnull=False),
                name="disclosure_request_supplement_after_notice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or '—'} {self.description[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("disclosure:request_detail", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def title(self) -> str:
        return self.description[:40]


class Consultation(models.Model):
    """征求第三方意见 (Art 32): the clock stops while the third party has 15 working days."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("已回复")
        LAPSED = "lapsed", _("逾期未回复")

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="consultations"
    )
    third_party = models.CharField(_("第三方"), max_length=120)
    question = models.TextField(_("征求意见事项"))
    started_at = models.DateTimeField(_("发出时间"), default=timezone.now)
    due_at = models.DateTimeField(_("答复期限"))
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    outcome = models.CharField(_("结果"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("第三方意见"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("征求第三方意见")
        verbose_name_plural = _("征求第三方意见")
        ordering = ["started_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(ended_at__isnull=True),
                name="disclosure_one_open_consultation",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | ~Q(outcome=""),
                name="disclosure_consultation_ended_has_outcome",
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(ended_at__isnull=True),
                name="disclosure_consult_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.third_party}"


class RequestDocument(models.Model):
    """A document sent with the answer; served only to the applicant and the office."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(upload_to="disclosure/requests/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("答复文件")
        verbose_name_plural = _("答复文件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class RequestEvent(DomainEvent):
    """What happened to a request; every row is shown to the applicant."""

    class Code(models.TextChoices):
        RECEIVED = "received", _("收到申请")
        SUPPLEMENT_REQUESTED = "supplement_requested", _("发出补正通知")
        SUPPLEMENTED = "supplemented", _("申请人补正")
        ABANDONED = "abandoned", _("逾期未补正，视为放弃申请")
        CONSULTATION_STARTED = "consultation_started", _("征求第三方意见（暂停计时）")
        CONSULTATION_ANSWERED = "consultation_answered", _("第三方已回复（恢复计时）")
        CONSULTATION_LAPSED = "consultation_lapsed", _("第三方逾期未回复（恢复计时）")
        EXTENDED = "extended", _("延长答复期限")
        ANSWERED = "answered", _("作出答复")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "request"
    request = models.ForeignKey(InformationRequest, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("依申请公开记录")
        verbose_name_plural = _("依申请公开记录")

    def __str__(self) -> str:
        return f"{self.request_id} {self.get_code_display()}"

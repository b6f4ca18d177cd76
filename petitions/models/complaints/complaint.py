"""The complaint (诉求) itself, the files sent with it and the leader's instructions on it.

The complainant's identity is NOT here: it lives in `petitions.models.identity`, so that the
complaint, its history and its events can be shown to the handling department without it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from petitions.models.routing import Category


class Complaint(models.Model):
    """A complaint, report, request for help or consultation, filed online or by the hotline."""

    class Status(models.TextChoices):
        AWAITING_INSTRUCTION = "awaiting_instruction", _("待领导批示")
        REGISTERED = "registered", _("待分派")
        DISPATCHED = "dispatched", _("待签收")
        HANDLING = "handling", _("办理中")
        REPLIED = "replied", _("已答复")
        REHANDLING = "rehandling", _("重新办理")
        CLOSED = "closed", _("已办结")
        TRANSFERRED = "transferred", _("紧急转办")
        REFERRED = "referred", _("已告知其他渠道")
        MERGED = "merged", _("已合并")
        NOT_ACCEPTED = "not_accepted", _("不予受理")
        CONVERTED = "converted", _("已转为留言")

    class Channel(models.TextChoices):
        ONLINE = "online", _("网上投诉")
        PHONE = "phone", _("12345电话")
        SMS = "sms", _("短信")
        MONITOR = "monitor", _("监测员报告")

    class Contact(models.TextChoices):
        INBOX = "inbox", _("站内信")
        SMS = "sms", _("短信")
        PHONE = "phone", _("电话")
        EMAIL = "email", _("电子邮件")
        NONE = "none", _("不需联系（凭查询码查看）")

    class Referral(models.TextChoices):
        COURT = "court", _("人民法院（诉讼）")
        ARBITRATION = "arbitration", _("仲裁机构（仲裁）")
        DISCLOSURE = "disclosure", _("政府信息依申请公开")
        RECONSIDERATION = "reconsideration", _("行政复议")

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", _("满意")
        BASIC = "basic", _("基本满意")
        UNSATISFIED = "unsatisfied", _("不满意")

    # Filed by the complainant themselves (not registered by the hotline for a caller).
    SELF_FILED_CHANNELS = (Channel.ONLINE, Channel.MONITOR)

    OPEN_STATUSES = (
        Status.AWAITING_INSTRUCTION,
        Status.REGISTERED,
        Status.DISPATCHED,
        Status.HANDLING,
        Status.REHANDLING,
    )

    number = models.CharField(_("编号"), max_length=20, unique=True, null=True, blank=True)
    query_code_digest = models.CharField(max_length=64, editable=False)
    category = models.ForeignKey(
        Category, verbose_name=_("类别"), on_delete=models.PROTECT, related_name="complaints"
    )
    title = models.CharField(_("标题"), max_length=80)
    content = models.TextField(_("内容"))
    place = models.CharField(_("发生地点"), max_length=120, blank=True)
    channel = models.CharField(
        _("来源"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    is_anonymous = models.BooleanField(_("匿名"), default=False)
    names_official = models.BooleanField(_("举报具体公职人员或单位"), default=False)
    # 检举控告: the unit reported on (or the named person's unit). Neither it nor any unit above it
    # may ever handle the complaint (`petitions.services.routing`).
    reported_department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("被举报单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_person = models.CharField(_("被举报人姓名及职务"), max_length=100, blank=True)
    contact_method = models.CharField(
        _("联系方式"), max_length=8, choices=Contact.choices, default=Contact.NONE
    )
    allow_publication = models.BooleanField(_("同意公开"), default=False)
    # On the public board once a moderator passed a reply: the texts the moderator confirmed.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_title = models.CharField(_("公开标题"), max_length=200, blank=True)
    public_content = models.TextField(_("公开诉求内容"), blank=True)
    status = models.CharField(
        _("状态"), max_length=24, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("承办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_emergency = models.BooleanField(_("紧急事项"), default=False)
    referral = models.CharField(_("告知渠道"), max_length=16, choices=Referral.choices, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("合并至"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    related_to = models.ForeignKey(
        "self",
        verbose_name=_("原诉求"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    rehandle_count = models.PositiveSmallIntegerField(_("重办次数"), default=0)
    satisfaction = models.CharField(
        _("满意度"), max_length=12, choices=Satisfaction.choices, blank=True
    )
    is_final = models.BooleanField(_("已复核终结"), default=False)
    registered_at = models.DateTimeField(_("登记时间"), default=timezone.now, db_index=True)
    dispatched_at = models.DateTimeField(_("分派时间"), null=True, blank=True)
    dispatch_minutes = models.PositiveIntegerField(_("分派用时（分钟）"), null=True, blank=True)
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("时限"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["query_code_digest"])

    class Meta:
        verbose_name = _("诉求")
        verbose_name_plural = _("诉求")
        ordering = ["-registered_at", "-id"]
        permissions = [
            ("dispatch_complaint", _("分派诉求（热线办）")),
        ]
        indexes = [
            models.Index(fields=["department", "status"], name="complaint_dept_status"),
            # A department's staff list, newest first: a small unit's page reads 30 entries, not
            # every complaint newer than its own.
            models.Index(
                fields=["department", "-registered_at", "-id"], name="complaint_dept_registered"
            ),
            # A department's to-do (dispatched, handling, rehandling), oldest first: the
            # workbench card reads its first rows without skipping the closed history.
            models.Index(
                fields=["department", "registered_at"],
                condition=models.Q(status__in=["dispatched", "handling", "rehandling"]),
                name="complaint_dept_open_queue",
            ),
            # The public board and the home page's latest replies, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(allow_publication=True, published_at__isnull=False),
                name="complaint_public",
            ),
            # The complaints closed in a month (the leader brief).
            models.Index(
                fields=["closed_at"], condition=Q(closed_at__isnull=False), name="complaint_closed"
            ),
        ]
        constraints = [
            # 强制回应: a complaint is closed only after a reply.
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(replied_at__isnull=False),
                name="complaint_closed_has_reply",
            ),
            models.CheckConstraint(
                condition=Q(rehandle_count__lte=1), name="complaint_rehandled_once"
            ),
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="complaint_merged_has_target",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "awaiting_instruction",
                        "registered",
                        "transferred",
                        "referred",
                        "merged",
                        "not_accepted",
                        "converted",
                    ]
                )
                | Q(department__isnull=False),
                name="complaint_dispatched_has_department",
            ),
            # The unit reported on never handles the report (its ancestors are refused by the
            # services, which can walk the tree).
            models.CheckConstraint(
                condition=Q(reported_department__isnull=True)
                | Q(department__isnull=True)
                | ~Q(department=models.F("reported_department")),
                name="complaint_not_handled_by_reported",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or '—'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:staff_detail", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_protected(self) -> bool:
        """A whistleblower case: anonymous, a report naming an official or unit, or a duplicate
        merged into one (it is handled with the report, by the same people)."""
        return (
            self.is_anonymous
            or self.names_official
            or self.category.kind == Category.Kind.REPORT
            or (self.merged_into_id is not None and self.merged_into.is_protected)
        )

    @property
    def current_round(self) -> int:
        return 1 + self.rehandle_count


class Attachment(models.Model):
    """A file the complainant sent, kept outside the web root and served by a view that checks access."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="petitions/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class LeaderInstruction(models.Model):
    """领导批示: what a leader wrote on a complaint before it was dispatched."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="instructions")
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("批示内容"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("领导批示")
        verbose_name_plural = _("领导批示")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:30]

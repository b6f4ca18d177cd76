"""Messages (在线咨询/留言) to a department or a leader's mailbox (县长信箱, 部门信箱), and their timeline.

A message is answered by a department on a supervision clock (default 5 working days, per
category); with the author's consent its question and answer are published as public Q&A after
moderation (`petitions.models.moderation`). What the author typed about themselves stays here and
is never published: the public text is the moderator's redacted copy.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent


class Message(models.Model):
    """A citizen's question, suggestion or request for help written to a department or a leader."""

    class Mailbox(models.TextChoices):
        DEPARTMENT = "department", _("部门信箱")
        COUNTY_HEAD = "county_head", _("县长信箱")

    class Category(models.TextChoices):
        CONSULTATION = "consultation", _("咨询")
        SUGGESTION = "suggestion", _("建议")
        HELP = "help", _("求助")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        RECEIVED = "received", _("待分办")
        ASSIGNED = "assigned", _("办理中")
        ANSWERED = "answered", _("已答复")
        INVALID = "invalid", _("无效留言")
        CONVERTED = "converted", _("已转为投诉")

    OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED)

    number = models.CharField(_("编号"), max_length=20, unique=True, null=True, blank=True)
    query_code_digest = models.CharField(max_length=64, editable=False)
    mailbox = models.CharField(_("信箱"), max_length=12, choices=Mailbox.choices)
    # The department the author wrote to (部门信箱); empty for the county head's mailbox.
    addressee = models.ForeignKey(
        "portal.Department",
        verbose_name=_("收信单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.CharField(_("类别"), max_length=14, choices=Category.choices)
    title = models.CharField(_("标题"), max_length=80)
    content = models.TextField(_("内容"))
    # The author: null when anonymous (an anonymous message is never linked to an account).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("留言人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages_written",
    )
    is_anonymous = models.BooleanField(_("匿名"), default=False)
    contact_name = models.CharField(_("姓名"), max_length=40, blank=True)
    contact_phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    contact_address = models.CharField(_("联系地址"), max_length=120, blank=True)
    publish_consent = models.BooleanField(_("同意公开"), default=False)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("承办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    received_at = models.DateTimeField(_("收到时间"), default=timezone.now, db_index=True)
    assigned_at = models.DateTimeField(_("分办时间"), null=True, blank=True)
    answer = models.TextField(_("答复内容"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    invalid_reason = models.CharField(_("无效原因"), max_length=200, blank=True)
    # Conversion keeps both records and links them; the clock's elapsed time carries over.
    converted_to = models.ForeignKey(
        "petitions.Complaint",
        verbose_name=_("转为投诉"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    converted_from = models.ForeignKey(
        "petitions.Complaint",
        verbose_name=_("由投诉转来"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("时限"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The national hard line (3 months unanswered) was raised for this message.
    hard_alert_at = models.DateTimeField(_("三个月未答复预警时间"), null=True, blank=True)
    # Public Q&A: the moderator's final, redacted texts; empty until a moderator passes them.
    public_title = models.CharField(_("公开标题"), max_length=80, blank=True)
    public_question = models.TextField(_("公开留言内容"), blank=True)
    public_answer = models.TextField(_("公开答复内容"), blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["query_code_digest"])

    class Meta:
        verbose_name = _("留言")
        verbose_name_plural = _("留言")
        ordering = ["-received_at", "-id"]
        permissions = [("route_message", _("分办留言"))]
        indexes = [models.Index(fields=["department", "status"], name="message_dept_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered") | Q(answered_at__isnull=False),
                name="message_answered_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "answered"]) | Q(department__isnull=False),
                name="message_assigned_has_department",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(publish_consent=True),
                name="message_published_with_consent",
            ),
            models.CheckConstraint(
                condition=~Q(mailbox="department") | Q(addressee__isnull=False),
                name="message_department_mailbox_has_addressee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or '—'} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:message_staff_detail", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class MessageEvent(DomainEvent):
    """What happened to a message."""

    class Code(models.TextChoices):
        RECEIVED = "received", _("收到留言")
        ASSIGNED = "assigned", _("分办")
        FORWARDED = "forwarded", _("转办")
        ANSWERED = "answered", _("答复")
        INVALID = "invalid", _("标记为无效留言")
        CONVERTED_TO_COMPLAINT = "converted_to_complaint", _("转为投诉")
        CONVERTED_FROM_COMPLAINT = "converted_from_complaint", _("由投诉转为留言")
        PUBLISHED = "published", _("公开")
        PUBLICATION_REFUSED = "publication_refused", _("不予公开")
        HARD_LINE = "hard_line", _("超过三个月未答复")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "message"
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("留言事件")
        verbose_name_plural = _("留言事件")

    def __str__(self) -> str:
        return f"{self.message_id} {self.get_code_display()}"

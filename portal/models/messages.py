"""Messages to people: the in-portal inbox and the SMS and e-mail outbox."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.accounts import User
from portal.texts import render_text


class InboxMessage(models.Model):
    """A message in a user's in-portal inbox (站内信).

    Subject and body are stored as text codes and parameters (`portal.texts`) and rendered in
    the reader's language; `subject` and `body` keep the Chinese text, shown for rows without
    a code (written before codes) or whose code is no longer registered.
    """

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="inbox")
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"))
    subject_code = models.CharField(max_length=60, blank=True)
    subject_params = models.JSONField(default=dict, blank=True)
    body_code = models.CharField(max_length=60, blank=True)
    body_params = models.JSONField(default=dict, blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("站内信")
        verbose_name_plural = _("站内信")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="inbox_unread")]

    def __str__(self) -> str:
        return self.subject

    @property
    def subject_text(self) -> str:
        return render_text(self.subject_code, self.subject_params, fallback=self.subject)

    @property
    def body_text(self) -> str:
        return render_text(self.body_code, self.body_params, fallback=self.body)


class OutboxMessage(models.Model):
    """An SMS or e-mail waiting to leave: written in the transaction that caused it.

    A broker outage delays a message but never loses it: the beat flush picks up what
    the on-commit hand-off could not enqueue. Claiming a row moves it out of PENDING in one
    UPDATE, so each message is sent at most once.
    """

    class Channel(models.TextChoices):
        SMS = "sms", _("短信")
        EMAIL = "email", _("电子邮件")

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("发送失败")

    channel = models.CharField(max_length=5, choices=Channel.choices)
    recipient = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = models.CharField(_("手机号或邮箱"), max_length=254)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("待发消息")
        verbose_name_plural = _("待发消息")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="sent_has_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.address}"

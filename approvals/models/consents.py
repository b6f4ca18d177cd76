"""Consents (代办授权): a village agent files for a citizen only once the citizen agrees.

The citizen agrees either by the SMS code sent to the mobile of their account, which the agent
types in, or by approving the request in their own account. Until then the agent sees the
applicant only masked; the request, the consent and the refusal are events of the case.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AgentConsent(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待申请人确认")
        GRANTED = "granted", _("申请人已同意")
        REFUSED = "refused", _("申请人已拒绝")

    class Via(models.TextChoices):
        SMS = "sms", _("短信验证码")
        ACCOUNT = "account", _("本人账号确认")

    case = models.OneToOneField(
        "approvals.Case", verbose_name=_("办件"), on_delete=models.CASCADE, related_name="consent"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代办员"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="agent_consents",
    )
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    via = models.CharField(_("确认方式"), max_length=8, choices=Via.choices, blank=True)
    # The SMS code is kept only as a keyed digest, and never in history.
    code_digest = models.CharField(max_length=64, blank=True, default="", editable=False)
    code_expires_at = models.DateTimeField(_("验证码有效期至"), null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(_("验证码错误次数"), default=0)
    codes_sent = models.PositiveSmallIntegerField(_("已发送验证码次数"), default=0)
    requested_at = models.DateTimeField(_("请求时间"), default=timezone.now)
    decided_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["code_digest"])

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("代办授权")
        verbose_name_plural = _("代办授权")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False) & ~Q(via="")),
                name="approvals_consent_decided_has_time_and_way",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_status_display()}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

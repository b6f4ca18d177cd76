"""Whistleblower protection: who filed a complaint lives here, apart from the complaint.

The complaint, its history and its events carry nothing that names the complainant; this
table is read only by the hotline office and inspectors holding
`petitions.view_complainant_identity`, and every reading writes an `IdentityAccess` row.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from petitions.models.complaints.complaint import Complaint


class ComplainantIdentity(models.Model):
    """The complainant of one complaint: account link and contact details (all optional when anonymous)."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="identity")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("姓名"), max_length=60, blank=True)
    id_number = models.CharField(_("身份证号码"), max_length=18, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮件"), blank=True)
    address = models.CharField(_("联系地址"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("投诉人身份")
        verbose_name_plural = _("投诉人身份")
        default_permissions = ()
        permissions = [("view_complainant_identity", _("查看投诉人身份（记录每次查看）"))]
        indexes = [models.Index(fields=["account"], name="identity_account")]

    def __str__(self) -> str:
        return f"#{self.complaint_id}"


class IdentityAccess(models.Model):
    """One reading of a complainant's identity: who, when, which complaint, why."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accessed_at = models.DateTimeField(default=timezone.now, db_index=True)
    purpose = models.CharField(_("用途"), max_length=200)

    class Meta:
        verbose_name = _("身份查看记录")
        verbose_name_plural = _("身份查看记录")
        ordering = ["-accessed_at"]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.complaint_id}"


class ProtectedAccess(models.Model):
    """One read of a protected complaint (anonymous, or a report): who, what, when, from where.

    Written for every page, history, attachment, identity and export row served; inspectors list it.
    """

    class What(models.TextChoices):
        PAGE = "page", _("诉求页面")
        HISTORY = "history", _("修改记录")
        ATTACHMENT = "attachment", _("附件下载")
        IDENTITY = "identity", _("投诉人身份")
        EXPORT = "export", _("导出")

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("诉求"), on_delete=models.PROTECT, related_name="+"
    )
    # Empty when the complainant, not signed in, downloads their own file.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("查看人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    what = models.CharField(_("查看内容"), max_length=12, choices=What.choices)
    accessed_at = models.DateTimeField(_("查看时间"), default=timezone.now, db_index=True)
    address = models.CharField(_("来源地址"), max_length=45, blank=True)

    class Meta:
        verbose_name = _("受保护诉求查看记录")
        verbose_name_plural = _("受保护诉求查看记录")
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["complaint", "accessed_at"], name="protected_access_case")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.what} {self.complaint_id}"


class IdentityPermissionChange(models.Model):
    """The audit of the identity permission: who granted it to (or took it from) whom, and when."""

    class Action(models.TextChoices):
        GRANTED = "granted", _("授予")
        REVOKED = "revoked", _("撤销")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("工作人员"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("操作"), max_length=8, choices=Action.choices)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("身份查看权限变更")
        verbose_name_plural = _("身份查看权限变更")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.user_id}"

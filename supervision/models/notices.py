"""Urge and supervision notices (催办、督办) the sweep issues as clocks turn yellow and red."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department
from supervision.models.clocks import Clock

# Notices still waiting for the department's feedback (待反馈).
OPEN_NOTICE_STATUSES = ["issued", "acknowledged"]
# Notices the department still has to answer (second-grade circulars need no answer).
UNANSWERED = Q(status__in=OPEN_NOTICE_STATUSES) & ~Q(level="second_grade")

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
    level = models.CharField(_("级别"), max_length=12, choices=Level.choices)
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

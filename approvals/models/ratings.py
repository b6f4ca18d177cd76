"""好差评: the applicant's rating of a finished case, the rectification it may open, and appeals.

国办发〔2019〕51号: five levels, one rating per case; the bottom two open a rectification ticket
(整改工单) for the handling unit — return visit, fix or explanation, feedback within a limit. A
mistaken or malicious rating may be appealed by the unit; an upheld appeal excludes the rating
from the statistics, but the rating is never deleted (a flag, with history).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent


class Rating(models.Model):
    """The applicant's rating of a finished case: one per case (the one-to-one key is unique)."""

    class Level(models.IntegerChoices):
        VERY_SATISFIED = 5, _("非常满意")
        SATISFIED = 4, _("满意")
        BASIC = 3, _("基本满意")
        UNSATISFIED = 2, _("不满意")
        VERY_UNSATISFIED = 1, _("非常不满意")

    # The bottom two levels are a 差评: they open a rectification ticket.
    BAD_LEVELS = (Level.UNSATISFIED, Level.VERY_UNSATISFIED)
    # The satisfaction rate (满意率) counts 基本满意 and above, as the source reports do.
    SATISFIED_MIN = Level.BASIC

    case = models.OneToOneField(
        "approvals.Case", verbose_name=_("办件"), on_delete=models.PROTECT, related_name="rating"
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("承办单位"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(_("评价"), choices=Level.choices)
    comment = models.CharField(_("评价意见"), max_length=500, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("评价人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("评价时间"), default=timezone.now, db_index=True)
    excluded = models.BooleanField(_("申诉成立，不计入统计"), default=False)
    excluded_at = models.DateTimeField(_("剔除时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("办件评价")
        verbose_name_plural = _("办件评价")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="approvals_rating_level_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(excluded=False) | Q(excluded_at__isnull=False),
                name="approvals_rating_excluded_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.get_level_display()

    @property
    def is_bad(self) -> bool:
        return self.level in self.BAD_LEVELS


class RectificationTicket(models.Model):
    """整改工单: what the handling unit owes a bad rating — a return visit and a fix or explanation."""

    class Status(models.TextChoices):
        OPEN = "open", _("待整改")
        ANSWERED = "answered", _("已反馈")
        WITHDRAWN = "withdrawn", _("申诉成立，已撤销")

    class Outcome(models.TextChoices):
        FIXED = "fixed", _("已整改")
        EXPLAINED = "explained", _("已解释说明")

    rating = models.OneToOneField(
        Rating, verbose_name=_("评价"), on_delete=models.PROTECT, related_name="ticket"
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("整改单位"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    clock = models.ForeignKey(
        "supervision.Clock",
        verbose_name=_("反馈期限"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("派单时间"), default=timezone.now)
    visited_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    visit_note = models.TextField(_("回访记录"), blank=True)
    outcome = models.CharField(_("处理方式"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("整改反馈"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("反馈人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("整改工单")
        verbose_name_plural = _("整改工单")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (Q(answered_at__isnull=False) & ~Q(answer="") & ~Q(outcome="")),
                name="approvals_ticket_answer_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating.case_id} {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class RatingAppeal(models.Model):
    """申诉: the unit says a rating is mistaken or malicious; an inspector decides. One per rating."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        UPHELD = "upheld", _("申诉成立")
        REJECTED = "rejected", _("申诉不成立")

    rating = models.OneToOneField(
        Rating, verbose_name=_("评价"), on_delete=models.PROTECT, related_name="appeal"
    )
    reason = models.TextField(_("申诉理由"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申诉人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    filed_at = models.DateTimeField(_("申诉时间"), default=timezone.now)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decision_note = models.TextField(_("审核意见"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("评价申诉")
        verbose_name_plural = _("评价申诉")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="approvals_appeal_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.get_status_display()


class RatingEvent(DomainEvent):
    """What happened to a rating, its ticket and its appeal, for the staff page and the citizen."""

    class Code(models.TextChoices):
        RATED = "rated", _("评价")
        TICKET_OPENED = "ticket_opened", _("生成整改工单")
        TICKET_ANSWERED = "ticket_answered", _("整改反馈")
        APPEAL_FILED = "appeal_filed", _("提出申诉")
        APPEAL_UPHELD = "appeal_upheld", _("申诉成立")
        APPEAL_REJECTED = "appeal_rejected", _("申诉不成立")

    subject_field = "rating"
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("评价事件")
        verbose_name_plural = _("评价事件")

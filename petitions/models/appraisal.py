"""Democratic appraisal of departments (民主评议政风行风): rounds, who took part, anonymous ballots.

Anonymity (无记名) by design: who took part and what was answered are two unlinked tables.
`AppraisalParticipation` names the account (one per round, the database's unique constraint)
and holds the moment; `AppraisalBallot` and its `AppraisalAnswer` rows name no one, carry no
time and have random UUID keys (an auto-increment key would give the order of insertion, which
the participations' order would match). Neither ballots nor answers keep simple-history, whose
`history_user` would name the voter; the participation row is the audit record of the vote.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department


class Dimension(models.TextChoices):
    """The six points each department is appraised on."""

    DUTIES = "duties", _("依法履行职责")
    ENFORCEMENT = "enforcement", _("公开执法")
    OPENNESS = "openness", _("事务公开")
    EFFICIENCY = "efficiency", _("办事效率")
    SERVICE = "service", _("服务质量")
    INTEGRITY = "integrity", _("清正廉洁")


class Grade(models.TextChoices):
    """A voter's grade on one dimension; 不了解 counts in no score."""

    SATISFIED = "satisfied", _("满意")
    FAIRLY_SATISFIED = "fairly_satisfied", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")
    UNKNOWN = "unknown", _("不了解")


class AppraisalRound(models.Model):
    """One appraisal (评议轮次), yearly or quarterly, of the departments taking part."""

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("年度")
        QUARTER = "quarter", _("季度")

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        OPEN = "open", _("评议中")
        CLOSED = "closed", _("已结束")
        PUBLISHED = "published", _("已公布")

    title = models.CharField(_("标题"), max_length=80)
    period_kind = models.CharField(_("周期"), max_length=8, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("年份"))
    quarter = models.PositiveSmallIntegerField(_("季度"), null=True, blank=True)
    opens_at = models.DateTimeField(_("开始时间"))
    closes_at = models.DateTimeField(_("截止时间"))
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    departments = models.ManyToManyField(
        Department, verbose_name=_("参评单位"), related_name="appraisal_rounds"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-year", "-quarter", "-id")
        verbose_name = _("民主评议")
        verbose_name_plural = _("民主评议")
        constraints = [
            models.CheckConstraint(
                condition=(Q(period_kind="year") & Q(quarter__isnull=True))
                | (Q(period_kind="quarter") & Q(quarter__gte=1) & Q(quarter__lte=4)),
                name="appraisal_round_quarter_matches_kind",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="appraisal_round_closes_after_opening",
            ),
            models.UniqueConstraint(
                fields=["year"], condition=Q(period_kind="year"), name="appraisal_round_one_a_year"
            ),
            models.UniqueConstraint(
                fields=["year", "quarter"],
                condition=Q(period_kind="quarter"),
                name="appraisal_round_one_a_quarter",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:appraisal_answer", args=[self.pk])


class AppraisalRoundEvent(DomainEvent):
    """What happened to a round (opened, closed, published) and who did it."""

    class Code(models.TextChoices):
        CREATED = "created", _("创建评议")
        OPENED = "opened", _("开始评议")
        CLOSED = "closed", _("结束评议")
        PUBLISHED = "published", _("公布结果")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "round"
    round = models.ForeignKey(AppraisalRound, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("民主评议事件")
        verbose_name_plural = _("民主评议事件")

    def __str__(self) -> str:
        return f"{self.round_id} {self.get_code_display()}"


class AppraisalParticipation(models.Model):
    """That an account took part in a round, and when; never what it answered."""

    round = models.ForeignKey(
        AppraisalRound, on_delete=models.PROTECT, related_name="participations"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appraisal_participations"
    )
    submitted_at = models.DateTimeField(_("参评时间"))

    class Meta:
        verbose_name = _("参评记录")
        verbose_name_plural = _("参评记录")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "voter"], name="appraisal_one_participation_per_voter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.voter_id}"


class AppraisalBallot(models.Model):
    """One anonymous questionnaire as answered: no voter, no time, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(AppraisalRound, on_delete=models.PROTECT, related_name="ballots")

    class Meta:
        verbose_name = _("评议问卷")
        verbose_name_plural = _("评议问卷")

    def __str__(self) -> str:
        return str(self.pk)


class AppraisalAnswer(models.Model):
    """A ballot's grade of one department on one dimension."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(AppraisalBallot, on_delete=models.CASCADE, related_name="answers")
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="appraisal_answers"
    )
    dimension = models.CharField(_("评议内容"), max_length=16, choices=Dimension.choices)
    grade = models.CharField(_("评价"), max_length=16, choices=Grade.choices)

    class Meta:
        verbose_name = _("评议答案")
        verbose_name_plural = _("评议答案")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "department", "dimension"], name="appraisal_one_answer_per_point"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department_id} {self.dimension} {self.grade}"

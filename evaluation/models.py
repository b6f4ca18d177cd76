"""Rated officials (测评对象), citizens' votes, per-period tallies and tier warnings."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department

# Votes count in calendar months and years of Beijing time (Asia/Shanghai), whatever the
# server's zone.
BEIJING = ZoneInfo("Asia/Shanghai")


def month_of(moment: datetime) -> date:
    """Return the first day of the Beijing-time month holding `moment`."""
    local = moment.astimezone(BEIJING)
    return date(local.year, local.month, 1)


def year_of(moment: datetime) -> date:
    """Return 1 January of the Beijing-time year holding `moment`."""
    return date(moment.astimezone(BEIJING).year, 1, 1)


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    FAIR = "fair", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class Basis(models.TextChoices):
    MONTH = "month", _("月度")
    YEAR = "year", _("年度")


class Tier(models.IntegerChoices):
    """Warning tiers: a higher number is a graver tier (I is the gravest)."""

    III = 1, _("三级预警")
    II = 2, _("二级预警")
    I = 3, _("一级预警")  # noqa: E741 - the domain's own name


# The action the efficiency office takes for each tier (DOMAIN.md §4).
TIER_ACTIONS = {
    Tier.III: _("效能告诫"),
    Tier.II: _("效能谈话"),
    Tier.I: _("诫勉谈话"),
}


class RatedPerson(models.Model):
    """A named official on the public roster (测评对象)."""

    class Gender(models.TextChoices):
        MALE = "male", _("男")
        FEMALE = "female", _("女")

    name = models.CharField(_("姓名"), max_length=40)
    gender = models.CharField(_("性别"), max_length=6, choices=Gender.choices)
    position = models.CharField(_("职务"), max_length=60)
    department = models.ForeignKey(
        Department,
        verbose_name=_("所在单位"),
        on_delete=models.PROTECT,
        related_name="rated_people",
    )
    responsibilities = models.TextField(_("工作职责"), blank=True)
    photo = models.CharField(_("照片"), max_length=200, blank=True, editable=False)
    is_active = models.BooleanField(_("参加测评"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("测评对象")
        verbose_name_plural = _("测评对象")
        ordering = ["department__name", "name", "id"]
        indexes = [models.Index(fields=["department", "is_active"], name="eval_person_unit")]

    def __str__(self) -> str:
        return f"{self.name}（{self.position}）"

    def get_absolute_url(self) -> str:
        return reverse("evaluation:person", args=[self.pk])


class Vote(models.Model):
    """One citizen's rating of one person in one calendar month (Asia/Shanghai).

    A vote counts as dissatisfied (不满意) when any of the three dimensions is rated
    dissatisfied: a citizen who is unhappy with one aspect of the service is an unhappy citizen.
    """

    class ReasonStatus(models.TextChoices):
        NONE = "none", _("无理由")
        PENDING = "pending", _("待审核")
        APPROVED = "approved", _("已公开")
        REJECTED = "rejected", _("不予公开")

    person = models.ForeignKey(RatedPerson, on_delete=models.PROTECT, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_votes",
    )
    month = models.DateField(_("测评月份"), help_text=_("当月第一天（北京时间）"))
    attitude = models.CharField(_("服务态度"), max_length=12, choices=Rating.choices)
    efficiency = models.CharField(_("办事效率"), max_length=12, choices=Rating.choices)
    style = models.CharField(_("工作作风"), max_length=12, choices=Rating.choices)
    is_dissatisfied = models.BooleanField(_("不满意票"), default=False)
    reason = models.TextField(_("理由"), blank=True)
    reason_status = models.CharField(
        _("理由审核"), max_length=10, choices=ReasonStatus.choices, default=ReasonStatus.NONE
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    client_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("投票时间"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now)

    # No simple-history here: every write of a vote is a VoteEvent carrying what the citizen
    # submitted, which is the vote's whole audit trail (and one INSERT less on the hot path).

    class Meta:
        verbose_name = _("测评票")
        verbose_name_plural = _("测评票")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "voter", "month"],
                condition=Q(voter__isnull=False),
                name="eval_one_vote_per_month",
            ),
            models.CheckConstraint(
                condition=~Q(is_dissatisfied=True) | ~Q(reason=""),
                name="eval_dissatisfied_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "month", "is_dissatisfied"], name="eval_vote_tally"),
            models.Index(fields=["reason_status", "created_at"], name="eval_vote_moderation"),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.month:%Y-%m}"


class Tally(models.Model):
    """Dissatisfied votes of one person in one month or year: the row locked by every vote.

    `covered_tier` is the highest tier any warning has covered for this period and basis, so a
    lower threshold is never raised after a higher one, and a vote changed back never re-raises.
    """

    person = models.ForeignKey(RatedPerson, on_delete=models.CASCADE, related_name="tallies")
    basis = models.CharField(max_length=5, choices=Basis.choices)
    period = models.DateField(help_text="first day of the month or year, Asia/Shanghai")
    dissatisfied = models.PositiveIntegerField(default=0)
    covered_tier = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("不满意票计数")
        verbose_name_plural = _("不满意票计数")
        constraints = [
            models.UniqueConstraint(fields=["person", "basis", "period"], name="eval_one_tally"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.basis} {self.period}: {self.dissatisfied}"


class RatingWarning(models.Model):
    """A tier warning raised by a vote (or the nightly check), acted on by the efficiency office."""

    person = models.ForeignKey(RatedPerson, on_delete=models.PROTECT, related_name="warnings")
    tier = models.PositiveSmallIntegerField(_("预警级别"), choices=Tier.choices)
    raised_at = models.DateTimeField(_("预警时间"), default=timezone.now, db_index=True)
    vote = models.ForeignKey(
        Vote, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    alert = models.ForeignKey(
        "supervision.Alert", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("测评预警")
        verbose_name_plural = _("测评预警")
        ordering = ["-raised_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person.name} {self.get_tier_display()}"

    def get_absolute_url(self) -> str:
        return reverse("evaluation:staff_warning", args=[self.pk])

    @property
    def action(self) -> str:
        return TIER_ACTIONS[Tier(self.tier)]


class WarningBasis(models.Model):
    """A period threshold a warning covers: at most one per person, tier, basis and period."""

    warning = models.ForeignKey(RatingWarning, on_delete=models.CASCADE, related_name="bases")
    person = models.ForeignKey(RatedPerson, on_delete=models.CASCADE, related_name="+")
    tier = models.PositiveSmallIntegerField(choices=Tier.choices)
    basis = models.CharField(max_length=5, choices=Basis.choices)
    period = models.DateField()
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["basis", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "tier", "period", "basis"], name="eval_tier_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} {self.period} ≥{self.count}"

    @property
    def period_label(self) -> str:
        return f"{self.period:%Y}" if self.basis == Basis.YEAR else f"{self.period:%Y-%m}"


class VoteEvent(DomainEvent):
    """What happened to a vote: cast, changed, reason moderated.

    A cast or change keeps the ratings and reason as submitted in `data`, so a vote changed
    later never loses what the citizen first said.
    """

    class Code(models.TextChoices):
        CAST = "cast", _("投票")
        CHANGED = "changed", _("修改投票")
        REASON_APPROVED = "reason_approved", _("理由公开")
        REASON_REJECTED = "reason_rejected", _("理由不予公开")

    subject_field = "vote"
    vote = models.ForeignKey(Vote, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("测评事件")
        verbose_name_plural = _("测评事件")

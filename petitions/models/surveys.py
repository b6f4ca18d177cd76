"""Online surveys (在线调查): a questionnaire of a department, its sections, questions and choices,
the responses of citizens and their answers, free text public only after moderation."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department

DEFAULT_SCALE = 5
MAX_SCALE = 10
MAX_ANSWER_TEXT = 2000


class Survey(models.Model):
    """A questionnaire (调查问卷) built by a department's staff and answered between two times."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        CLOSED = "closed", _("已结束")

    department = models.ForeignKey(
        Department, verbose_name=_("发起单位"), on_delete=models.PROTECT, related_name="surveys"
    )
    title = models.CharField(_("标题"), max_length=120)
    intro = models.TextField(_("说明"), blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    opens_at = models.DateTimeField(_("开始时间"))
    closes_at = models.DateTimeField(_("截止时间"))
    # Anonymous: anyone answers, once per device and address; otherwise once per signed-in account.
    anonymous = models.BooleanField(_("匿名调查"), default=False)
    results_public = models.BooleanField(_("公开调查结果"), default=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-opens_at", "-id")
        verbose_name = _("在线调查")
        verbose_name_plural = _("在线调查")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="survey_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="survey_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:survey_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    def is_open(self, at=None) -> bool:
        """Whether citizens may answer now: published and between the two times."""
        at = at or timezone.now()
        return self.status == self.Status.PUBLISHED and self.opens_at <= at < self.closes_at

    def is_over(self, at=None) -> bool:
        """Closed by staff, or published and past its closing time."""
        return self.status == self.Status.CLOSED or (
            self.status == self.Status.PUBLISHED and (at or timezone.now()) >= self.closes_at
        )


class SurveySection(models.Model):
    """A titled part of a questionnaire (分组); its questions follow in their order."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("分组标题"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name = _("调查分组")
        verbose_name_plural = _("调查分组")

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    """A question (题目): single or multiple choice, a rating from 1 to `scale_max`, or free text."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("单选题")
        MULTIPLE = "multiple", _("多选题")
        RATING = "rating", _("评分题")
        TEXT = "text", _("填空题")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(SurveySection, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("题型"), max_length=16, choices=Kind.choices)
    text = models.CharField(_("题目"), max_length=300)
    required = models.BooleanField(_("必答"), default=True)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("最高分"), default=DEFAULT_SCALE)

    class Meta:
        ordering = ("section__order", "section_id", "order", "id")
        verbose_name = _("调查题目")
        verbose_name_plural = _("调查题目")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gte=2, scale_max__lte=MAX_SCALE),
                name="survey_question_scale_range",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class SurveyChoice(models.Model):
    """An option of a choice question."""

    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("选项"), max_length=200)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name = _("调查选项")
        verbose_name_plural = _("调查选项")

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    """One participation (答卷): of an account, or of a device and address for anonymous surveys.

    `anon_key` is a digest of the device cookie and the client address, never the address itself.
    """

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    anon_key = models.CharField(max_length=64, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)

    class Meta:
        ordering = ("submitted_at", "id")
        verbose_name = _("调查答卷")
        verbose_name_plural = _("调查答卷")
        constraints = [
            models.UniqueConstraint(
                fields=("survey", "user"),
                condition=Q(user__isnull=False),
                name="survey_response_once_per_account",
            ),
            models.UniqueConstraint(
                fields=("survey", "anon_key"),
                condition=~Q(anon_key=""),
                name="survey_response_once_per_device",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(anon_key=""),
                name="survey_response_has_respondent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}#{self.pk}"


class SurveyAnswer(models.Model):
    """The answer to one question; free text waits for a moderator before it is shown publicly."""

    class Moderation(models.TextChoices):
        NONE = "", _("无需审核")
        PENDING = "pending", _("待审核")
        PASSED = "passed", _("已公开")
        REJECTED = "rejected", _("不予公开")

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    choices = models.ManyToManyField(SurveyChoice, blank=True, related_name="answers")
    rating = models.PositiveSmallIntegerField(_("评分"), null=True, blank=True)
    text = models.TextField(_("回答"), blank=True)
    moderation = models.CharField(
        _("审核状态"), max_length=16, choices=Moderation.choices, default="", blank=True
    )
    # The text the moderator confirmed, personal data redacted: the only text ever shown publicly.
    public_text = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("response_id", "id")
        verbose_name = _("调查回答")
        verbose_name_plural = _("调查回答")
        constraints = [
            models.UniqueConstraint(
                fields=("response", "question"), name="survey_answer_once_per_question"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1),
                name="survey_answer_rating_positive",
            ),
            models.CheckConstraint(
                condition=~Q(moderation="passed") | ~Q(public_text=""),
                name="survey_answer_passed_has_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.question_id}"


class SurveyEvent(DomainEvent):
    """What happened to a survey: built, published, answered, closed, free text moderated."""

    class Code(models.TextChoices):
        DRAFTED = "drafted", _("创建调查")
        EDITED = "edited", _("修改调查")
        PUBLISHED = "published", _("发布调查")
        ANSWERED = "answered", _("提交答卷")
        CLOSED = "closed", _("结束调查")
        TEXT_PASSED = "text_passed", _("回答审核通过")
        TEXT_REJECTED = "text_rejected", _("回答不予公开")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "survey"
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("在线调查事件")
        verbose_name_plural = _("在线调查事件")

    def __str__(self) -> str:
        return f"{self.survey_id} {self.get_code_display()}"

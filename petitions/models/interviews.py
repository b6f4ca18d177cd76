"""Online interviews (在线访谈): an official answers citizens' questions live on a topic.

Staff schedule an interview with a guest official; citizens send questions before and during it,
each public only once moderated (the one queue, `ModerationItem.question`); the host posts the
official's answers, which the public page shows as they come; afterwards the interview stays in
the archive with its summary and files.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.events import DomainEvent
from portal.models import Department


class Interview(models.Model):
    """An interview (在线访谈) of a guest official on a topic, run by a host of the department."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("预告")
        LIVE = "live", _("正在直播")
        ENDED = "ended", _("已结束")
        ARCHIVED = "archived", _("已归档")

    department = models.ForeignKey(
        Department, verbose_name=_("主办单位"), on_delete=models.PROTECT, related_name="interviews"
    )
    title = models.CharField(_("访谈标题"), max_length=120)
    topic = models.TextField(_("访谈主题"))
    guest_name = models.CharField(_("嘉宾姓名"), max_length=40)
    guest_position = models.CharField(_("嘉宾职务"), max_length=80)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("主持人"),
        on_delete=models.PROTECT,
        related_name="hosted_interviews",
    )
    starts_at = models.DateTimeField(_("计划开始时间"))
    ends_at = models.DateTimeField(_("计划结束时间"))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    started_at = models.DateTimeField(_("实际开始时间"), null=True, blank=True)
    ended_at = models.DateTimeField(_("实际结束时间"), null=True, blank=True)
    summary = models.TextField(_("访谈综述"), blank=True)
    # Grows with every change the public page shows, so a poll with nothing new costs one read.
    revision = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-starts_at", "-id")
        verbose_name = _("在线访谈")
        verbose_name_plural = _("在线访谈")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="interview_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status="scheduled") | Q(started_at__isnull=False),
                name="interview_started_has_time",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["scheduled", "live"]) | Q(ended_at__isnull=False),
                name="interview_ended_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:interview_detail", args=[self.pk])

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    @property
    def takes_questions(self) -> bool:
        """Citizens may ask before the interview and while it is live, never after it ended."""
        return self.status in (self.Status.SCHEDULED, self.Status.LIVE)


class InterviewAttachment(models.Model):
    """A file of the archive (the transcript, photos), served by a view, metadata stripped."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="petitions/interviews/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.original_name


class InterviewQuestion(models.Model):
    """A citizen's question (网友提问); public under a masked name once a moderator passed it."""

    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="questions")
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interview_questions",
    )
    # What the public reads instead of the account: the surname and 某 (王某某).
    display_name = models.CharField(_("提问人"), max_length=20)
    text = models.TextField(_("问题"))
    submitted_at = models.DateTimeField(_("提问时间"), default=timezone.now)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_text = models.TextField(_("公开内容"), blank=True)
    rejected = models.BooleanField(default=False)

    class Meta:
        ordering = ("submitted_at", "id")
        verbose_name = _("访谈提问")
        verbose_name_plural = _("访谈提问")
        constraints = [
            models.CheckConstraint(
                condition=~Q(rejected=True, published_at__isnull=False),
                name="interview_question_published_or_rejected",
            )
        ]

    def __str__(self) -> str:
        return f"{self.interview_id}#{self.pk}"


class InterviewAnswer(models.Model):
    """A post of the live record: the official's answer to a question, or the host's statement."""

    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(
        InterviewQuestion,
        verbose_name=_("回答的问题"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    text = models.TextField(_("内容"))
    posted_at = models.DateTimeField(_("发布时间"), default=timezone.now)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("posted_at", "id")
        verbose_name = _("访谈实录")
        verbose_name_plural = _("访谈实录")

    def __str__(self) -> str:
        return f"{self.interview_id}:{self.pk}"


class InterviewEvent(DomainEvent):
    """What happened to an interview, its questions and its record."""

    class Code(models.TextChoices):
        SCHEDULED = "scheduled", _("发布预告")
        EDITED = "edited", _("修改预告")
        STARTED = "started", _("开始直播")
        ENDED = "ended", _("结束访谈")
        ARCHIVED = "archived", _("归档")
        ASKED = "asked", _("网友提问")
        QUESTION_PUBLISHED = "question_published", _("提问审核通过")
        QUESTION_REJECTED = "question_rejected", _("提问审核未通过")
        ANSWERED = "answered", _("发布回答")

    code = models.CharField(_("事件"), max_length=40, choices=Code.choices)
    subject_field = "interview"
    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="events")

    class Meta(DomainEvent.Meta):
        verbose_name = _("在线访谈事件")
        verbose_name_plural = _("在线访谈事件")

    def __str__(self) -> str:
        return f"{self.interview_id} {self.get_code_display()}"

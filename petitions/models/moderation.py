"""The moderation queue (审核): one row per text a citizen wants public, from any source.

Every source (messages here; suggestions, consultation comments, complaint replies and interview
questions from their own areas) has a nullable foreign key on `ModerationItem`, listed in
`SOURCE_FIELDS`; the database keeps exactly one of them set. Nothing of a source is public
before a moderator passes its item; the services are `petitions.services.moderation`.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The foreign keys of the sources, one per source model; a new source adds its field here.
SOURCE_FIELDS = ("message", "suggestion", "comment", "reply", "question")


def exactly_one_source() -> Q:
    """Return the condition "exactly one source field is set"."""
    return reduce(
        or_,
        (
            Q(**{f"{field}__isnull": False})
            & Q(**{f"{other}__isnull": True for other in SOURCE_FIELDS if other != field})
            for field in SOURCE_FIELDS
        ),
    )


class ModerationItem(models.Model):
    """A text proposed for publication: the automatic redaction, the moderator's final text."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        PASSED = "passed", _("已通过")
        REJECTED = "rejected", _("未通过")

    message = models.ForeignKey(
        "petitions.Message",
        verbose_name=_("留言"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_items",
    )
    suggestion = models.ForeignKey(
        "petitions.Suggestion",
        verbose_name=_("建言献策"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_items",
    )
    comment = models.ForeignKey(
        "petitions.ConsultationComment",
        verbose_name=_("征集意见"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_items",
    )
    # A complaint's reply, proposed for the public board with the complaint it answers.
    reply = models.ForeignKey(
        "petitions.Reply",
        verbose_name=_("诉求答复"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_items",
    )
    # A citizen's question to an online interview, public once passed.
    question = models.ForeignKey(
        "petitions.InterviewQuestion",
        verbose_name=_("访谈提问"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_items",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("所属单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The proposal: the source's text with personal data redacted automatically.
    proposed_title = models.CharField(_("建议标题"), max_length=200, blank=True)
    proposed_text = models.TextField(_("建议公开内容"))
    proposed_reply = models.TextField(_("建议公开答复"), blank=True)
    # What the moderator published (after confirming or editing the proposal).
    final_title = models.CharField(_("公开标题"), max_length=200, blank=True)
    final_text = models.TextField(_("公开内容"), blank=True)
    final_reply = models.TextField(_("公开答复"), blank=True)
    # How many redactions the machine made, so the moderator sees what to check.
    redactions = models.PositiveSmallIntegerField(_("自动遮盖处数"), default=0)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.CharField(_("不予公开理由"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("公开审核")
        verbose_name_plural = _("公开审核")
        ordering = ["submitted_at", "id"]
        permissions = [("moderate", _("审核公开内容"))]
        constraints = [
            models.CheckConstraint(condition=exactly_one_source(), name="moderation_one_source"),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="moderation_decided_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="moderation_rejected_has_reason",
            ),
            # One open item per source record: a second submission updates nothing twice.
            models.UniqueConstraint(
                fields=["message"],
                condition=Q(status="pending", message__isnull=False),
                name="moderation_one_pending_message",
            ),
            models.UniqueConstraint(
                fields=["suggestion"],
                condition=Q(status="pending", suggestion__isnull=False),
                name="moderation_one_pending_suggestion",
            ),
            models.UniqueConstraint(
                fields=["comment"],
                condition=Q(status="pending", comment__isnull=False),
                name="moderation_one_pending_comment",
            ),
            models.UniqueConstraint(
                fields=["reply"],
                condition=Q(status="pending", reply__isnull=False),
                name="moderation_one_pending_reply",
            ),
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(status="pending", question__isnull=False),
                name="moderation_one_pending_question",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_field} {self.get_status_display()}"

    @property
    def source_field(self) -> str:
        """Return the name of the foreign key that is set."""
        return next(field for field in SOURCE_FIELDS if getattr(self, f"{field}_id") is not None)

    @property
    def source(self):
        return getattr(self, self.source_field)

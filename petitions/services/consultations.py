"""Policy consultations (意见征集): drafting, publishing, comments, their assessment and the
adoption feedback (采纳情况反馈), and the alert when that feedback is late."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationComment,
    ConsultationEvent,
    ModerationItem,
)
from petitions.permissions.consultations import can_draft_consultation, can_manage_consultation
from petitions.services import labels, moderation
from petitions.services.interaction_search import index_consultation
from petitions.services.suggestions import personal_data
from petitions.transitions.consultations import CONSULTATION_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Alert

# A consultation closed this many days without its feedback raises an alert (DOMAIN.md, 19号文).
FEEDBACK_DAYS = 30
FEEDBACK_DEDUP_PREFIX = "petitions.consultation_feedback:"


@dataclass(frozen=True)
class Draft:
    """What staff write for a consultation."""

    kind: str
    title: str
    text: str
    opens_on: date
    closes_on: date


def staff_url(consultation: Consultation) -> str:
    return reverse("petitions:consultation_staff_detail", args=[consultation.pk])


def consultation_save_draft(
    *, actor: User, draft: Draft, consultation: Consultation | None = None, attachments=()
) -> Consultation:
    """Create a draft for the actor's department, or change one that is not published yet.

    `attachments` are uploads the form cleaned with `portal.uploads.accept_upload`.
    """
    if draft.closes_on < draft.opens_on:
        raise DomainError(_("截止日期不能早于开始日期。"))
    with transaction.atomic():
        if consultation is None:
            if not can_draft_consultation(actor):
                raise DomainError(_("只有部门工作人员可以发起意见征集。"))
            consultation = Consultation.objects.create(
                department=actor.department, created_by=actor, **asdict(draft)
            )
            ConsultationEvent.record(consultation, ConsultationEvent.Code.DRAFTED, actor=actor)
        else:
            if not can_manage_consultation(actor, consultation):
                raise DomainError(_("您不能修改这项意见征集。"))
            consultation = lock(consultation)
            CONSULTATION_MOVES.check(consultation, "edit")
            for field, value in asdict(draft).items():
                setattr(consultation, field, value)
            consultation.save()
        for upload in attachments:
            ConsultationAttachment.objects.create(
                consultation=consultation,
                file=upload,
                original_name=upload.name[:200],
                content_type=getattr(upload, "detected_type", "") or upload.content_type or "",
                size=upload.size,
            )
    return consultation


def consultation_publish(
    *, actor: User, consultation: Consultation, at: datetime | None = None
) -> Consultation:
    """Put a draft online; citizens may comment from its opening date to its closing date."""
    if not can_manage_consultation(actor, consultation):
        raise DomainError(_("您不能发布这项意见征集。"))
    at = at or timezone.now()
    with transaction.atomic():
        consultation = lock(consultation)
        CONSULTATION_MOVES.check(consultation, "publish")
        if consultation.closes_on < timezone.localdate(at):
            raise DomainError(_("截止日期已过，请先修改征集期限。"))
        consultation.status = Consultation.Status.PUBLISHED
        consultation.published_at = at
        consultation.save(update_fields=["status", "published_at"])
        ConsultationEvent.record(consultation, ConsultationEvent.Code.PUBLISHED, actor=actor, at=at)
        index_consultation(consultation)
    return consultation


def consultation_comment(
    *, actor: User, consultation: Consultation, content: str, at: datetime | None = None
) -> ConsultationComment:
    """Record a signed-in citizen's comment; it is public only once a moderator passed it."""
    if not (actor and actor.is_authenticated and actor.kind != User.Kind.STAFF):
        raise DomainError(_("请以个人或企业账号登录后发表意见。"))
    if not content.strip():
        raise DomainError(_("请填写您的意见。"))
    at = at or timezone.now()
    with transaction.atomic():
        consultation = lock(consultation)
        CONSULTATION_MOVES.check(consultation, "comment")
        if not consultation.is_open(timezone.localdate(at)):
            raise DomainError(_("该征集不在征求意见期内。"))
        comment = ConsultationComment.objects.create(
            consultation=consultation, author=actor, content=content.strip()
        )
        ConsultationEvent.record(
            consultation, ConsultationEvent.Code.COMMENTED, actor=actor, at=at, comment=comment.pk
        )
        # Nothing is public before a moderator passes it (the one queue of every source).
        moderation.moderation_submit(
            source=comment,
            field="comment",
            department=consultation.department,
            title=consultation.title,
            text=comment.content,
            personal=personal_data(actor),
            at=at,
        )
    return comment


def comment_assess(
    *, actor: User, comment: ConsultationComment, adopted: bool, response: str
) -> ConsultationComment:
    """Record whether the department adopts a comment, and why not when it does not."""
    consultation = comment.consultation
    if not can_manage_consultation(actor, consultation):
        raise DomainError(_("您不能研究这项征集的意见。"))
    if not adopted and not response.strip():
        raise DomainError(_("不予采纳的意见须说明理由。"))
    with transaction.atomic():
        consultation = lock(consultation)
        CONSULTATION_MOVES.check(consultation, "assess")
        comment = lock(comment)
        if comment.rejected:
            raise DomainError(_("审核未通过的意见不参与采纳研究。"))
        comment.adopted = adopted
        comment.response = response.strip()
        comment.save(update_fields=["adopted", "response"])
        ConsultationEvent.record(
            consultation,
            ConsultationEvent.Code.ASSESSED,
            actor=actor,
            comment=comment.pk,
            adopted=adopted,
        )
    return comment


def consultation_give_feedback(
    *, actor: User, consultation: Consultation, feedback: str, at: datetime | None = None
) -> Consultation:
    """Publish the adoption feedback once the consultation closed and every comment is assessed."""
    if not can_manage_consultation(actor, consultation):
        raise DomainError(_("您不能反馈这项征集的采纳情况。"))
    if not feedback.strip():
        raise DomainError(_("请填写采纳情况说明。"))
    at = at or timezone.now()
    with transaction.atomic():
        consultation = lock(consultation)
        CONSULTATION_MOVES.check(consultation, "feedback")
        if not consultation.is_closed(timezone.localdate(at)):
            raise DomainError(_("征求意见期结束后才能反馈采纳情况。"))
        open_comments = consultation.comments.filter(rejected=False)
        if open_comments.filter(published_at__isnull=True).exists():
            raise DomainError(_("还有意见未经审核，请审核后再反馈。"))
        if open_comments.filter(adopted__isnull=True).exists():
            raise DomainError(_("还有意见未研究是否采纳，请逐条研究后再反馈。"))
        consultation.status = Consultation.Status.FEEDBACK
        consultation.feedback = feedback.strip()
        consultation.feedback_at = at
        consultation.save(update_fields=["status", "feedback", "feedback_at"])
        # A late-feedback alert already raised stays for the inspectors to close: it was late.
        ConsultationEvent.record(consultation, ConsultationEvent.Code.FEEDBACK, actor=actor, at=at)
        index_consultation(consultation)
    return consultation


# --- Moderation: the comments' source in the one queue -----------------------------------------


def publish(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator passed the comment: its confirmed text is public from now on."""
    comment = lock(item.comment)
    comment.public_content = item.final_text
    comment.published_at = at
    comment.save(update_fields=["public_content", "published_at"])
    ConsultationEvent.record(
        comment.consultation,
        ConsultationEvent.Code.COMMENT_PUBLISHED,
        actor=actor,
        at=at,
        comment=comment.pk,
    )


def reject(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator refused the comment: it is not counted as an opinion; the author is told why."""
    comment = lock(item.comment)
    comment.rejected = True
    comment.save(update_fields=["rejected"])
    consultation = comment.consultation
    ConsultationEvent.record(
        consultation,
        ConsultationEvent.Code.COMMENT_REJECTED,
        actor=actor,
        at=at,
        note=item.reason,
        comment=comment.pk,
    )
    notify(
        [comment.author],
        subject=coded("petitions.comment_withheld", title=consultation.title),
        body=coded("petitions.comment_withheld_body", reason=item.reason),
        url=consultation.get_absolute_url(),
        sms=False,
    )


def comment_staff_url(comment: ConsultationComment) -> str:
    return staff_url(comment.consultation)


MODERATION_SOURCE = moderation.ModerationSource(
    field="comment",
    label=gettext_lazy("征集意见"),
    publish=publish,
    reject=reject,
    staff_url=comment_staff_url,
)


# --- The feedback alert -------------------------------------------------------------------------


def consultations_check_feedback(*, today: date | None = None) -> int:
    """Raise one alert per consultation closed FEEDBACK_DAYS days ago or more without feedback.

    Idempotent: the alert's dedup key is the consultation. Returns how many were found late.
    """
    today = today or timezone.localdate()
    late = Consultation.objects.filter(
        status=Consultation.Status.PUBLISHED,
        closes_on__lte=today - timedelta(days=FEEDBACK_DAYS),
    ).select_related("department")
    count = 0
    for consultation in late:
        supervision.alert_raise(
            kind=Alert.Kind.CONSULTATION_FEEDBACK,
            severity=Alert.Severity.WARNING,
            department=consultation.department,
            subject_ref=consultation.title[:80],
            subject_url=staff_url(consultation),
            dedup_key=f"{FEEDBACK_DEDUP_PREFIX}{consultation.pk}",
            message_code=labels.CONSULTATION_FEEDBACK_LATE,
            message_params={
                "title": consultation.title,
                "closes_on": consultation.closes_on.isoformat(),
                "days": FEEDBACK_DAYS,
            },
        )
        count += 1
    return count

"""Online interviews (在线访谈): scheduling, going live, citizens' questions through the one
moderation queue, the official's answers, ending and archiving."""

from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.models import (
    Interview,
    InterviewAnswer,
    InterviewAttachment,
    InterviewEvent,
    InterviewQuestion,
    ModerationItem,
)
from petitions.permissions.interviews import can_ask, can_run_interview, can_schedule_interview
from petitions.services import moderation
from petitions.services.suggestions import personal_data
from petitions.transitions.interviews import INTERVIEW_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.texts import coded


@dataclass(frozen=True)
class Plan:
    """What staff announce of an interview."""

    title: str
    topic: str
    guest_name: str
    guest_position: str
    starts_at: datetime
    ends_at: datetime


def check_plan(plan: Plan) -> None:
    if plan.ends_at <= plan.starts_at:
        raise DomainError(_("结束时间须晚于开始时间。"))


def touch(interview: Interview) -> None:
    """Tell the pollers of the public page that it changed (one counter, no history row)."""
    Interview.objects.filter(pk=interview.pk).update(revision=F("revision") + 1)


def interview_schedule(*, actor: User, plan: Plan) -> Interview:
    """Announce an interview of the actor's department, hosted by the actor."""
    if not can_schedule_interview(actor):
        raise DomainError(_("只有部门工作人员可以安排在线访谈。"))
    check_plan(plan)
    with transaction.atomic():
        interview = Interview.objects.create(
            department=actor.department, host=actor, **asdict(plan)
        )
        InterviewEvent.record(interview, InterviewEvent.Code.SCHEDULED, actor=actor)
    return interview


def interview_edit(*, actor: User, interview: Interview, plan: Plan) -> Interview:
    """Change the announcement of an interview that has not started."""
    if not can_run_interview(actor, interview):
        raise DomainError(_("您不能修改这场访谈。"))
    check_plan(plan)
    with transaction.atomic():
        interview = lock(interview)
        INTERVIEW_MOVES.check(interview, "edit")
        for field, value in asdict(plan).items():
            setattr(interview, field, value)
        interview.save()
        InterviewEvent.record(interview, InterviewEvent.Code.EDITED, actor=actor)
        touch(interview)
    return interview


def interview_start(*, actor: User, interview: Interview, at: datetime | None = None) -> Interview:
    """Go live: the public page starts showing the answers as they are posted."""
    return move(actor=actor, interview=interview, name="start", at=at)


def interview_end(*, actor: User, interview: Interview, at: datetime | None = None) -> Interview:
    """End the interview: no more questions or answers; the page stops updating."""
    return move(actor=actor, interview=interview, name="end", at=at)


def move(*, actor: User, interview: Interview, name: str, at: datetime | None) -> Interview:
    if not can_run_interview(actor, interview):
        raise DomainError(_("您不能主持这场访谈。"))
    with transaction.atomic():
        interview = lock(interview)
        # Read the clock once the lock is held, so the record and the end keep their order.
        at = at or timezone.now()
        INTERVIEW_MOVES.check(interview, name)
        if name == "start":
            interview.status, interview.started_at = Interview.Status.LIVE, at
            code = InterviewEvent.Code.STARTED
        else:
            interview.status, interview.ended_at = Interview.Status.ENDED, at
            code = InterviewEvent.Code.ENDED
        interview.save(update_fields=["status", "started_at", "ended_at"])
        InterviewEvent.record(interview, code, actor=actor, at=at)
        touch(interview)
    return interview


def interview_archive(
    *, actor: User, interview: Interview, summary: str, attachments=()
) -> Interview:
    """Put an ended interview in the archive with its summary and files (again to revise them).

    `attachments` are uploads the form cleaned with `portal.uploads.accept_upload`.
    """
    if not can_run_interview(actor, interview):
        raise DomainError(_("您不能归档这场访谈。"))
    if not summary.strip():
        raise DomainError(_("请填写访谈综述。"))
    with transaction.atomic():
        interview = lock(interview)
        INTERVIEW_MOVES.check(interview, "archive")
        interview.status = Interview.Status.ARCHIVED
        interview.summary = summary.strip()
        interview.save(update_fields=["status", "summary"])
        for upload in attachments:
            InterviewAttachment.objects.create(
                interview=interview,
                file=upload,
                original_name=upload.name[:200],
                content_type=getattr(upload, "detected_type", "") or upload.content_type or "",
                size=upload.size,
            )
        InterviewEvent.record(
            interview, InterviewEvent.Code.ARCHIVED, actor=actor, files=len(attachments)
        )
        touch(interview)
    return interview


def interview_ask(
    *, actor: User, interview: Interview, text: str, at: datetime | None = None
) -> InterviewQuestion:
    """Record a signed-in citizen's question; public under a masked name once moderated."""
    if not can_ask(actor):
        raise DomainError(_("请以个人或企业账号登录后提问。"))
    if not text.strip():
        raise DomainError(_("请填写您的问题。"))
    at = at or timezone.now()
    with transaction.atomic():
        interview = lock(interview)
        INTERVIEW_MOVES.check(interview, "ask")
        question = InterviewQuestion.objects.create(
            interview=interview,
            asker=actor,
            display_name=moderation.mask_name(actor.real_name) if actor.real_name else "",
            text=text.strip(),
            submitted_at=at,
        )
        InterviewEvent.record(
            interview, InterviewEvent.Code.ASKED, actor=actor, at=at, question=question.pk
        )
        # Nothing is public before it is moderated (the one queue of every source).
        moderation.moderation_submit(
            source=question,
            field="question",
            department=interview.department,
            title=interview.title,
            text=question.text,
            personal=personal_data(actor),
            at=at,
        )
    return question


def interview_answer(
    *,
    actor: User,
    interview: Interview,
    text: str,
    question: InterviewQuestion | None = None,
    at: datetime | None = None,
) -> InterviewAnswer:
    """Post the official's answer to a passed question, or a statement of the host (no question)."""
    if not can_run_interview(actor, interview):
        raise DomainError(_("您不能在这场访谈中发布回答。"))
    if not text.strip():
        raise DomainError(_("请填写回答内容。"))
    with transaction.atomic():
        interview = lock(interview)
        at = at or timezone.now()
        INTERVIEW_MOVES.check(interview, "answer")
        if question is not None and (
            question.interview_id != interview.pk or question.published_at is None
        ):
            raise DomainError(_("只能回答本场访谈中已公开的提问。"))
        answer = InterviewAnswer.objects.create(
            interview=interview, question=question, text=text.strip(), posted_at=at, posted_by=actor
        )
        InterviewEvent.record(
            interview,
            InterviewEvent.Code.ANSWERED,
            actor=actor,
            at=at,
            answer=answer.pk,
            question=question.pk if question else None,
        )
        touch(interview)
    return answer


# --- Moderation: the questions' source in the one queue -----------------------------------------


def publish(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The question passed: its confirmed text is public from now on."""
    question = lock(item.question)
    question.public_text = item.final_text
    question.published_at = at
    question.save(update_fields=["public_text", "published_at"])
    InterviewEvent.record(
        question.interview,
        InterviewEvent.Code.QUESTION_PUBLISHED,
        actor=actor,
        at=at,
        question=question.pk,
    )
    touch(question.interview)


def reject(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The question is refused: it stays unpublished; the asker is told why."""
    question = lock(item.question)
    question.rejected = True
    question.save(update_fields=["rejected"])
    interview = question.interview
    InterviewEvent.record(
        interview,
        InterviewEvent.Code.QUESTION_REJECTED,
        actor=actor,
        at=at,
        note=item.reason,
        question=question.pk,
    )
    if question.asker is not None:
        notify(
            [question.asker],
            subject=coded("petitions.question_withheld", title=interview.title),
            body=coded("petitions.question_withheld_body", reason=item.reason),
            url=interview.get_absolute_url(),
            sms=False,
        )


def may_decide(item: ModerationItem, user: User) -> bool:
    """Those who run the interview moderate its questions live, beside the moderators."""
    return can_run_interview(user, item.question.interview)


def question_staff_url(question: InterviewQuestion) -> str:
    return reverse("petitions:interview_staff_console", args=[question.interview_id])


MODERATION_SOURCE = moderation.ModerationSource(
    field="question",
    label=gettext_lazy("访谈提问"),
    publish=publish,
    reject=reject,
    staff_url=question_staff_url,
    may_decide=may_decide,
)

"""Moderation of survey free text (调查留言审核), in the survey's own page.

A survey brings hundreds of answers at once, so they are moderated in context, one survey at a
time, not through the one ModerationItem queue: the same moderators (`can_moderate`), the same
machine redaction (`moderation.redaction`) proposed and editable, and nothing shown before a pass.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import SurveyAnswer, SurveyEvent
from petitions.permissions.moderation import can_moderate
from petitions.services.moderation import redaction
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User


def proposed_text(answer: SurveyAnswer) -> str:
    """Return the answer's text with personal data masked, as the moderator first sees it."""
    return redaction(answer.text)[0]


def _decide(answer: SurveyAnswer, actor: User) -> SurveyAnswer:
    if not can_moderate(actor):
        raise DomainError(_("您没有审核公开内容的权限。"))
    answer = lock(answer)
    if answer.moderation != SurveyAnswer.Moderation.PENDING:
        raise DomainError(_("该回答已由其他审核人处理，无需重复审核。"))
    return answer


def answer_text_pass(
    *, actor: User, answer: SurveyAnswer, text: str | None = None, at: datetime | None = None
) -> SurveyAnswer:
    """Show a free-text answer in the public results: the moderator's text (default: proposed)."""
    at = at or timezone.now()
    with transaction.atomic():
        answer = _decide(answer, actor)
        public = (proposed_text(answer) if text is None else text).strip()
        if not public:
            raise DomainError(_("公开内容不能为空。"))
        if "\x00" in public:
            raise DomainError(_("公开内容含有无效字符。"))
        answer.public_text = public
        answer.moderation = SurveyAnswer.Moderation.PASSED
        answer.moderated_by = actor
        answer.moderated_at = at
        answer.save(update_fields=["public_text", "moderation", "moderated_by", "moderated_at"])
        SurveyEvent.record(
            answer.question.survey,
            SurveyEvent.Code.TEXT_PASSED,
            actor=actor,
            at=at,
            answer=answer.pk,
        )
    return answer


def answer_text_reject(
    *, actor: User, answer: SurveyAnswer, at: datetime | None = None
) -> SurveyAnswer:
    """Keep a free-text answer out of the public results (it still counts for staff)."""
    at = at or timezone.now()
    with transaction.atomic():
        answer = _decide(answer, actor)
        answer.moderation = SurveyAnswer.Moderation.REJECTED
        answer.moderated_by = actor
        answer.moderated_at = at
        answer.save(update_fields=["moderation", "moderated_by", "moderated_at"])
        SurveyEvent.record(
            answer.question.survey,
            SurveyEvent.Code.TEXT_REJECTED,
            actor=actor,
            at=at,
            answer=answer.pk,
        )
    return answer

"""Answering a survey (参加调查): once per account, or once per device and address when anonymous.

The unique constraints on SurveyResponse decide a race: two submissions of the same respondent at
once store one response, the other is told it already took part.
"""

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Survey, SurveyAnswer, SurveyEvent, SurveyQuestion, SurveyResponse
from petitions.models.surveys import MAX_ANSWER_TEXT
from petitions.transitions.surveys import SURVEY_MOVES
from portal.errors import DomainError
from portal.models import User

ALREADY_CODE = "survey_already_answered"


def already_answered_error() -> DomainError:
    return DomainError(_("您已参加过本次调查，感谢您的参与。"), code=ALREADY_CODE)


def anonymous_key(*, survey: Survey, device: str, address: str) -> str:
    """Return the digest that stands for one device at one address in one survey.

    Keyed with the site secret and the survey, so the stored value reveals neither the address
    nor links the same device across surveys.
    """
    message = f"{survey.pk}\0{device}\0{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def has_answered(*, survey: Survey, user: User | None = None, anon_key: str = "") -> bool:
    """Whether this account (signed-in survey) or this device key (anonymous survey) took part."""
    if survey.anonymous:
        return bool(anon_key) and survey.responses.filter(anon_key=anon_key).exists()
    return bool(user and user.is_authenticated) and survey.responses.filter(user=user).exists()


def _clean_answer(question: SurveyQuestion, value, choice_ids: set[int]):
    """Return the answer's value checked against the question, or None when it is empty."""
    kind = question.kind
    if kind in (SurveyQuestion.Kind.SINGLE, SurveyQuestion.Kind.MULTIPLE):
        picked = sorted({int(choice) for choice in value or ()})
        if not set(picked) <= choice_ids or (
            kind == SurveyQuestion.Kind.SINGLE and len(picked) > 1
        ):
            raise DomainError(_("“%(question)s”的选项无效。") % {"question": question.text})
        return picked or None
    if kind == SurveyQuestion.Kind.RATING:
        if value in (None, ""):
            return None
        if not 1 <= int(value) <= question.scale_max:
            raise DomainError(_("“%(question)s”的评分无效。") % {"question": question.text})
        return int(value)
    text = (value or "").strip()
    if "\x00" in text or len(text) > MAX_ANSWER_TEXT:
        raise DomainError(_("“%(question)s”的回答无效。") % {"question": question.text})
    return text or None


def survey_answer(
    *,
    actor: User | None,
    survey: Survey,
    answers: Mapping[int, object],
    anon_key: str = "",
    at: datetime | None = None,
) -> SurveyResponse:
    """Store one response: `answers` maps question ids to choice ids, a rating or a text.

    A signed-in survey takes citizens' and enterprises' accounts; an anonymous one takes anyone
    but staff accounts and is never linked to an account, only to `anon_key` (see
    `anonymous_key`).
    """
    at = at or timezone.now()
    # The caller's copy may predate a close: read the status and times as they are now.
    survey.refresh_from_db(fields=["status", "opens_at", "closes_at", "anonymous"])
    signed_in = bool(actor and actor.is_authenticated)
    if (signed_in and actor.kind == User.Kind.STAFF) or not (signed_in or survey.anonymous):
        raise DomainError(_("请以个人或企业账号登录后参加调查。"))
    if survey.anonymous and not anon_key:
        raise DomainError(_("请允许浏览器保存 Cookie 后再参加调查。"))
    SURVEY_MOVES.check(survey, "answer")
    if not survey.is_open(at):
        raise DomainError(_("该调查不在答题时间内。"))
    questions = list(survey.questions.prefetch_related("choices"))
    cleaned = {}
    for question in questions:
        choice_ids = {choice.pk for choice in question.choices.all()}
        value = _clean_answer(question, answers.get(question.pk), choice_ids)
        if value is None and question.required:
            raise DomainError(_("请回答“%(question)s”。") % {"question": question.text})
        if value is not None:
            cleaned[question] = value
    if has_answered(survey=survey, user=actor, anon_key=anon_key):
        raise already_answered_error()
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey,
                user=None if survey.anonymous else actor,
                anon_key=anon_key if survey.anonymous else "",
                submitted_at=at,
            )
            _store_answers(response, cleaned)
            SurveyEvent.record(
                survey,
                SurveyEvent.Code.ANSWERED,
                actor=None if survey.anonymous else actor,
                at=at,
                response=response.pk,
            )
    except IntegrityError as error:
        # The same respondent's concurrent submission committed first.
        raise already_answered_error() from error
    return response


def _store_answers(response: SurveyResponse, cleaned: dict[SurveyQuestion, object]) -> None:
    links = []
    for question, value in cleaned.items():
        answer = SurveyAnswer(response=response, question=question)
        if question.kind == SurveyQuestion.Kind.RATING:
            answer.rating = value
        elif question.kind == SurveyQuestion.Kind.TEXT:
            answer.text = value
            answer.moderation = SurveyAnswer.Moderation.PENDING
        answer.save()
        if question.has_choices:
            links.extend(
                SurveyAnswer.choices.through(surveyanswer_id=answer.pk, surveychoice_id=choice)
                for choice in value
            )
    SurveyAnswer.choices.through.objects.bulk_create(links)

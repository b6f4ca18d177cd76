"""Building a survey (问卷设计): its settings, sections, questions and choices; publishing, closing.

Sections and questions change only while nobody answered: the first response freezes them, so
every answer stays an answer to the question that was asked.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Survey, SurveyChoice, SurveyEvent, SurveyQuestion, SurveySection
from petitions.models.surveys import MAX_SCALE
from petitions.permissions.surveys import can_create_survey, can_manage_survey
from petitions.services.interaction_search import index_survey
from petitions.transitions.surveys import SURVEY_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User

MAX_CHOICES = 30


@dataclass(frozen=True)
class SurveyDraft:
    """The settings staff write for a survey."""

    title: str
    intro: str
    opens_at: datetime
    closes_at: datetime
    anonymous: bool
    results_public: bool


@dataclass(frozen=True)
class QuestionDraft:
    """A question as staff write it; `choices` are the option texts of a choice question."""

    kind: str
    text: str
    required: bool = True
    scale_max: int = 5
    choices: list[str] = field(default_factory=list)


def editable(survey: Survey) -> bool:
    """Whether the survey may still change: not closed, and nobody answered yet."""
    return SURVEY_MOVES.allowed(survey, "edit") and not survey.responses.exists()


def _check_editable(actor: User, survey: Survey) -> Survey:
    """Lock the survey and refuse when the actor may not change it or it is frozen."""
    if not can_manage_survey(actor, survey):
        raise DomainError(_("您不能修改这项调查。"))
    survey = lock(survey)
    SURVEY_MOVES.check(survey, "edit")
    if survey.responses.exists():
        raise DomainError(_("已有人参加调查，题目不能再修改。"))
    return survey


def survey_save(*, actor: User, draft: SurveyDraft, survey: Survey | None = None) -> Survey:
    """Create a survey of the actor's department, or change the settings of one not yet answered."""
    if draft.closes_at <= draft.opens_at:
        raise DomainError(_("截止时间必须晚于开始时间。"))
    if not draft.title.strip():
        raise DomainError(_("请填写调查标题。"))
    with transaction.atomic():
        if survey is None:
            if not can_create_survey(actor):
                raise DomainError(_("只有部门工作人员可以发起调查。"))
            survey = Survey.objects.create(
                department=actor.department, created_by=actor, **asdict(draft)
            )
            SurveyEvent.record(survey, SurveyEvent.Code.DRAFTED, actor=actor)
            return survey
        survey = _check_editable(actor, survey)
        for name, value in asdict(draft).items():
            setattr(survey, name, value)
        survey.save()
        SurveyEvent.record(survey, SurveyEvent.Code.EDITED, actor=actor)
        if survey.is_public:
            index_survey(survey)
    return survey


def section_add(*, actor: User, survey: Survey, title: str) -> SurveySection:
    """Append a section (分组) to the survey."""
    with transaction.atomic():
        survey = _check_editable(actor, survey)
        last = survey.sections.aggregate(last=Max("order"))["last"]
        return SurveySection.objects.create(
            survey=survey, title=title.strip()[:120], order=0 if last is None else last + 1
        )


def section_remove(*, actor: User, section: SurveySection) -> None:
    """Remove a section with its questions."""
    with transaction.atomic():
        _check_editable(actor, section.survey)
        section.delete()


def _clean_question(draft: QuestionDraft) -> list[str]:
    """Check a question draft; return its choice texts, stripped, empty lines dropped."""
    if draft.kind not in SurveyQuestion.Kind.values:
        raise DomainError(_("请选择题型。"))
    if not draft.text.strip():
        raise DomainError(_("请填写题目。"))
    choices = [text.strip()[:200] for text in draft.choices if text.strip()]
    if draft.kind in (SurveyQuestion.Kind.SINGLE, SurveyQuestion.Kind.MULTIPLE):
        if len(choices) < 2:
            raise DomainError(_("选择题至少需要两个选项。"))
        if len(choices) > MAX_CHOICES:
            raise DomainError(_("选项不能超过 %(count)s 个。") % {"count": MAX_CHOICES})
        if len(set(choices)) != len(choices):
            raise DomainError(_("选项不能重复。"))
        return choices
    if draft.kind == SurveyQuestion.Kind.RATING and not 2 <= draft.scale_max <= MAX_SCALE:
        raise DomainError(_("最高分须在 2 到 %(max)s 之间。") % {"max": MAX_SCALE})
    return []


def _write_choices(question: SurveyQuestion, choices: list[str]) -> None:
    question.choices.all().delete()
    SurveyChoice.objects.bulk_create(
        SurveyChoice(question=question, text=text, order=index)
        for index, text in enumerate(choices)
    )


def question_add(
    *, actor: User, survey: Survey, draft: QuestionDraft, section: SurveySection | None = None
) -> SurveyQuestion:
    """Append a question to a section (the last one; an untitled one is made for the first)."""
    choices = _clean_question(draft)
    with transaction.atomic():
        survey = _check_editable(actor, survey)
        if section is None:
            section = survey.sections.last() or SurveySection.objects.create(survey=survey)
        elif section.survey_id != survey.pk:
            raise DomainError(_("请选择本调查的分组。"))
        last = section.questions.aggregate(last=Max("order"))["last"]
        question = SurveyQuestion.objects.create(
            survey=survey,
            section=section,
            kind=draft.kind,
            text=draft.text.strip()[:300],
            required=draft.required,
            scale_max=draft.scale_max,
            order=0 if last is None else last + 1,
        )
        _write_choices(question, choices)
    return question


def question_update(
    *, actor: User, question: SurveyQuestion, draft: QuestionDraft
) -> SurveyQuestion:
    """Rewrite a question and its choices."""
    choices = _clean_question(draft)
    with transaction.atomic():
        _check_editable(actor, question.survey)
        question = lock(question)
        question.kind = draft.kind
        question.text = draft.text.strip()[:300]
        question.required = draft.required
        question.scale_max = draft.scale_max
        question.save()
        _write_choices(question, choices)
    return question


def question_remove(*, actor: User, question: SurveyQuestion) -> None:
    with transaction.atomic():
        _check_editable(actor, question.survey)
        question.delete()


def survey_publish(*, actor: User, survey: Survey, at: datetime | None = None) -> Survey:
    """Put a survey online; refused without a question or with a closing time already past."""
    if not can_manage_survey(actor, survey):
        raise DomainError(_("您不能发布这项调查。"))
    at = at or timezone.now()
    with transaction.atomic():
        survey = lock(survey)
        SURVEY_MOVES.check(survey, "publish")
        if not survey.questions.exists():
            raise DomainError(_("调查还没有题目，请先添加题目。"))
        if survey.closes_at <= at:
            raise DomainError(_("截止时间已过，请先修改调查时间。"))
        survey.status = Survey.Status.PUBLISHED
        survey.published_at = at
        survey.save(update_fields=["status", "published_at"])
        SurveyEvent.record(survey, SurveyEvent.Code.PUBLISHED, actor=actor, at=at)
        index_survey(survey)
    return survey


def survey_close(*, actor: User, survey: Survey, at: datetime | None = None) -> Survey:
    """End a published survey now; nobody may answer it any more."""
    if not can_manage_survey(actor, survey):
        raise DomainError(_("您不能结束这项调查。"))
    at = at or timezone.now()
    with transaction.atomic():
        survey = lock(survey)
        SURVEY_MOVES.check(survey, "close")
        survey.status = Survey.Status.CLOSED
        survey.closed_at = at
        survey.save(update_fields=["status", "closed_at"])
        SurveyEvent.record(survey, SurveyEvent.Code.CLOSED, actor=actor, at=at)
    return survey

"""Suggestions, consultations and surveys in the site-wide search (issue 18: every public thing).

Only what their public pages show is indexed: a suggestion once a moderator passed it (the
passed title and text, the department's reply and, for an adopted one, what was done), a
consultation once published (title, draft text and, once given, the adoption feedback), a survey
once published (title and introduction). None can leave the public pages again today, so
nothing here takes them out of the index; the reindexers put back exactly the public ones.
"""

from django.utils.translation import gettext_lazy

from petitions.models import Consultation, Suggestion, Survey
from portal.search.index import SearchKind, search_index_upsert

SUGGESTION_KIND = "petitions.suggestion"
CONSULTATION_KIND = "petitions.consultation"
SURVEY_KIND = "petitions.survey"
SEARCH_KINDS = {
    # After the public Q&A (40): a consultation asks everyone, a suggestion is one citizen's.
    CONSULTATION_KIND: SearchKind(
        label=gettext_lazy("意见征集"),
        rank=42,
        fields={"text": gettext_lazy("征求意见稿"), "feedback": gettext_lazy("采纳情况说明")},
    ),
    SURVEY_KIND: SearchKind(
        label=gettext_lazy("在线调查"), rank=44, fields={"intro": gettext_lazy("说明")}
    ),
    SUGGESTION_KIND: SearchKind(
        label=gettext_lazy("建言献策"),
        rank=45,
        fields={
            "content": gettext_lazy("建议内容"),
            "reply": gettext_lazy("答复"),
            "action": gettext_lazy("落实情况"),
        },
    ),
}


def index_suggestion(suggestion: Suggestion) -> None:
    """Index a suggestion the public list shows (call after it is passed or answered)."""
    if suggestion.published_at is None:
        return
    adopted = suggestion.status == Suggestion.Status.ADOPTED
    search_index_upsert(
        kind=SUGGESTION_KIND,
        obj_id=suggestion.pk,
        title=suggestion.public_title,
        fields={
            "content": suggestion.public_content,
            "reply": suggestion.reply if suggestion.answered_at else "",
            "action": suggestion.action_taken if adopted else "",
        },
        department=suggestion.department,
        url=suggestion.get_absolute_url(),
        published_at=suggestion.published_at,
    )


def index_consultation(consultation: Consultation) -> None:
    """Index a published consultation (call when it is published and when its feedback is)."""
    if consultation.status == Consultation.Status.DRAFT:
        return
    search_index_upsert(
        kind=CONSULTATION_KIND,
        obj_id=consultation.pk,
        title=consultation.title,
        fields={"text": consultation.text, "feedback": consultation.feedback},
        department=consultation.department,
        url=consultation.get_absolute_url(),
        published_at=consultation.published_at,
    )


def reindex_suggestions() -> None:
    """Re-index every suggestion a moderator passed (`manage.py search_reindex`)."""
    passed = Suggestion.objects.filter(published_at__isnull=False).select_related("department")
    for suggestion in passed:
        index_suggestion(suggestion)


def reindex_consultations() -> None:
    """Re-index every published consultation (`manage.py search_reindex`)."""
    published = Consultation.objects.exclude(status=Consultation.Status.DRAFT)
    for consultation in published.select_related("department"):
        index_consultation(consultation)


def index_survey(survey: Survey) -> None:
    """Index a published survey: its title and introduction (call when published or edited)."""
    if survey.status == Survey.Status.DRAFT:
        return
    search_index_upsert(
        kind=SURVEY_KIND,
        obj_id=survey.pk,
        title=survey.title,
        fields={"intro": survey.intro},
        department=survey.department,
        url=survey.get_absolute_url(),
        published_at=survey.published_at,
    )


def reindex_surveys() -> None:
    """Re-index every published survey (`manage.py search_reindex`)."""
    for survey in Survey.objects.exclude(status=Survey.Status.DRAFT).select_related("department"):
        index_survey(survey)

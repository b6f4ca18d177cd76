"""在线调查, the staff side: the list, the builder (settings, sections, questions), preview,
publish and close, results and export, and the moderation of free-text answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.surveys import (
    AnswerForm,
    ModerationForm,
    QuestionForm,
    SectionForm,
    SurveyForm,
)
from petitions.models import Survey, SurveyAnswer
from petitions.permissions.moderation import can_moderate
from petitions.permissions.surveys import can_create_survey, can_manage_survey
from petitions.selectors import surveys as selectors
from petitions.services.surveys import building, review
from portal.errors import DomainError
from portal.exports import table_response
from portal.models import User
from portal.query_params import choice_param, id_param

SETTINGS_FIELDS = ("title", "intro", "opens_at", "closes_at", "anonymous", "results_public")


def _require_staff(request) -> None:
    if request.user.kind != User.Kind.STAFF:
        raise Http404


def _managed(request, pk: int) -> Survey:
    """The survey, 404 unless the user may change it."""
    survey = selectors.staff_get(request.user, pk)
    if not can_manage_survey(request.user, survey):
        raise Http404
    return survey


@login_required
def staff_list(request):
    _require_staff(request)
    page = Paginator(selectors.staff_list(request.user), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/surveys/staff_list.html",
        {"page": page, "can_create": can_create_survey(request.user)},
    )


@login_required
def staff_new(request):
    _require_staff(request)
    if not can_create_survey(request.user):
        raise Http404
    return _save(request, None)


@login_required
def staff_edit(request, pk: int):
    survey = _managed(request, pk)
    if not building.editable(survey):
        return redirect("petitions:survey_staff_detail", pk=pk)
    return _save(request, survey)


def _save(request, survey: Survey | None):
    initial = {name: getattr(survey, name) for name in SETTINGS_FIELDS} if survey else {}
    form = SurveyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = building.survey_save(
                actor=request.user,
                survey=survey,
                draft=building.SurveyDraft(
                    **{name: form.cleaned_data[name] for name in SETTINGS_FIELDS}
                ),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("调查设置已保存。"))
            return redirect("petitions:survey_staff_detail", pk=saved.pk)
    return render(
        request,
        "petitions/surveys/staff_form.html",
        {"form": form, "survey": survey},
        status=400 if form.errors else 200,
    )


@login_required
def staff_detail(request, pk: int):
    """The builder: the questionnaire's sections and questions, with forms while it may change."""
    survey = selectors.staff_get(request.user, pk)
    return render(request, "petitions/surveys/staff_detail.html", _builder_context(request, survey))


def _builder_context(request, survey: Survey, *, question_form=None, section_form=None) -> dict:
    sections = selectors.structure(survey)
    manages = can_manage_survey(request.user, survey)
    can_edit = manages and building.editable(survey)
    return {
        "survey": survey,
        "sections": sections,
        "manages": manages,
        "can_edit": can_edit,
        "response_count": survey.responses.count(),
        "question_form": (question_form or QuestionForm(sections=sections)) if can_edit else None,
        "section_form": (section_form or SectionForm()) if can_edit else None,
        "can_moderate": can_moderate(request.user),
        "events": survey.events.select_related("actor"),
    }


@login_required
@require_POST
def staff_build(request, pk: int, action: str):
    """Add or remove a section or a question (the builder's buttons)."""
    survey = _managed(request, pk)
    try:
        if action == "section_add":
            form = SectionForm(request.POST)
            if not form.is_valid():
                return _builder_invalid(request, survey, section_form=form)
            building.section_add(
                actor=request.user, survey=survey, title=form.cleaned_data["title"]
            )
        elif action == "question_add":
            form = QuestionForm(request.POST, sections=selectors.structure(survey))
            if not form.is_valid():
                return _builder_invalid(request, survey, question_form=form)
            section = survey.sections.filter(pk=form.cleaned_data.get("section")).first()
            building.question_add(
                actor=request.user, survey=survey, section=section, draft=_question_draft(form)
            )
        elif action == "section_remove":
            section = survey.sections.filter(pk=id_param(request.POST.get("section"))).first()
            if section is None:
                raise Http404
            building.section_remove(actor=request.user, section=section)
        elif action == "question_remove":
            question = survey.questions.filter(pk=id_param(request.POST.get("question"))).first()
            if question is None:
                raise Http404
            building.question_remove(actor=request.user, question=question)
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("问卷已更新。"))
    return redirect("petitions:survey_staff_detail", pk=pk)


def _builder_invalid(request, survey: Survey, **forms):
    context = _builder_context(request, survey, **forms)
    return render(request, "petitions/surveys/staff_detail.html", context, status=400)


def _question_draft(form: QuestionForm) -> building.QuestionDraft:
    data = form.cleaned_data
    return building.QuestionDraft(
        kind=data["kind"],
        text=data["text"],
        required=data["required"],
        scale_max=data["scale_max"],
        choices=data["choices"],
    )


@login_required
def staff_question(request, pk: int, question: int):
    """Edit one question while the survey may change."""
    survey = _managed(request, pk)
    item = survey.questions.filter(pk=question).first()
    if item is None:
        raise Http404
    if not building.editable(survey):
        return redirect("petitions:survey_staff_detail", pk=pk)
    initial = {
        "kind": item.kind,
        "text": item.text,
        "required": item.required,
        "scale_max": item.scale_max,
        "choices": "\n".join(choice.text for choice in item.choices.all()),
    }
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            building.question_update(actor=request.user, question=item, draft=_question_draft(form))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("题目已保存。"))
            return redirect("petitions:survey_staff_detail", pk=pk)
    return render(
        request,
        "petitions/surveys/staff_question.html",
        {"survey": survey, "question": item, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def staff_preview(request, pk: int):
    """The questionnaire exactly as citizens get it, its submit button disabled."""
    survey = selectors.staff_get(request.user, pk)
    sections = selectors.structure(survey)
    form = AnswerForm(sections=sections, disabled=True)
    return render(
        request,
        "petitions/surveys/staff_preview.html",
        {"survey": survey, "form": form, "sections": form.sectioned(sections), "preview": True},
    )


@login_required
@require_POST
def staff_publish(request, pk: int):
    survey = _managed(request, pk)
    try:
        building.survey_publish(actor=request.user, survey=survey)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("调查已发布。"))
    return redirect("petitions:survey_staff_detail", pk=pk)


@login_required
@require_POST
def staff_close(request, pk: int):
    survey = _managed(request, pk)
    try:
        building.survey_close(actor=request.user, survey=survey)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("调查已结束。"))
    return redirect("petitions:survey_staff_detail", pk=pk)


@login_required
def staff_results(request, pk: int):
    survey = selectors.staff_get(request.user, pk)
    results = selectors.results(survey, public=False)
    return render(
        request,
        "petitions/surveys/results.html",
        {"survey": survey, "results": results, "charts": results.charts(), "staff": True},
    )


@login_required
def staff_export(request, pk: int):
    """Every response, one row each, as CSV or XLSX (`?format=xlsx`)."""
    survey = selectors.staff_get(request.user, pk)
    return table_response(
        selectors.export_table(survey),
        fmt=choice_param(request.GET.get("format"), ("csv", "xlsx"), default="csv"),
        filename=f"survey-{survey.pk}",
        sheet_title=_("调查答卷"),
    )


@login_required
def staff_moderation(request, pk: int):
    """The survey's free-text answers to moderate, with the proposed redaction of each."""
    if not can_moderate(request.user):
        raise Http404
    survey = selectors.staff_get(request.user, pk)
    status = choice_param(
        request.GET.get("status"),
        [value for value in SurveyAnswer.Moderation.values if value],
        default=SurveyAnswer.Moderation.PENDING,
    )
    page = Paginator(selectors.texts_to_moderate(survey, status=status), 30).get_page(
        request.GET.get("page")
    )
    pending = status == SurveyAnswer.Moderation.PENDING
    answers = [
        (
            answer,
            ModerationForm(
                initial={"decision": "pass", "text": review.proposed_text(answer)},
                auto_id=f"id_a{answer.pk}_%s",
            )
            if pending
            else None,
        )
        for answer in page
    ]
    return render(
        request,
        "petitions/surveys/staff_moderation.html",
        {
            "survey": survey,
            "page": page,
            "answers": answers,
            "status": status,
            "statuses": [choice for choice in SurveyAnswer.Moderation.choices if choice[0]],
            "query_string": f"status={status}",
        },
    )


@login_required
@require_POST
def staff_moderate(request, pk: int, answer: int):
    if not can_moderate(request.user):
        raise Http404
    survey = selectors.staff_get(request.user, pk)
    item = (
        SurveyAnswer.objects.filter(response__survey=survey, pk=answer)
        .select_related("question__survey")
        .first()
    )
    if item is None:
        raise Http404
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择审核结果。"))
        return redirect("petitions:survey_staff_moderation", pk=pk)
    try:
        if form.cleaned_data["decision"] == "pass":
            review.answer_text_pass(actor=request.user, answer=item, text=form.cleaned_data["text"])
        else:
            review.answer_text_reject(actor=request.user, answer=item)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("审核结果已记录。"))
    return redirect("petitions:survey_staff_moderation", pk=pk)

"""建言献策: the public list of passed suggestions, the citizen's form and list, the department's side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.suggestions import SuggestionActionForm, SuggestionAnswerForm, SuggestionForm
from petitions.models import Suggestion
from petitions.permissions.suggestions import can_answer_suggestion
from petitions.selectors import suggestions as selectors
from petitions.services import suggestions as services
from petitions.transitions.suggestions import SUGGESTION_MOVES
from petitions.views.participation import store_once
from portal.errors import DomainError
from portal.models import User
from portal.query_params import choice_param


def public_list(request):
    status = choice_param(request.GET.get("status"), Suggestion.Status.values)
    page = Paginator(selectors.public_list(status=status), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/suggestions/list.html",
        {
            "page": page,
            "status": status,
            "statuses": Suggestion.Status.choices,
            "query_string": f"status={status}" if status else "",
        },
    )


def detail(request, pk: int):
    return render(
        request, "petitions/suggestions/detail.html", {"suggestion": selectors.public_get(pk)}
    )


@login_required
def new(request):
    """提出建议: signed-in citizens and enterprises; once per form."""
    if request.user.kind == User.Kind.STAFF:
        raise Http404
    form = SuggestionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        status = store_once(
            request,
            form,
            scope="petitions:suggest",
            write=lambda data: services.suggestion_submit(
                actor=request.user,
                department=data["department"],
                title=data["title"],
                content=data["content"],
            ),
        )
        if status is None:
            messages.success(request, _("建议已提交，审核通过后将公开，答复将通知您。"))
            return redirect("petitions:suggestion_mine")
    return render(request, "petitions/suggestions/new.html", {"form": form}, status=status)


@login_required
def mine(request):
    page = Paginator(selectors.of_author(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "petitions/suggestions/mine.html", {"page": page})


# --- Staff ---------------------------------------------------------------------------------------


@login_required
def staff_list(request):
    if request.user.kind != User.Kind.STAFF:
        raise Http404
    status = choice_param(request.GET.get("status"), Suggestion.Status.values)
    page = Paginator(selectors.staff_list(request.user, status=status), 30).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "petitions/suggestions/staff_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Suggestion.Status.choices,
            "query_string": f"status={status}" if status else "",
        },
    )


@login_required
def staff_detail(request, pk: int):
    suggestion = selectors.staff_get(request.user, pk)
    return render(
        request, "petitions/suggestions/staff_detail.html", _staff_context(request, suggestion)
    )


def _staff_context(request, suggestion: Suggestion, **forms) -> dict:
    may_answer = can_answer_suggestion(request.user, suggestion)
    can_answer = may_answer and SUGGESTION_MOVES.allowed(suggestion, "adopt")
    can_report = may_answer and SUGGESTION_MOVES.allowed(suggestion, "report_action")
    return {
        "suggestion": suggestion,
        "events": suggestion.events.select_related("actor"),
        "answer_form": forms.get("answer_form") or (SuggestionAnswerForm() if can_answer else None),
        "action_form": forms.get("action_form")
        or (
            SuggestionActionForm(initial={"action_taken": suggestion.action_taken})
            if can_report
            else None
        ),
    }


@login_required
@require_POST
def staff_answer(request, pk: int):
    suggestion = selectors.staff_get(request.user, pk)
    form = SuggestionAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.suggestion_answer(
                actor=request.user, suggestion=suggestion, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("已答复。"))
            return redirect("petitions:suggestion_staff_detail", pk=pk)
    context = _staff_context(request, suggestion, answer_form=form)
    return render(request, "petitions/suggestions/staff_detail.html", context, status=400)


@login_required
@require_POST
def staff_action(request, pk: int):
    suggestion = selectors.staff_get(request.user, pk)
    form = SuggestionActionForm(request.POST)
    if form.is_valid():
        try:
            services.suggestion_report_action(
                actor=request.user,
                suggestion=suggestion,
                action_taken=form.cleaned_data["action_taken"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("落实情况已更新。"))
            return redirect("petitions:suggestion_staff_detail", pk=pk)
    context = _staff_context(request, suggestion, action_form=form)
    return render(request, "petitions/suggestions/staff_detail.html", context, status=400)

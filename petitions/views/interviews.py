"""在线访谈: the public list, archive and live page (with its polled record), questions, files;
the staff side: scheduling and the host's console (start, moderate, answer, end, archive)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from petitions.forms.interviews import (
    AnswerForm,
    ArchiveForm,
    InterviewForm,
    QuestionDecisionForm,
    QuestionForm,
)
from petitions.models import Interview, InterviewAttachment
from petitions.permissions.interviews import can_ask, can_run_interview, can_schedule_interview
from petitions.selectors import interviews as selectors
from petitions.services import interviews as services
from petitions.services import moderation
from petitions.transitions.interviews import INTERVIEW_MOVES
from petitions.views.participation import store_once
from portal.errors import DomainError
from portal.models import User
from portal.pagination import PageWithoutCount
from portal.query_params import year_param

PLAN_FIELDS = ("title", "topic", "guest_name", "guest_position", "starts_at", "ends_at")


def public_list(request):
    return render(
        request,
        "petitions/interviews/list.html",
        {"interviews": selectors.upcoming(), "years": selectors.archive_years()},
    )


def archive(request):
    years = selectors.archive_years()
    year = year_param(request.GET.get("year")) or (years[0] if years else timezone.now().year)
    page = PageWithoutCount.of(selectors.archive(year), request.GET.get("page"))
    return render(
        request,
        "petitions/interviews/archive.html",
        {"page": page, "year": year, "years": years, "query_string": f"year={year}"},
    )


def detail(request, pk: int):
    interview = selectors.public_get(pk)
    return render(request, "petitions/interviews/detail.html", public_context(request, interview))


def public_context(request, interview: Interview, form=None) -> dict:
    may_ask = interview.takes_questions and can_ask(request.user)
    return {
        "interview": interview,
        "record": selectors.record(interview),
        "attachments": interview.attachments.all(),
        "form": form or (QuestionForm() if may_ask else None),
    }


@require_GET
def feed(request, pk: int):
    """The record alone, for the page's poll: 204 when nothing changed since `?since=`, 304 to a
    browser revalidating the same version (ETag)."""
    interview = selectors.public_get(pk)
    etag = f'"interview-{interview.pk}-{interview.revision}"'
    if request.GET.get("since") == str(interview.revision):
        response = HttpResponse(status=204)
    elif request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = render(
            request,
            "petitions/interviews/_record.html",
            {"interview": interview, "record": selectors.record(interview)},
        )
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


@login_required
@require_POST
def ask(request, pk: int):
    interview = selectors.public_get(pk)
    form = QuestionForm(request.POST)
    status = 400
    if not can_ask(request.user):
        form.add_error(None, _("请以个人或企业账号登录后提问。"))
    elif form.is_valid():
        refused = store_once(
            request,
            form,
            scope="petitions:interview_question",
            write=lambda data: services.interview_ask(
                actor=request.user, interview=interview, text=data["text"]
            ),
        )
        if refused is None:
            messages.success(request, _("问题已提交，审核通过后将公开。"))
            return redirect("petitions:interview_detail", pk=pk)
        status = refused
    context = public_context(request, interview, form=form)
    return render(request, "petitions/interviews/detail.html", context, status=status)


def attachment(request, pk: int):
    """Serve a file of the archive to anyone (metadata was stripped when it was uploaded)."""
    item = get_object_or_404(InterviewAttachment, pk=pk)
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


# --- Staff ---------------------------------------------------------------------------------------


@login_required
def staff_list(request):
    if request.user.kind != User.Kind.STAFF:
        raise Http404
    page = PageWithoutCount.of(selectors.staff_list(request.user), request.GET.get("page"))
    return render(
        request,
        "petitions/interviews/staff_list.html",
        {"page": page, "can_schedule": can_schedule_interview(request.user)},
    )


@login_required
def staff_new(request):
    if not can_schedule_interview(request.user):
        raise Http404
    return save(request, None)


@login_required
def staff_edit(request, pk: int):
    interview = selectors.staff_get(request.user, pk)
    if not can_run_interview(request.user, interview):
        raise Http404
    if not INTERVIEW_MOVES.allowed(interview, "edit"):
        return redirect("petitions:interview_staff_console", pk=pk)
    return save(request, interview)


def save(request, interview: Interview | None):
    initial = {}
    if interview is not None:
        initial = {
            field: timezone.localtime(getattr(interview, field))
            if field.endswith("_at")
            else getattr(interview, field)
            for field in PLAN_FIELDS
        }
    form = InterviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        plan = services.Plan(**{field: form.cleaned_data[field] for field in PLAN_FIELDS})
        try:
            if interview is None:
                saved = services.interview_schedule(actor=request.user, plan=plan)
            else:
                saved = services.interview_edit(actor=request.user, interview=interview, plan=plan)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("访谈预告已保存。"))
            return redirect("petitions:interview_staff_console", pk=saved.pk)
    return render(
        request,
        "petitions/interviews/staff_form.html",
        {"form": form, "interview": interview},
        status=400 if form.errors else 200,
    )


@login_required
def staff_console(request, pk: int):
    interview = selectors.staff_get(request.user, pk)
    return render(request, "petitions/interviews/console.html", console_context(request, interview))


def console_context(request, interview: Interview, **forms) -> dict:
    runs = can_run_interview(request.user, interview)
    pending = list(selectors.pending_questions(interview)) if runs else []
    # One form per pending question, each with its own element ids (the page holds them all).
    decisions = [
        (
            item,
            QuestionDecisionForm(
                auto_id=f"id_q{item.question_id}_%s", initial={"text": item.proposed_text}
            ),
        )
        for item in pending
    ]
    answerable = INTERVIEW_MOVES.allowed(interview, "answer")
    return {
        "interview": interview,
        "runs": runs,
        "decisions": decisions,
        "record": selectors.record(interview),
        "answer_form": forms.get("answer_form")
        or (
            AnswerForm(questions=selectors.published_questions(interview))
            if runs and answerable
            else None
        ),
        "archive_form": forms.get("archive_form")
        or (
            ArchiveForm(initial={"summary": interview.summary})
            if runs and INTERVIEW_MOVES.allowed(interview, "archive")
            else None
        ),
        "attachments": interview.attachments.all(),
        "events": interview.events.select_related("actor"),
    }


@login_required
@require_POST
def staff_move(request, pk: int):
    """Start or end the interview (the button says which)."""
    interview = selectors.staff_get(request.user, pk)
    service = {"start": services.interview_start, "end": services.interview_end}.get(
        request.POST.get("move", "")
    )
    if service is None:
        messages.error(request, _("请选择要执行的操作。"))
        return redirect("petitions:interview_staff_console", pk=pk)
    try:
        service(actor=request.user, interview=interview)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("访谈状态已更新。"))
    return redirect("petitions:interview_staff_console", pk=pk)


@login_required
@require_POST
def staff_question(request, pk: int, question: int):
    """Pass (with the text as edited) or reject one of the interview's pending questions."""
    interview = selectors.staff_get(request.user, pk)
    item = selectors.question_get(interview, question)
    form = QuestionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(error for errors in form.errors.values() for error in errors)
        )
        return redirect("petitions:interview_staff_console", pk=pk)
    data = form.cleaned_data
    try:
        if data["decision"] == "pass":
            moderation.moderation_pass(item=item, actor=request.user, text=data["text"])
            messages.success(request, _("提问已公开。"))
        else:
            moderation.moderation_reject(item=item, actor=request.user, reason=data["reason"])
            messages.success(request, _("提问不予公开，理由已告知提问人。"))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("petitions:interview_staff_console", pk=pk)


@login_required
@require_POST
def staff_answer(request, pk: int):
    interview = selectors.staff_get(request.user, pk)
    questions = selectors.published_questions(interview)
    form = AnswerForm(request.POST, questions=questions)
    if form.is_valid():
        data = form.cleaned_data
        chosen = questions.filter(pk=data["question"]).first() if data["question"] else None
        try:
            services.interview_answer(
                actor=request.user, interview=interview, text=data["text"], question=chosen
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("回答已发布。"))
            return redirect("petitions:interview_staff_console", pk=pk)
    context = console_context(request, interview, answer_form=form)
    return render(request, "petitions/interviews/console.html", context, status=400)


@login_required
@require_POST
def staff_archive(request, pk: int):
    interview = selectors.staff_get(request.user, pk)
    form = ArchiveForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.interview_archive(
                actor=request.user,
                interview=interview,
                summary=form.cleaned_data["summary"],
                attachments=form.cleaned_data["attachments"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("访谈已归档。"))
            return redirect("petitions:interview_staff_console", pk=pk)
    context = console_context(request, interview, archive_form=form)
    return render(request, "petitions/interviews/console.html", context, status=400)

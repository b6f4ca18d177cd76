"""意见征集: the public list and page (comment while open, the feedback after), the staff side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.consultations import AssessForm, CommentForm, ConsultationForm, FeedbackForm
from petitions.models import Consultation, ConsultationAttachment
from petitions.permissions.consultations import (
    can_draft_consultation,
    can_manage_consultation,
    consultations_visible_to,
)
from petitions.selectors import consultations as selectors
from petitions.services import consultations as services
from petitions.transitions.consultations import CONSULTATION_MOVES
from petitions.views.participation import store_once
from portal.errors import DomainError
from portal.models import User


def public_list(request):
    page = Paginator(selectors.public_list(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/consultations/list.html",
        {"page": page, "today": timezone.localdate()},
    )


def detail(request, pk: int):
    consultation = selectors.public_get(pk)
    return render(
        request, "petitions/consultations/detail.html", _public_context(request, consultation)
    )


def _public_context(request, consultation: Consultation, form=None) -> dict:
    is_open = consultation.is_open()
    may_comment = is_open and request.user.is_authenticated and request.user.kind != User.Kind.STAFF
    return {
        "consultation": consultation,
        "attachments": consultation.attachments.all(),
        "comments": selectors.public_comments(consultation),
        "is_open": is_open,
        "form": form or (CommentForm() if may_comment else None),
    }


@login_required
@require_POST
def comment(request, pk: int):
    consultation = selectors.public_get(pk)
    form = CommentForm(request.POST)
    status = 400
    if request.user.kind != User.Kind.STAFF and form.is_valid():
        refused = store_once(
            request,
            form,
            scope="petitions:comment",
            write=lambda data: services.consultation_comment(
                actor=request.user, consultation=consultation, content=data["content"]
            ),
        )
        if refused is None:
            messages.success(request, _("意见已提交，审核通过后将公开。感谢您的参与。"))
            return redirect("petitions:consultation_detail", pk=pk)
        status = refused
    elif request.user.kind == User.Kind.STAFF:
        form.add_error(None, _("请以个人或企业账号登录后发表意见。"))
    context = _public_context(request, consultation, form=form)
    return render(request, "petitions/consultations/detail.html", context, status=status)


def attachment(request, pk: int):
    """Serve a draft's file to anyone once the consultation is public, to its department before."""
    item = get_object_or_404(ConsultationAttachment.objects.select_related("consultation"), pk=pk)
    if not consultations_visible_to(request.user).filter(pk=item.consultation_id).exists():
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


# --- Staff ---------------------------------------------------------------------------------------


def _require_staff(request) -> None:
    if request.user.kind != User.Kind.STAFF:
        raise Http404


@login_required
def staff_list(request):
    _require_staff(request)
    page = Paginator(selectors.staff_list(request.user), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/consultations/staff_list.html",
        {"page": page, "can_draft": can_draft_consultation(request.user)},
    )


@login_required
def staff_new(request):
    _require_staff(request)
    if not can_draft_consultation(request.user):
        raise Http404
    return _save(request, None)


@login_required
def staff_edit(request, pk: int):
    consultation = selectors.staff_get(request.user, pk)
    if not can_manage_consultation(request.user, consultation):
        raise Http404
    if not CONSULTATION_MOVES.allowed(consultation, "edit"):
        # Published: the text is what citizens comment on; back to its page.
        return redirect("petitions:consultation_staff_detail", pk=pk)
    return _save(request, consultation)


def _save(request, consultation: Consultation | None):
    initial = {}
    if consultation is not None:
        initial = {
            field: getattr(consultation, field)
            for field in ("kind", "title", "text", "opens_on", "closes_on")
        }
    form = ConsultationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.consultation_save_draft(
                actor=request.user,
                consultation=consultation,
                draft=services.Draft(
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                ),
                attachments=data["attachments"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("征集稿已保存。"))
            return redirect("petitions:consultation_staff_detail", pk=saved.pk)
    return render(
        request,
        "petitions/consultations/staff_form.html",
        {"form": form, "consultation": consultation},
        status=400 if form.errors else 200,
    )


@login_required
def staff_detail(request, pk: int):
    consultation = selectors.staff_get(request.user, pk)
    return render(
        request,
        "petitions/consultations/staff_detail.html",
        _staff_context(request, consultation),
    )


def _staff_context(request, consultation: Consultation, feedback_form=None) -> dict:
    manages = can_manage_consultation(request.user, consultation)
    can_assess = manages and CONSULTATION_MOVES.allowed(consultation, "assess")
    # One form per comment, each with its own element ids (the page holds them all).
    comments = [
        (
            comment,
            AssessForm(auto_id=f"id_c{comment.pk}_%s")
            if can_assess and not comment.rejected
            else None,
        )
        for comment in consultation.comments.all()
    ]
    return {
        "consultation": consultation,
        "attachments": consultation.attachments.all(),
        "comments": comments,
        "events": consultation.events.select_related("actor"),
        "manages": manages,
        "can_edit": manages and CONSULTATION_MOVES.allowed(consultation, "edit"),
        "feedback_form": feedback_form
        or (
            FeedbackForm()
            if manages
            and CONSULTATION_MOVES.allowed(consultation, "feedback")
            and consultation.is_closed()
            else None
        ),
    }


@login_required
@require_POST
def staff_publish(request, pk: int):
    consultation = selectors.staff_get(request.user, pk)
    try:
        services.consultation_publish(actor=request.user, consultation=consultation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("意见征集已发布。"))
    return redirect("petitions:consultation_staff_detail", pk=pk)


@login_required
@require_POST
def staff_assess(request, pk: int, comment: int):
    consultation = selectors.staff_get(request.user, pk)
    item = consultation.comments.filter(pk=comment).first()
    if item is None:
        raise Http404
    form = AssessForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择研究结果。"))
        return redirect("petitions:consultation_staff_detail", pk=pk)
    try:
        services.comment_assess(actor=request.user, comment=item, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("研究结果已记录。"))
    return redirect("petitions:consultation_staff_detail", pk=pk)


@login_required
@require_POST
def staff_feedback(request, pk: int):
    consultation = selectors.staff_get(request.user, pk)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_give_feedback(
                actor=request.user,
                consultation=consultation,
                feedback=form.cleaned_data["feedback"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("采纳情况已公开反馈。"))
            return redirect("petitions:consultation_staff_detail", pk=pk)
    context = _staff_context(request, consultation, feedback_form=form)
    return render(request, "petitions/consultations/staff_detail.html", context, status=400)

"""Pages of disclosure on request (依申请公开): the applicant's and the office's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from disclosure.forms.requests import (
    AnswerForm,
    ConsultationAnswerForm,
    ConsultForm,
    ExtendForm,
    RequestForm,
    SupplementForm,
    SupplementNoticeForm,
)
from disclosure.models import InformationRequest, RequestDocument
from disclosure.permissions import requests as permissions
from disclosure.selectors import requests as selectors
from disclosure.services.requests import answer, consultation, extension, receipt, supplement
from disclosure.transitions.requests import REQUEST_MOVES
from portal.errors import DomainError
from portal.query_params import choice_param, text_param
from portal.submissions import Submitted, submit_once

PAGE_SIZE = 20
# Office actions: form, and the move of the transition table that must be allowed.
ACTIONS = {
    "supplement_notice": (SupplementNoticeForm, "request_supplement"),
    "consult": (ConsultForm, "consult"),
    "consultation_answer": (ConsultationAnswerForm, "end_consultation"),
    "extend": (ExtendForm, "extend"),
    "answer": (AnswerForm, "answer"),
}
ACTION_LABELS = {
    "supplement_notice": gettext_lazy("发出补正通知"),
    "consult": gettext_lazy("征求第三方意见"),
    "consultation_answer": gettext_lazy("记录第三方意见"),
    "extend": gettext_lazy("延长答复期限（负责人批准）"),
    "answer": gettext_lazy("作出答复"),
}

# --- The applicant -----------------------------------------------------------------------------


@login_required
def request_new(request):
    """政府信息公开申请: a signed-in citizen or enterprise applies online."""
    user = request.user
    if not permissions.can_apply(user):
        raise PermissionDenied(_("请使用个人或企业账户提出政府信息公开申请。"))
    form = RequestForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create() -> Submitted:
            return Submitted(
                subject=receipt.request_file(
                    applicant=user,
                    data=receipt.ApplicantData(
                        name=data["applicant_name"],
                        phone=data["phone"],
                        organization=data.get("organization", ""),
                        id_number=data["id_number"],
                        email=data["email"],
                        address=data["address"],
                    ),
                    description=data["description"],
                    purpose=data["purpose"],
                    delivery=data["delivery"],
                )
            )

        try:
            created = submit_once(
                token=data["submission_token"], account=user, create=create
            ).subject
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("申请已提交，申请编号 %(number)s。我们将在 %(date)s 前答复。")
                % {
                    "number": created.number,
                    "date": timezone.localtime(created.clock.due_at).strftime("%Y-%m-%d"),
                },
            )
            return redirect(created)
    return render(request, "disclosure/requests/new.html", {"form": form})


@login_required
def requests_mine(request):
    if not permissions.can_apply(request.user):
        raise PermissionDenied
    page = Paginator(selectors.requests_mine(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "disclosure/requests/mine.html", {"page": page})


def _office_forms(user, item: InformationRequest) -> dict:
    """The actions the office may take on the request now, each with its empty form."""
    if not permissions.is_office_staff(user):
        return {}
    forms = {}
    for action, (form_class, move) in ACTIONS.items():
        if not REQUEST_MOVES.allowed(item, move):
            continue
        if action == "supplement_notice" and item.supplement_requested_at is not None:
            continue
        if action == "extend" and (item.extension_days or not permissions.is_office_head(user)):
            continue
        # Prefixed: several forms on one page must not share field ids.
        forms[action] = form_class(prefix=action)
    return forms


def _detail(request, item: InformationRequest, *, bound: dict | None = None, status: int = 200):
    user = request.user
    is_office = permissions.is_office_staff(user)
    action_forms = _office_forms(user, item)
    supplement_form = None
    if permissions.is_applicant(user, item) and REQUEST_MOVES.allowed(item, "supplement"):
        supplement_form = SupplementForm()
    if bound:
        action_forms.update(bound.get("actions", {}))
        supplement_form = bound.get("supplement", supplement_form)
    context = {
        "item": item,
        "events": selectors.request_timeline(item),
        "documents": list(item.documents.all()),
        "consultations": list(item.consultations.all()) if is_office else [],
        "is_office": is_office,
        "is_applicant": permissions.is_applicant(user, item),
        "actions": [
            (key, ACTION_LABELS[key], form)
            for key, form in action_forms.items()
            if key != "consultation_answer"
        ],
        # Recording the third party's answer sits under the consultation it closes.
        "consultation_actions": [
            (key, ACTION_LABELS[key], form)
            for key, form in action_forms.items()
            if key == "consultation_answer"
        ],
        "open_action": next(iter(bound.get("actions", {})), "") if bound else "",
        "supplement_form": supplement_form,
        "office_head_needed": is_office
        and not permissions.is_office_head(user)
        and REQUEST_MOVES.allowed(item, "extend")
        and not item.extension_days,
    }
    return render(request, "disclosure/requests/detail.html", context, status=status)


@login_required
def request_detail(request, number: str):
    """The applicant follows every step here; the office works the request on the same page."""
    return _detail(request, selectors.request_get_for(request.user, number))


@login_required
@require_POST
def request_supplement(request, number: str):
    item = selectors.request_get_for(request.user, number)
    if not permissions.is_applicant(request.user, item):
        raise Http404
    form = SupplementForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, bound={"supplement": form}, status=400)
    try:
        supplement.request_supplement(
            actor=request.user, request=item, text=form.cleaned_data["text"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("补正已提交，答复期限自今日起重新计算。"))
    return redirect(item)


@login_required
@require_POST
def request_act(request, number: str, action: str):
    """An office action: supplement notice, consultation, extension or answer."""
    if action not in ACTIONS or not permissions.is_office_staff(request.user):
        raise Http404
    item = selectors.request_get_for(request.user, number)
    form = ACTIONS[action][0](request.POST, request.FILES, prefix=action)
    if not form.is_valid():
        messages.error(request, _("请检查填写的内容。"))
        return _detail(request, item, bound={"actions": {action: form}}, status=400)
    data = form.cleaned_data
    user = request.user
    try:
        if action == "supplement_notice":
            supplement.request_supplement_notice(actor=user, request=item, text=data["text"])
            done = _("补正通知已发出，答复期限暂停计算。")
        elif action == "consult":
            consultation.request_consult(
                actor=user, request=item, third_party=data["third_party"], question=data["question"]
            )
            done = _("已发出征求意见，答复期限暂停计算。")
        elif action == "consultation_answer":
            consultation.request_consultation_answer(
                actor=user, request=item, answer=data["answer"]
            )
            done = _("已记录第三方意见，答复期限恢复计算。")
        elif action == "extend":
            extension.request_extend(
                actor=user, request=item, days=data["days"], reason=data["reason"]
            )
            done = _("答复期限已延长，并已告知申请人。")
        else:
            answer.request_answer(
                actor=user,
                request=item,
                reply_type=data["reply_type"],
                refusal_reason=data["refusal_reason"],
                other_agency=data["other_agency"],
                text=data["text"],
                remedies=data["remedies"],
                documents=data["documents"],
            )
            done = _("答复已送达申请人。")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(item)


@login_required
def request_document(request, pk: int):
    """Serve an answer document to the applicant and the office; 404 to everyone else."""
    document = RequestDocument.objects.select_related("request").filter(pk=pk).first()
    if document is None or not permissions.can_view(request.user, document.request):
        raise Http404
    try:
        handle = document.file.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type or "application/octet-stream",
    )


# --- The office ----------------------------------------------------------------------------------


@login_required
def request_queue(request):
    """依申请公开办理: the office's queue with the clock's lights."""
    if not permissions.is_office_staff(request.user):
        raise PermissionDenied
    view = choice_param(request.GET.get("view"), selectors.QUEUE_FILTERS, default="open")
    query = text_param(request.GET.get("q"), max_length=50)
    page = Paginator(selectors.office_queue(view=view, query=query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "disclosure/requests/queue.html",
        {
            "page": page,
            "view": view,
            "query": query,
            "views": [
                ("open", _("办理中")),
                ("answered", _("已答复")),
                ("abandoned", _("视为放弃")),
                ("all", _("全部")),
            ],
            "query_string": urlencode({k: v for k, v in {"view": view, "q": query}.items() if v}),
        },
    )

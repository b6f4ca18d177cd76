"""The staff side of messages: the list, the message page and its actions (route, forward,
answer, mark invalid, convert to a complaint), and turning a complaint into a message."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from petitions.forms import messages as message_forms
from petitions.models import Message
from petitions.permissions import messages as message_permissions
from petitions.selectors import complaints as complaint_selectors
from petitions.selectors import messages as message_selectors
from petitions.services.messages import conversion, handling
from petitions.transitions.messages import MESSAGE_MOVES
from portal.errors import DomainError
from portal.models import User
from portal.pagination import PageWithoutCount
from portal.query_params import choice_param


def require_staff(request) -> None:
    if request.user.kind != User.Kind.STAFF:
        raise Http404


@login_required
def queue(request):
    """留言办理: every message for the office and overseers, the department's own otherwise."""
    require_staff(request)
    status = choice_param(request.GET.get("status"), Message.Status.values)
    page = PageWithoutCount.of(
        message_selectors.staff_list(request.user, status=status), request.GET.get("page")
    )
    return render(
        request,
        "petitions/messages/staff_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": Message.Status.choices,
            "query_string": f"status={status}" if status else "",
        },
    )


ACTION_FORMS = {
    "assign": message_forms.DepartmentForm,
    "forward": message_forms.DepartmentForm,
    "answer": message_forms.AnswerForm,
    "invalid": message_forms.ReasonForm,
    "convert": message_forms.ConvertForm,
}

DONE = {
    "assign": _("已分办。"),
    "forward": _("已转办。"),
    "answer": _("已答复。"),
    "invalid": _("已标记为无效留言。"),
    "convert": _("已转为投诉。"),
}


def detail_context(request, message: Message, **forms) -> dict:
    user = request.user
    office = message_permissions.can_route_message(user)
    answerer = message_permissions.can_answer_message(user, message)
    shown = {
        "assign": office and MESSAGE_MOVES.allowed(message, "assign"),
        "forward": (office or answerer) and MESSAGE_MOVES.allowed(message, "forward"),
        "answer": answerer and MESSAGE_MOVES.allowed(message, "answer"),
        "invalid": office and MESSAGE_MOVES.allowed(message, "mark_invalid"),
        "convert": office and MESSAGE_MOVES.allowed(message, "convert"),
    }
    action_forms = {
        action: forms.get(action) or form_class(prefix=action)
        for action, form_class in ACTION_FORMS.items()
        if shown[action]
    }
    return {
        "message": message,
        "events": message.events.select_related("actor").order_by("created_at", "id"),
        "action_forms": action_forms,
    }


@login_required
def detail(request, number: str):
    require_staff(request)
    message = message_selectors.staff_get(request.user, number)
    return render(request, "petitions/messages/staff_detail.html", detail_context(request, message))


def run(action: str, user: User, message: Message, data: dict) -> None:
    if action == "assign":
        handling.message_assign(message=message, actor=user, department=data["department"])
    elif action == "forward":
        handling.message_forward(
            message=message, actor=user, department=data["department"], note=data["note"]
        )
    elif action == "answer":
        handling.message_answer(message=message, actor=user, answer=data["answer"])
    elif action == "invalid":
        handling.message_mark_invalid(message=message, actor=user, reason=data["reason"])
    else:
        conversion.message_convert_to_complaint(
            message=message, actor=user, category=data["category"], department=data["department"]
        )


@login_required
@require_POST
def act(request, number: str, action: str):
    """Run one action; a refused one shows why and changes nothing."""
    require_staff(request)
    if action not in ACTION_FORMS:
        raise Http404
    message = message_selectors.staff_get(request.user, number)
    form = ACTION_FORMS[action](request.POST, prefix=action)
    if form.is_valid():
        try:
            run(action, request.user, message, form.cleaned_data)
        except DomainError as error:
            flash.error(request, error.message)
        else:
            flash.success(request, str(DONE[action]))
            if message_permissions.messages_visible_to(request.user).filter(pk=message.pk).exists():
                return redirect("petitions:message_staff_detail", number=number)
            return redirect("petitions:message_staff_queue")
        return redirect("petitions:message_staff_detail", number=number)
    context = detail_context(request, message, **{action: form})
    return render(request, "petitions/messages/staff_detail.html", context, status=400)


@login_required
@require_POST
def from_complaint(request, number: str):
    """The office turns a complaint into a message; the complaint page says why if refused."""
    require_staff(request)
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    category = choice_param(request.POST.get("category"), Message.Category.values)
    if not category:
        flash.error(request, _("请选择留言类别。"))
        return redirect("petitions:staff_detail", number=number)
    try:
        message = conversion.complaint_convert_to_message(
            complaint=complaint, actor=request.user, category=category
        )
    except DomainError as error:
        flash.error(request, error.message)
        return redirect("petitions:staff_detail", number=number)
    flash.success(request, str(_("已转为留言。")))
    return redirect("petitions:message_staff_detail", number=message.number)

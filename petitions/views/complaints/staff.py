"""The staff side (内网): queues, the export, hotline registration, the case page and its actions.

No page here shows the complainant's identity; it has its own page (`petitions.views.identity`),
for holders of the permission only, and every opening of it is logged.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from petitions.forms import complaints as complaint_forms
from petitions.models import Complaint, ExtensionRequest, ProtectedAccess, ReviewRequest
from petitions.permissions import complaints as complaint_permissions
from petitions.permissions import identity as identity_permissions
from petitions.selectors import complaints as complaint_selectors
from petitions.services import identity as identity_services
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from petitions.services.complaints import reviews as review_services
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal.addresses import client_address
from portal.errors import DomainError
from portal.exports import table_response
from portal.models import User
from portal.pagination import PageWithoutCount
from portal.query_params import choice_param, text_param


def _require_staff(request) -> None:
    if request.user.kind != User.Kind.STAFF:
        raise Http404


def _log_read(request, complaints, what: str) -> None:
    """Write the access rows of the protected complaints this response shows."""
    identity_services.protected_access_record(
        user=request.user, complaints=complaints, what=what, address=client_address(request)
    )


QUEUE_PAGE_SIZE = 30


@login_required
def queue(request):
    """诉求列表: everything for the hotline office and overseers, the department's own otherwise."""
    _require_staff(request)
    status = choice_param(request.GET.get("status"), Complaint.Status.values)
    query = text_param(request.GET.get("q"), max_length=50)
    complaints = complaint_selectors.staff_list(request.user, status=status, query=query)
    # No COUNT: the hotline office's list is every complaint ever filed.
    page = PageWithoutCount.of(complaints, request.GET.get("page"), size=QUEUE_PAGE_SIZE)
    return render(
        request,
        "petitions/staff/queue.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "query_string": urlencode({"status": status, "q": query} if status or query else {}),
            # Reversed once, not per row: each row appends its number and a slash.
            "detail_prefix": reverse("petitions:staff_detail", args=["0"]).removesuffix("0/"),
            "statuses": Complaint.Status.choices,
            "can_register": complaint_permissions.can_dispatch(request.user),
            "can_list_access": identity_permissions.can_list_protected_access(request.user),
            "can_manage_identity": identity_permissions.can_manage_identity_permission(
                request.user
            ),
        },
    )


@login_required
def export(request):
    """The same list as CSV (Excel opens it): no column names the complainant."""
    _require_staff(request)
    complaints = complaint_selectors.staff_queue(
        request.user,
        status=choice_param(request.GET.get("status"), Complaint.Status.values),
        query=text_param(request.GET.get("q"), max_length=50),
    )
    listed = list(complaints[:5000])
    _log_read(request, listed, ProtectedAccess.What.EXPORT)
    header = [
        _("编号"),
        _("类别"),
        _("标题"),
        _("来源"),
        _("状态"),
        _("承办单位"),
        _("登记时间"),
        _("答复时间"),
        _("满意度"),
    ]
    rows = (
        [
            complaint.number,
            complaint.category.label,
            complaint.title,
            complaint.get_channel_display(),
            complaint.get_status_display(),
            complaint.department.name if complaint.department else "",
            timezone.localtime(complaint.registered_at).strftime("%Y-%m-%d %H:%M"),
            (
                timezone.localtime(complaint.replied_at).strftime("%Y-%m-%d %H:%M")
                if complaint.replied_at
                else ""
            ),
            complaint.get_satisfaction_display(),
        ]
        for complaint in listed
    )
    return table_response(
        [header, *rows], fmt="csv", filename=f"complaints-{timezone.localdate():%Y%m%d}"
    )


@login_required
def register(request):
    """热线登记: the operator registers a phone call or a text message, 24 hours a day."""
    if not complaint_permissions.can_dispatch(request.user):
        raise Http404
    form = complaint_forms.HotlineRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        anonymous = data["is_anonymous"]
        try:
            complaint, code = filing_services.complaint_file(
                actor=request.user,
                channel=data["channel"],
                category=data["category"],
                title=data["title"],
                content=data["content"],
                place=data["place"],
                is_anonymous=anonymous,
                names_official=data["names_official"],
                reported_department=data["reported_department"],
                reported_person=data["reported_person"],
                contact_method=data["contact_method"],
                allow_publication=data["allow_publication"],
                identity=filing_services.IdentityData(
                    name="" if anonymous else data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    address="" if anonymous else data["address"],
                ),
                is_emergency=data["is_emergency"],
                emergency_note=data["emergency_note"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("已登记，编号 %(number)s，查询码 %(code)s（请告知来电人）。")
                % {"number": complaint.number, "code": code},
            )
            return redirect("petitions:staff_detail", number=complaint.number)
    return render(request, "petitions/staff/register.html", {"form": form})


def _action_forms(user, complaint: Complaint) -> dict:
    """The forms this user may use on this complaint now, by action name."""
    available = {}
    office = complaint_permissions.can_dispatch(user)
    handler = complaint_permissions.can_handle(user, complaint)
    if complaint_permissions.can_instruct(user) and COMPLAINT_MOVES.allowed(complaint, "instruct"):
        available["instruct"] = action_form("instruct")
    if office:
        if COMPLAINT_MOVES.allowed(complaint, "dispatch"):
            available["dispatch"] = action_form("dispatch")
        if COMPLAINT_MOVES.allowed(complaint, "redirect"):
            available["redirect"] = action_form("redirect")
        if COMPLAINT_MOVES.allowed(complaint, "transfer"):
            available["transfer"] = action_form("transfer")
        if COMPLAINT_MOVES.allowed(complaint, "refer"):
            available["refer"] = action_form("refer")
        if COMPLAINT_MOVES.allowed(complaint, "merge"):
            available["merge"] = action_form("merge")
        extension = getattr(complaint, "extension", None)
        if (
            extension
            and extension.status == ExtensionRequest.Status.PENDING
            and COMPLAINT_MOVES.allowed(complaint, "decide_extension")
        ):
            available["extension_decide"] = action_form("extension_decide")
        if COMPLAINT_MOVES.allowed(complaint, "return_visit"):
            available["return_visit"] = action_form("return_visit")
    if handler:
        if COMPLAINT_MOVES.allowed(complaint, "sign"):
            available["sign"] = None
        if COMPLAINT_MOVES.allowed(complaint, "reply"):
            available["reply"] = action_form("reply")
        if COMPLAINT_MOVES.allowed(complaint, "object"):
            available["object"] = action_form("object")
        if COMPLAINT_MOVES.allowed(complaint, "request_extension") and not hasattr(
            complaint, "extension"
        ):
            available["extension"] = action_form("extension")
    return available


# Shown folded: the rarer moves, so the usual one is the first thing on the page.
SECONDARY_ACTIONS = {"redirect", "transfer", "refer", "merge", "object", "extension"}
# Moves on one part of the complaint sit in that part (a phone shows one column): the extension
# decision under the request it decides, the return visit under the reply it asks about.
PLACED_ACTIONS = ("extension_decide", "return_visit")


def _detail_context(request, complaint: Complaint, **bound) -> dict:
    try:
        extension = complaint.extension
    except ExtensionRequest.DoesNotExist:
        extension = None
    action_forms = _action_forms(request.user, complaint)
    action_forms.update(bound)
    placed = {
        action: action_forms.pop(action) for action in PLACED_ACTIONS if action in action_forms
    }
    answers = complaint_selectors.complaint_answers(complaint)
    return {
        "complaint": complaint,
        "events": complaint_selectors.complaint_timeline(complaint),
        **answers,
        "instructions": complaint.instructions.select_related("leader"),
        "attachments": complaint.attachments.all(),
        "extension": extension,
        "review_forms": {
            review.pk: complaint_forms.ReviewDecideForm(auto_id=f"id_review{review.pk}_%s")
            for review in answers["reviews"]
            if not review.is_decided
            and complaint_permissions.can_decide_review(request.user, review.level)
        },
        "action_forms": action_forms,
        "placed_actions": placed,
        "secondary_actions": SECONDARY_ACTIONS,
        "can_view_identity": identity_permissions.can_view_identity_of(request.user, complaint),
        "is_office": complaint_permissions.can_dispatch(request.user),
    }


@login_required
def detail(request, number: str):
    _require_staff(request)
    complaint = complaint_selectors.complaint_get_for_staff(
        request.user, number, with_extension=True
    )
    _log_read(request, [complaint], ProtectedAccess.What.PAGE)
    return render(request, "petitions/staff/detail.html", _detail_context(request, complaint))


# action → the service call that runs it (its form is in ACTION_FORMS).
def _run(action: str, user, complaint: Complaint, data: dict):
    match action:
        case "dispatch":
            return dispatching_services.complaint_dispatch(actor=user, complaint=complaint, **data)
        case "redirect":
            return dispatching_services.complaint_redirect(actor=user, complaint=complaint, **data)
        case "instruct":
            return dispatching_services.complaint_instruct(actor=user, complaint=complaint, **data)
        case "transfer":
            return dispatching_services.complaint_transfer_emergency(
                actor=user, complaint=complaint, **data
            )
        case "refer":
            return dispatching_services.complaint_refer(actor=user, complaint=complaint, **data)
        case "merge":
            original = (
                complaint_selectors.staff_queue(user)
                .filter(number=data["original_number"].strip().upper())
                .first()
            )
            if original is None:
                raise DomainError(_("没有找到该原诉求编号。"))
            return dispatching_services.complaint_merge(
                actor=user, duplicate=complaint, original=original
            )
        case "sign":
            return handling_services.complaint_sign(actor=user, complaint=complaint)
        case "object":
            return handling_services.complaint_object(actor=user, complaint=complaint, **data)
        case "extension":
            return handling_services.extension_request(actor=user, complaint=complaint, **data)
        case "extension_decide":
            return handling_services.extension_decide(actor=user, complaint=complaint, **data)
        case "reply":
            return handling_services.complaint_reply(actor=user, complaint=complaint, **data)
        case "return_visit":
            return closing_services.complaint_return_visit(actor=user, complaint=complaint, **data)
    raise Http404


ACTION_FORMS = {
    "dispatch": complaint_forms.DispatchForm,
    "redirect": complaint_forms.RedirectForm,
    "instruct": complaint_forms.InstructForm,
    "transfer": complaint_forms.TransferForm,
    "refer": complaint_forms.ReferForm,
    "merge": complaint_forms.MergeForm,
    "sign": None,
    "object": complaint_forms.ObjectForm,
    "extension": complaint_forms.ExtensionForm,
    "extension_decide": complaint_forms.ExtensionDecideForm,
    "reply": complaint_forms.ReplyForm,
    "return_visit": complaint_forms.ReturnVisitForm,
}

DONE_MESSAGES = {
    "dispatch": gettext_lazy("已分派。"),
    "redirect": gettext_lazy("已改派。"),
    "instruct": gettext_lazy("批示已保存。"),
    "transfer": gettext_lazy("已紧急转办。"),
    "refer": gettext_lazy("已告知其他渠道并办结。"),
    "merge": gettext_lazy("已合并。"),
    "sign": gettext_lazy("已签收，请在期限内答复。"),
    "object": gettext_lazy("已退回热线办重新分派。"),
    "extension": gettext_lazy("延期申请已提交热线办。"),
    "extension_decide": gettext_lazy("延期审批已保存。"),
    "reply": gettext_lazy("答复已发送给诉求人。"),
    "return_visit": gettext_lazy("回访已记录。"),
}


def action_form(action: str, data=None):
    """The form of one move; its ids name the move, as the page shows several forms at once."""
    return ACTION_FORMS[action](data, auto_id=f"id_{action}_%s")


@login_required
@require_POST
def act(request, number: str, action: str):
    """Run one action on a complaint; a refused action shows why and changes nothing."""
    _require_staff(request)
    if action not in ACTION_FORMS:
        raise Http404
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    form = action_form(action, request.POST) if ACTION_FORMS[action] else None
    if form is None or form.is_valid():
        try:
            _run(action, request.user, complaint, form.cleaned_data if form else {})
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, str(DONE_MESSAGES[action]))
            if complaint_selectors.staff_queue(request.user).filter(pk=complaint.pk).exists():
                return redirect("petitions:staff_detail", number=number)
            return redirect("petitions:staff_queue")
        return redirect("petitions:staff_detail", number=number)
    _log_read(request, [complaint], ProtectedAccess.What.PAGE)
    context = _detail_context(request, complaint, **{action: form})
    return render(request, "petitions/staff/detail.html", context, status=400)


@login_required
@require_POST
def review_decide(request, number: str, pk: int):
    _require_staff(request)
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    review = ReviewRequest.objects.filter(complaint=complaint, pk=pk).first()
    if review is None:
        raise Http404
    form = complaint_forms.ReviewDecideForm(request.POST)
    if form.is_valid():
        try:
            review_services.review_decide(actor=request.user, review=review, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("意见已发送给诉求人。"))
    else:
        messages.error(request, _("请选择结论并填写意见。"))
    return redirect("petitions:staff_detail", number=number)


@login_required
def history(request, number: str):
    """Field changes of the complaint (simple-history): the complaint holds no identity field."""
    _require_staff(request)
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    _log_read(request, [complaint], ProtectedAccess.What.HISTORY)
    records = list(
        complaint.history.select_related("history_user").order_by("history_date", "history_id")
    )
    changes = []
    for previous, record in zip([None, *records[:-1]], records, strict=True):
        diff = record.diff_against(previous).changes if previous is not None else []
        rows = [
            {"field": Complaint._meta.get_field(c.field).verbose_name, "old": c.old, "new": c.new}
            for c in diff
        ]
        changes.append({"record": record, "changes": rows, "created": previous is None})
    return render(
        request, "petitions/staff/history.html", {"complaint": complaint, "changes": changes[::-1]}
    )

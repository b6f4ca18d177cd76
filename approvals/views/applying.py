"""The citizen's side of 网上审批: apply (or file as a village agent), follow, supply, withdraw;
the query by number and query code, and the results board."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from approvals.forms.applying import (
    AgentStartForm,
    ApplicationForm,
    ResultSearchForm,
    SupplyForm,
    TrackForm,
    WithdrawForm,
)
from approvals.forms.ratings import RatingForm
from approvals.models import Case, CaseMaterial
from approvals.permissions.applying import case_is_followed_by
from approvals.permissions.cases import can_view_case
from approvals.selectors import applying as applying_selectors
from approvals.selectors import ratings as ratings_selectors
from approvals.services import applying as applying_services
from approvals.services.consents import consent_missing
from approvals.transitions.cases import CASE_MOVES
from disclosure.models import CatalogueItem
from portal import ratelimit
from portal.addresses import client_address
from portal.errors import DomainError
from portal.models import User
from portal.query_codes import query_code_matches
from portal.roles import Role
from portal.submissions import Submitted, replay, submit_once

PAGE_SIZE = 20
# Failed applicant look-ups a village agent may make per hour.
AGENT_LOOKUPS = 10
# The session slot holding the query code of the case just submitted, until the receipt shows it.
JUST_SUBMITTED_KEY = "approvals:just-submitted"


def _is_agent(user) -> bool:
    return user.kind == User.Kind.STAFF and user.has_role(Role.VILLAGE_AGENT)


def _refusal(user, item: CatalogueItem) -> str:
    """Why this user cannot apply for this item now, or ''."""
    if item.status != CatalogueItem.Status.PUBLISHED:
        return _("该事项已撤回，不再受理申请。")
    if not applying_selectors.item_has_active_process(item):
        return _("该事项暂未开通网上办理，请携带所需材料到办理地点的服务窗口办理。")
    if user.kind == User.Kind.STAFF and not _is_agent(user):
        return _("工作人员账号不能申请办理事项，请使用个人或企业账号登录。")
    return ""


@login_required
def apply(request, item_pk: int):
    """网上申请: start a draft for a published item, or continue the one already started.

    A village agent names the registered applicant by ID number (or credit code) and mobile;
    the draft then waits for the applicant's consent.
    """
    user = request.user
    item = applying_selectors.item_for_application(item_pk)
    refusal = _refusal(user, item)
    is_agent = _is_agent(user)
    drafts = list(applying_selectors.drafts_for_item(user, item)) if not refusal else []
    if drafts and not is_agent:
        return redirect("approvals:draft", pk=drafts[0].pk)
    form = AgentStartForm(request.POST or None) if is_agent and not refusal else None
    status = 200
    lookups = f"approvals:agent-lookup-fail:{user.pk}"
    if form is not None and form.is_bound and ratelimit.attempts(lookups, 3600) >= AGENT_LOOKUPS:
        refusal, status = _("查找申请人失败次数过多，请一小时后再试。"), 429
    elif request.method == "POST" and not refusal and (form is None or form.is_valid()):
        try:
            case = applying_services.case_start_draft(
                actor=user, item=item, on_behalf_of=form.applicant if form else None
            )
        except DomainError as error:
            refusal, status = error.message, 400
        else:
            return redirect("approvals:draft", pk=case.pk)
    elif request.method == "POST":
        if form is not None and form.non_field_errors():
            # An ID number and mobile that match no one: an agent may not guess for long.
            ratelimit.hit(lookups, 3600)
        status = 400
    context = {
        "item": item,
        "materials": item.materials.all(),
        "refusal": refusal,
        "agent_form": form,
        "drafts": drafts,
    }
    return render(request, "approvals/apply_start.html", context, status=status)


@login_required
def draft(request, pk: int):
    """The application form: save the draft, or submit it with the materials."""
    case = applying_selectors.follower_case_get(request.user, pk)
    submitting = request.POST.get("action") == "submit"
    if not case.is_draft:
        if submitting:
            # A second click or a resubmitted page: this form's receipt again.
            return _submitted_again(request, case)
        return redirect("approvals:case", pk=case.pk)
    if consent_missing(case, request.user):
        return redirect("approvals:consent", pk=case.pk)
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        case=case,
        materials=case.catalogue_materials,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                if submitting:
                    submitted = submit_once(
                        token=form.cleaned_data["submission_token"],
                        account=request.user,
                        create=lambda: _submit(request.user, case, form),
                    )
                    case, code = submitted.subject, submitted.secret
                else:
                    case = _save(request.user, case, form)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                if submitting:
                    # Shown once on the receipt page: the code itself is stored nowhere.
                    request.session[JUST_SUBMITTED_KEY] = {"pk": case.pk, "code": code}
                    return redirect("approvals:submitted", pk=case.pk)
                messages.success(request, _("草稿已保存，可以随时回来继续填写。"))
                return redirect("approvals:draft", pk=case.pk)
    uploaded = list(applying_selectors.case_materials(case))
    context = {
        "case": case,
        "form": form,
        "uploaded": uploaded,
        "uploaded_names": {material.name for material in uploaded},
    }
    return render(request, "approvals/draft.html", context, status=status)


def _submitted_again(request, case: Case):
    """Show the receipt of the submission this form already made, or the case page."""
    try:
        earlier = replay(token=request.POST.get("submission_token", ""), account=request.user)
    except DomainError:
        earlier = None
    if earlier is None or earlier.subject.pk != case.pk:
        return redirect("approvals:case", pk=case.pk)
    request.session[JUST_SUBMITTED_KEY] = {"pk": case.pk, "code": earlier.secret}
    return redirect("approvals:submitted", pk=case.pk)


def _submit(user, case: Case, form: ApplicationForm) -> Submitted:
    case = _save(user, case, form)
    case, code = applying_services.case_submit(actor=user, case=case)
    return Submitted(subject=case, secret=code)


def _save(user, case: Case, form: ApplicationForm) -> Case:
    case = applying_services.case_save_draft(actor=user, case=case, form_data=form.form_data())
    for name, upload in form.uploads():
        applying_services.case_add_material(actor=user, case=case, name=name, upload=upload)
    return case


@login_required
@require_POST
def material_remove(request, pk: int, material_pk: int):
    """Take an uploaded material back out of a draft or a supplement."""
    case = applying_selectors.follower_case_get(request.user, pk)
    material = case.materials.filter(pk=material_pk).first()
    if material is None:
        raise Http404
    try:
        applying_services.case_remove_material(actor=request.user, case=case, material=material)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已删除材料“%(name)s”。") % {"name": material.original_name})
    return redirect("approvals:draft" if case.is_draft else "approvals:case", pk=case.pk)


@login_required
def submitted(request, pk: int):
    """The confirmation after submission: the case number and, this once, the query code."""
    case = applying_selectors.follower_case_get(request.user, pk)
    if case.is_draft:
        return redirect("approvals:draft", pk=case.pk)
    just = request.session.get(JUST_SUBMITTED_KEY) or {}
    code = ""
    if just.get("pk") == case.pk:
        code = just.get("code", "")
        del request.session[JUST_SUBMITTED_KEY]
    return render(request, "approvals/submitted.html", {"case": case, "query_code": code})


@login_required
def mine(request):
    """我的办件: the user's applications (and those filed as an agent), newest first."""
    page = Paginator(applying_selectors.cases_of_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "approvals/mine.html", {"page": page})


def case_detail(request, pk: int):
    """The case page: status, timeline, materials, result; supply, withdraw and rate."""
    access = applying_selectors.case_get_for_citizen(request, pk)
    if access.case.is_draft and access.is_follower:
        return redirect("approvals:draft", pk=access.case.pk)
    return render(request, "approvals/case.html", case_context(access))


def case_context(access: applying_selectors.CaseAccess, **forms) -> dict:
    """What the case page shows; `forms` carries a bound form back after an error."""
    case = access.case
    acts = access.is_follower
    notice = getattr(case, "material_notice", None)
    rating = ratings_selectors.case_rating(case)
    supply_names = (
        _supply_names(case, notice)
        if acts and case.status == Case.Status.AWAITING_MATERIALS
        else []
    )
    return {
        "case": case,
        "is_follower": acts,
        "events": _timeline(case),
        "materials": applying_selectors.case_materials(case) if acts else [],
        "notice": notice,
        "rating": rating,
        "ticket": getattr(rating, "ticket", None) if rating else None,
        "supply_form": forms.get("supply_form")
        or (SupplyForm(names=supply_names) if supply_names else None),
        "withdraw_form": forms.get("withdraw_form")
        or (WithdrawForm() if acts and CASE_MOVES.allowed(case, "withdraw") else None),
        "rating_form": forms.get("rating_form")
        or (
            RatingForm()
            if acts and rating is None and case.status == Case.Status.FINISHED
            else None
        ),
    }


def _timeline(case: Case) -> list:
    """The events with their time formatted once here: `|date` twice a row cost more than the
    rest of the timeline."""
    events = list(applying_selectors.case_timeline(case))
    for event in events:
        local = timezone.localtime(event.created_at)
        event.at_iso, event.at_text = local.isoformat(), f"{local:%Y-%m-%d %H:%M}"
    return events


def _supply_names(case: Case, notice) -> list[str]:
    """The missing materials first, then the rest of the item's list."""
    names = list(notice.missing) if notice else []
    names += [m.name for m in case.catalogue_materials if m.name not in names]
    return names


def _follower_case(request, pk: int) -> applying_selectors.CaseAccess:
    access = applying_selectors.case_get_for_citizen(request, pk)
    if not access.is_follower:
        raise Http404
    return access


@login_required
@require_POST
def supply(request, pk: int):
    """补正: upload one missing material, or declare the supplement complete."""
    access = _follower_case(request, pk)
    case = access.case
    if request.POST.get("action") == "done":
        try:
            applying_services.case_supply_materials(actor=request.user, case=case)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("补正材料已提交，受理时限重新计算。"))
        return redirect("approvals:case", pk=case.pk)
    notice = getattr(case, "material_notice", None)
    form = SupplyForm(request.POST, request.FILES, names=_supply_names(case, notice))
    if form.is_valid():
        try:
            applying_services.case_add_material(
                actor=request.user,
                case=case,
                name=form.cleaned_data["name"],
                upload=form.cleaned_data["upload"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("材料已上传。全部补齐后请点击“补正完毕，提交”。"))
            return redirect("approvals:case", pk=case.pk)
    return render(
        request, "approvals/case.html", case_context(access, supply_form=form), status=400
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    access = _follower_case(request, pk)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            applying_services.case_withdraw(
                actor=request.user, case=access.case, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("申请已撤回。"))
            return redirect("approvals:case", pk=access.case.pk)
    return render(
        request, "approvals/case.html", case_context(access, withdraw_form=form), status=400
    )


def _file_response(field_file, *, filename: str, content_type: str | None = None):
    try:
        handle = field_file.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def _may_download(request, case: Case) -> bool:
    user = request.user
    return case_is_followed_by(case, user) or can_view_case(user, case)


def material(request, pk: int):
    """Serve a material to the applicant, the agent and staff allowed to see the case; 404 else."""
    item = CaseMaterial.objects.select_related("case").filter(pk=pk).first()
    if item is None or not _may_download(request, item.case):
        raise Http404
    return _file_response(item.file, filename=item.original_name, content_type=item.content_type)


def result_document(request, pk: int):
    """The decision document (决定文书), to the same people as the materials."""
    case = Case.objects.filter(pk=pk).first()
    if case is None or not case.result_document or not _may_download(request, case):
        raise Http404
    name = case.result_document.name.rsplit("/", 1)[-1]
    return _file_response(case.result_document, filename=f"{case.number}-{name}")


# --- 办件查询 (no login) ---------------------------------------------------------------------------


def _track_key(request) -> str:
    return f"approvals:track-fail:{client_address(request)}"


def track(request):
    """Look a case up by number and query code; failed attempts are limited per client and hour."""
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        key = _track_key(request)
        status = 400
        if ratelimit.attempts(key, 3600) >= settings.APPROVALS_TRACK_ATTEMPTS_PER_HOUR:
            form.add_error(None, _("查询失败次数过多，请一小时后再试，或拨打12345咨询。"))
            status = 429
        else:
            number = form.cleaned_data["number"].strip().upper()
            case = (
                Case.objects.filter(number=number)
                .exclude(status=Case.Status.DRAFT)
                .only("pk", "number", "query_code_digest")
                .first()
                if number
                else None
            )
            code = form.cleaned_data["code"].strip()
            if case is not None and query_code_matches(case.query_code_digest, case.number, code):
                applying_selectors.remember_tracking(request, case)
                return redirect("approvals:case", pk=case.pk)
            ratelimit.hit(key, 3600)
            form.add_error(None, _("办件编号或查询码不正确。"))
    return render(request, "approvals/track.html", {"form": form}, status=status)


# --- 办理结果公示 ------------------------------------------------------------------------------------


def results(request):
    """Finished cases with item, unit, decision and dates; the applicant's name masked."""
    form = ResultSearchForm(request.GET or None)
    number = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(applying_selectors.results_board(number=number), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "rows": applying_selectors.public_results(page),
        "number": number,
        "query_string": f"q={number}" if number else "",
    }
    return render(request, "approvals/results.html", context)

"""The citizen applies for a service (网上申请), or files it as a village agent (代办): the
draft, its materials, the submission and its receipt. Following the case: `following`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from approvals.forms.applying import (
    AgentStartForm,
    ApplicationForm,
)
from approvals.models import Case
from approvals.selectors import applying as applying_selectors
from approvals.services import applying as applying_services
from approvals.services.consents import consent_missing
from disclosure.models import CatalogueItem
from portal import ratelimit
from portal.errors import DomainError
from portal.models import User
from portal.roles import Role
from portal.submissions import Submitted, replay, submit_once

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

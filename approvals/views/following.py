"""The citizen follows a case: my cases, the case page, supply, withdraw, its files; the query
by number and query code (no login) and the results board (办理结果公示)."""

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
from approvals.transitions.cases import CASE_MOVES
from portal import ratelimit
from portal.addresses import client_address
from portal.errors import DomainError
from portal.query_codes import query_code_matches

PAGE_SIZE = 20


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
    notice = applying_selectors.case_notice(case)
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
    notice = applying_selectors.case_notice(case)
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

"""The clerk workbench (内网办理) and the statistics: thin views over services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from approvals.forms import handling as handling_forms
from approvals.forms.handling import StatsFilterForm
from approvals.models import Case
from approvals.permissions.cases import is_case_worker
from approvals.permissions.handling import stats_scope
from approvals.selectors import handling as handling_selectors
from approvals.selectors import statistics as stat_selectors
from approvals.services.handling.acceptance import (
    case_accept,
    case_refuse_acceptance,
    case_send_material_notice,
)
from approvals.services.handling.clocks import case_extend, case_pause, case_resume
from approvals.services.handling.decision import case_decide
from approvals.services.handling.fees import case_set_fee
from approvals.services.handling.finish import case_finish
from approvals.services.handling.shared import barred_moves
from approvals.services.handling.steps import task_pass, task_return
from approvals.templatetags.approvals_tags import queue_rows
from portal.errors import DomainError
from portal.pagination import PageWithoutCount
from portal.query_params import choice_param, text_param
from supervision.models import Clock

ACTION_LABELS = {
    "accept": gettext_lazy("受理"),
    "notice": gettext_lazy("一次性告知补正"),
    "refuse": gettext_lazy("不予受理"),
    "pass": gettext_lazy("办理通过"),
    "return": gettext_lazy("退回上一环节"),
    "decide": gettext_lazy("作出决定"),
    "fee": gettext_lazy("核定收费"),
    "pause": gettext_lazy("暂停计时（听证/专家评审）"),
    "resume": gettext_lazy("恢复计时"),
    "extend": gettext_lazy("延长期限"),
    "finish": gettext_lazy("办结送达"),
}
# Exceptional moves open their own page; the usual next move is a form on the case page.
SECONDARY = {"refuse", "return", "fee", "pause", "extend"}
# Each move sits beside what it acts on, so a clerk on a phone reads before acting: acceptance
# under the materials it judges, step moves in the current step, clock and fee moves beside the
# record of the case.
PLACES = {
    "accept": "materials",
    "notice": "materials",
    "refuse": "materials",
    "pass": "step",
    "return": "step",
    "decide": "step",
    "finish": "step",
    "fee": "clock",
    "pause": "clock",
    "resume": "clock",
    "extend": "clock",
}


def _require_staff(request) -> None:
    if not is_case_worker(request.user):
        raise Http404


@login_required
def queue(request):
    """本单位待办: the department's cases with lights, filters and pages."""
    _require_staff(request)
    scope = "all" if request.GET.get("scope") == "all" else "todo"
    status = choice_param(request.GET.get("status"), Case.Status.values)
    light = choice_param(request.GET.get("light"), handling_selectors.LIGHTS)
    query = text_param(request.GET.get("q"), max_length=60)
    cases = handling_selectors.staff_queue(
        request.user, scope=scope, status=status, light=light, query=query
    )
    page = PageWithoutCount.of(cases, request.GET.get("page"), size=30)
    # Rows link to "<case_url><pk>/": one reverse() per page instead of one per row.
    queue_rows(page.object_list, reverse("approvals:staff_case", args=[0]).removesuffix("0/"))
    filters = {"scope": scope, "status": status, "light": light, "q": query}
    return render(
        request,
        "approvals/staff/queue.html",
        {
            "page": page,
            "filters": filters,
            "query_string": urlencode({k: v for k, v in filters.items() if v}),
            "statuses": [c for c in Case.Status.choices if c[0] != Case.Status.DRAFT],
            "lights": Clock.Light.choices,
        },
    )


def _case_context(request, case: Case) -> dict:
    page = handling_selectors.case_page(request.user, case)
    reason, barred = barred_moves(request.user, case)
    # Say why a move is not offered rather than let its form fail (回避, 受理和办理相分离).
    stand_aside = reason if barred.intersection(page.actions) else ""
    page.actions = [action for action in page.actions if action not in barred]
    places = {place: {"forms": [], "links": []} for place in set(PLACES.values())}
    for action in page.actions:
        place = places[PLACES[action]]
        if action in SECONDARY:
            place["links"].append((action, ACTION_LABELS[action]))
        else:
            form = handling_forms.action_form(action, case)
            place["forms"].append((action, ACTION_LABELS[action], form))
    return {"page": page, "case": case, "stand_aside": stand_aside, "actions": places}


@login_required
def case_detail(request, pk: int):
    """The case as the clerk sees it: materials, timeline, the moves allowed now."""
    _require_staff(request)
    case = handling_selectors.case_for_staff(request.user, pk)
    return render(request, "approvals/staff/case.html", _case_context(request, case))


def _run(action: str, request, case: Case, data: dict) -> None:
    user = request.user
    page = handling_selectors.case_page(user, case)
    task = page.my_task
    if action == "accept":
        case_accept(actor=user, case=case)
    elif action == "refuse":
        case_refuse_acceptance(actor=user, case=case, reason=data["reason"])
    elif action == "notice":
        case_send_material_notice(actor=user, case=case, missing=data["missing"], note=data["note"])
    elif action in ("pass", "return"):
        if task is None:
            raise DomainError(_("您所在部门在本办件的当前环节没有待办任务。"))
        move = task_pass if action == "pass" else task_return
        move(actor=user, task=task, opinion=data["opinion"])
    elif action == "decide":
        case_decide(
            actor=user,
            case=case,
            decision=data["decision"],
            reason=data["reason"],
            remedies=data["remedies"],
            document=data["document"],
        )
    elif action == "extend":
        case_extend(actor=user, case=case, reason=data["reason"], approved_by=data["approved_by"])
    elif action == "pause":
        case_pause(
            actor=user,
            case=case,
            reason_kind=data["reason_kind"],
            expected_days=data["expected_days"],
            note=data["note"],
        )
    elif action == "resume":
        case_resume(actor=user, case=case)
    elif action == "fee":
        case_set_fee(
            actor=user, case=case, amount=data["amount"], override_reason=data["override_reason"]
        )
    elif action == "finish":
        case_finish(actor=user, case=case, delivery_note=data["delivery_note"])


@login_required
def case_act(request, pk: int, action: str):
    """One workbench move: GET shows its form, POST makes it through the service.

    A refused move shows why on the same form, with status 400, and changes nothing.
    """
    _require_staff(request)
    if action not in handling_forms.ACTION_FORMS:
        raise Http404
    case = handling_selectors.case_for_staff(request.user, pk)
    if request.method == "POST":
        form = handling_forms.action_form(action, case, request.POST, request.FILES)
        if form.is_valid():
            try:
                _run(action, request, case, form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已%(action)s。") % {"action": ACTION_LABELS[action]})
                return redirect("approvals:staff_case", pk=case.pk)
        status = 400
    else:
        if action not in handling_selectors.case_page(request.user, case).actions:
            messages.error(request, _("当前不能对本办件进行此项操作。"))
            return redirect("approvals:staff_case", pk=case.pk)
        form, status = handling_forms.action_form(action, case), 200
    return render(
        request,
        "approvals/staff/action.html",
        {"case": case, "action": action, "label": ACTION_LABELS[action], "form": form},
        status=status,
    )


@login_required
def case_history(request, pk: int):
    """修改记录: every field change of the case and its tasks, with who made it."""
    _require_staff(request)
    case = handling_selectors.case_for_staff(request.user, pk)
    records = case.history.select_related("history_user").order_by("history_date", "history_id")
    return render(request, "approvals/staff/history.html", {"case": case, "records": records})


# --- Statistics -----------------------------------------------------------------------------------


@login_required
def stats(request):
    """办件统计 per handling unit and month: received, accepted, completed, on time, satisfaction."""
    scope = stats_scope(request.user)
    form = StatsFilterForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or (
        timezone.localdate().year
    )
    rows, total, computed_at = stat_selectors.statistics_stored(year=year, department_ids=scope)
    months = sorted({row.month for row in rows if row.month})
    chart = {
        "labels": [month.strftime("%Y-%m") for month in months],
        "names": [_("收件"), _("办结"), _("按时办结")],
        "received": [sum(r.received for r in rows if r.month == m) for m in months],
        "completed": [sum(r.completed for r in rows if r.month == m) for m in months],
        "on_time": [sum(r.on_time for r in rows if r.month == m) for m in months],
    }
    context = {
        "form": form,
        "year": year,
        "rows": rows,
        "total": total,
        "chart": chart,
        "all_units": scope is None,
        "computed_at": computed_at,
    }
    return render(request, "approvals/stats.html", context)

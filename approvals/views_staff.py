"""The clerk workbench (内网办理) and the process-definition pages: thin views over services."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from approvals import forms_staff, permissions, selectors, services
from approvals.models import Case, Process, ProcessStep
from approvals.templatetags.approvals_tags import queue_rows
from disclosure.models import CatalogueItem
from portal.errors import DomainError
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


@dataclass
class QueuePage:
    """One page of the queue without counting the whole queue (a department may hold 100,000)."""

    object_list: list
    number: int
    has_next: bool

    SIZE = 30

    @classmethod
    def of(cls, queryset, number) -> "QueuePage":
        try:
            number = min(max(int(number), 1), 10_000)
        except (TypeError, ValueError):
            number = 1
        start = (number - 1) * cls.SIZE
        rows = list(queryset[start : start + cls.SIZE + 1])
        return cls(object_list=rows[: cls.SIZE], number=number, has_next=len(rows) > cls.SIZE)

    def __iter__(self):
        return iter(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def _require_staff(request) -> None:
    if not permissions.is_staff(request.user):
        raise Http404


@login_required
def queue(request):
    """本单位待办: the department's cases with lights, filters and pages."""
    _require_staff(request)
    scope = "all" if request.GET.get("scope") == "all" else "todo"
    status = request.GET.get("status", "")
    status = status if status in Case.Status.values else ""
    light = request.GET.get("light", "")
    light = light if light in selectors.LIGHTS else ""
    query = request.GET.get("q", "").strip()[:60]
    cases = selectors.staff_queue(
        request.user, scope=scope, status=status, light=light, query=query
    )
    page = QueuePage.of(cases, request.GET.get("page"))
    queue_rows(page.object_list)
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
            # Rows link to "<case_url><pk>/": one reverse() per page instead of one per row.
            "case_url": reverse("approvals:staff_case", args=[0]).removesuffix("0/"),
        },
    )


def _case_context(request, case: Case) -> dict:
    page = selectors.case_page(request.user, case)
    return {
        "page": page,
        "case": case,
        # The usual next move is a form on the page; the exceptional ones open their own page.
        "action_forms": [
            (action, ACTION_LABELS[action], forms_staff.action_form(action, case))
            for action in page.actions
            if action not in SECONDARY
        ],
        "secondary_actions": [
            (action, ACTION_LABELS[action]) for action in page.actions if action in SECONDARY
        ],
    }


@login_required
def case_detail(request, pk: int):
    """The case as the clerk sees it: materials, timeline, the moves allowed now."""
    _require_staff(request)
    case = selectors.case_for_staff(request.user, pk)
    return render(request, "approvals/staff/case.html", _case_context(request, case))


def _run(action: str, request, case: Case, data: dict) -> None:
    user = request.user
    page = selectors.case_page(user, case)
    task = page.my_task
    if action == "accept":
        services.case_accept(actor=user, case=case)
    elif action == "refuse":
        services.case_refuse_acceptance(actor=user, case=case, reason=data["reason"])
    elif action == "notice":
        services.case_send_material_notice(
            actor=user, case=case, missing=data["missing"], note=data["note"]
        )
    elif action in ("pass", "return"):
        if task is None:
            raise DomainError(_("您所在部门在本办件的当前环节没有待办任务。"))
        move = services.task_pass if action == "pass" else services.task_return
        move(actor=user, task=task, opinion=data["opinion"])
    elif action == "decide":
        services.case_decide(
            actor=user,
            case=case,
            decision=data["decision"],
            reason=data["reason"],
            remedies=data["remedies"],
            document=data["document"],
        )
    elif action == "extend":
        services.case_extend(
            actor=user, case=case, reason=data["reason"], approved_by=data["approved_by"]
        )
    elif action == "pause":
        services.case_pause(
            actor=user,
            case=case,
            reason_kind=data["reason_kind"],
            expected_days=data["expected_days"],
            note=data["note"],
        )
    elif action == "resume":
        services.case_resume(actor=user, case=case)
    elif action == "fee":
        services.case_set_fee(
            actor=user, case=case, amount=data["amount"], override_reason=data["override_reason"]
        )
    elif action == "finish":
        services.case_finish(actor=user, case=case, delivery_note=data["delivery_note"])


@login_required
def case_act(request, pk: int, action: str):
    """One workbench move: GET shows its form, POST makes it through the service.

    A refused move shows why on the same form, with status 400, and changes nothing.
    """
    _require_staff(request)
    if action not in forms_staff.ACTION_FORMS:
        raise Http404
    case = selectors.case_for_staff(request.user, pk)
    if request.method == "POST":
        form = forms_staff.action_form(action, case, request.POST, request.FILES)
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
        if action not in selectors.case_page(request.user, case).actions:
            messages.error(request, _("当前不能对本办件进行此项操作。"))
            return redirect("approvals:staff_case", pk=case.pk)
        form, status = forms_staff.action_form(action, case), 200
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
    case = selectors.case_for_staff(request.user, pk)
    records = case.history.select_related("history_user").order_by("history_date", "history_id")
    return render(request, "approvals/staff/history.html", {"case": case, "records": records})


# --- Process definitions (流程定义) ------------------------------------------------------------


def _require_admin(request) -> None:
    if not permissions.can_define_processes(request.user):
        raise Http404


@login_required
def process_list(request):
    _require_admin(request)
    query = request.GET.get("q", "").strip()[:60]
    page = Paginator(selectors.processes_overview(query), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "approvals/staff/processes.html",
        {"page": page, "query": query, "query_string": urlencode({"q": query} if query else {})},
    )


@login_required
def process_detail(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process.objects.select_related("item"), pk=pk)
    steps = process.steps.prefetch_related("departments").order_by("order")
    return render(
        request,
        "approvals/staff/process.html",
        {"process": process, "steps": steps, "step_form": forms_staff.StepForm()},
    )


@login_required
@require_POST
def process_create(request, item_pk: int):
    _require_admin(request)
    item = get_object_or_404(CatalogueItem, pk=item_pk)
    latest = item.processes.order_by("-version").first()
    try:
        process = services.process_create(actor=request.user, item=item, copy_from=latest)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("approvals:process_list")
    return redirect("approvals:process_detail", pk=process.pk)


@login_required
@require_POST
def process_step_add(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process, pk=pk)
    form = forms_staff.StepForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.process_add_step(
                actor=request.user,
                process=process,
                kind=data["kind"],
                name=data["name"],
                departments=list(data["departments"]),
                limit_workdays=data["limit_workdays"],
                risk_level=data["risk_level"],
                control_measure=data["control_measure"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("approvals:process_detail", pk=process.pk)
    steps = process.steps.prefetch_related("departments").order_by("order")
    return render(
        request,
        "approvals/staff/process.html",
        {"process": process, "steps": steps, "step_form": form},
        status=400,
    )


@login_required
@require_POST
def process_step_remove(request, pk: int):
    _require_admin(request)
    step = get_object_or_404(ProcessStep.objects.select_related("process"), pk=pk)
    try:
        services.process_remove_step(actor=request.user, step=step)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("approvals:process_detail", pk=step.process_id)


@login_required
@require_POST
def process_activate(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process, pk=pk)
    try:
        services.process_activate(actor=request.user, process=process)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("新版本已启用，旧版本已停用；办理中的办件继续使用原版本。"))
    return redirect("approvals:process_detail", pk=process.pk)


@login_required
@require_POST
def process_retire(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process, pk=pk)
    try:
        services.process_retire(actor=request.user, process=process)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("该版本已停用：在启用新版本之前，本事项不能网上申请。"))
    return redirect("approvals:process_detail", pk=process.pk)

"""The process-definition pages (流程定义): drafts, steps, activation, retirement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from approvals.forms.processes import StepForm
from approvals.models import Process, ProcessStep
from approvals.permissions.processes import can_define_processes
from approvals.selectors import processes as process_selectors
from approvals.services import processes as process_services
from disclosure.models import CatalogueItem
from portal.errors import DomainError
from portal.query_params import text_param


def _require_admin(request) -> None:
    if not can_define_processes(request.user):
        raise Http404


@login_required
def process_list(request):
    _require_admin(request)
    query = text_param(request.GET.get("q"), max_length=60)
    page = Paginator(process_selectors.processes_overview(query), 30).get_page(
        request.GET.get("page")
    )
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
        {"process": process, "steps": steps, "step_form": StepForm()},
    )


@login_required
@require_POST
def process_create(request, item_pk: int):
    _require_admin(request)
    item = get_object_or_404(CatalogueItem, pk=item_pk)
    latest = item.processes.order_by("-version").first()
    try:
        process = process_services.process_create(actor=request.user, item=item, copy_from=latest)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("approvals:process_list")
    return redirect("approvals:process_detail", pk=process.pk)


@login_required
@require_POST
def process_step_add(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process, pk=pk)
    form = StepForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            process_services.process_add_step(
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
        process_services.process_remove_step(actor=request.user, step=step)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("approvals:process_detail", pk=step.process_id)


@login_required
@require_POST
def process_activate(request, pk: int):
    _require_admin(request)
    process = get_object_or_404(Process, pk=pk)
    try:
        process_services.process_activate(actor=request.user, process=process)
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
        process_services.process_retire(actor=request.user, process=process)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("该版本已停用：在启用新版本之前，本事项不能网上申请。"))
    return redirect("approvals:process_detail", pk=process.pk)

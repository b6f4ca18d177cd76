"""发展环境网络监测员: the monitor's "我的监测" and report form; the commission's list with the
monthly grid, appointments and ends of term; the yearly summary with its export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.monitors import MonitorAppointForm, MonitorReportForm
from petitions.models import Monitor
from petitions.permissions import monitors as permissions
from petitions.selectors import monitors as selectors
from petitions.services import monitors as services
from petitions.views.participation import store_once
from portal.errors import DomainError
from portal.exports import table_response
from portal.query_params import choice_param, text_param, year_param


def _citizen_only(request) -> None:
    if not request.user.is_citizen:
        raise Http404


@login_required
def mine(request):
    """我的监测: the appointment, the reports posted with their status and the rating link."""
    _citizen_only(request)
    page = Paginator(selectors.reports_of(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/monitors/mine.html",
        {"page": page, "monitor": permissions.serving_monitor(request.user)},
    )


@login_required
def report_new(request):
    """报送监测报告: serving monitors only; once per form."""
    _citizen_only(request)
    if permissions.serving_monitor(request.user) is None:
        messages.error(request, _("您不是在任的发展环境网络监测员，不能报送监测报告。"))
        return redirect("petitions:monitor_mine")
    form = MonitorReportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        status = store_once(
            request,
            form,
            scope="petitions:monitor-report",
            write=lambda data: services.monitor_report_file(
                actor=request.user,
                category=data["category"],
                title=data["title"],
                content=data["content"],
                place=data["place"],
                attachments=data["attachments"],
            ),
        )
        if status is None:
            messages.success(request, _("监测报告已报送，将按诉求分类交办，答复后请您评价。"))
            return redirect("petitions:monitor_mine")
    return render(request, "petitions/monitors/new.html", {"form": form}, status=status)


# --- The commission ------------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404


@login_required
def staff_list(request):
    """The monitors with, per month of the year, reported / missing; filterable."""
    _require(permissions.can_view_monitors(request.user))
    today = timezone.localdate()
    year = year_param(request.GET.get("year")) or today.year
    kind = choice_param(request.GET.get("kind"), Monitor.Kind.values)
    status = choice_param(request.GET.get("status"), Monitor.Status.values)
    query = text_param(request.GET.get("q"), max_length=60)
    page = Paginator(selectors.monitors_list(kind=kind, status=status, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "petitions/monitors/staff_list.html",
        {
            "page": page,
            "rows": selectors.monitor_grid(list(page.object_list), year=year, today=today),
            "months": range(1, 13),
            "year": year,
            "kind": kind,
            "status": status,
            "query": query,
            "kinds": Monitor.Kind.choices,
            "statuses": Monitor.Status.choices,
            "can_manage": permissions.can_manage_monitors(request.user),
        },
    )


@login_required
def staff_appoint(request):
    _require(permissions.can_manage_monitors(request.user))
    form = MonitorAppointForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.monitor_appoint(
                    actor=request.user,
                    user=data["account"],
                    term_start=data["term_start"],
                    term_end=data["term_end"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已聘任监测员。"))
                return redirect("petitions:monitor_staff_list")
    return render(request, "petitions/monitors/appoint.html", {"form": form}, status=status)


@login_required
@require_POST
def staff_end(request, pk: int):
    _require(permissions.can_manage_monitors(request.user))
    monitor = Monitor.objects.filter(pk=pk).first()
    if monitor is None:
        raise Http404
    try:
        services.monitor_end(actor=request.user, monitor=monitor)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已办理离任。"))
    return redirect("petitions:monitor_staff_list")


@login_required
def staff_summary(request):
    """The yearly summary per monitor and per handling department."""
    _require(permissions.can_view_monitors(request.user))
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    return render(
        request,
        "petitions/monitors/summary.html",
        {
            "year": year,
            "by_monitor": selectors.summary_by_monitor(year=year),
            "by_department": selectors.summary_by_department(year=year),
        },
    )


@login_required
def staff_summary_export(request):
    """Either table of the summary (`?by=department`) as CSV or XLSX (`?format=xlsx`)."""
    _require(permissions.can_view_monitors(request.user))
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    by = choice_param(request.GET.get("by"), ("monitor", "department"), default="monitor")
    if by == "department":
        first, rows = _("承办单位"), selectors.summary_by_department(year=year)
    else:
        first, rows = _("监测员"), selectors.summary_by_monitor(year=year)
    table = [
        [first, *(str(column) for column in selectors.SUMMARY_COLUMNS)],
        *(row.cells() for row in rows),
    ]
    return table_response(
        table,
        fmt=choice_param(request.GET.get("format"), ("csv", "xlsx"), default="csv"),
        filename=f"monitors-{by}-{year}",
        sheet_title=_("监测员年度汇总"),
    )

"""Pages of government information reporting (政务信息): submit, decide, the monthly ranking."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from disclosure import reporting_permissions as permissions
from disclosure import reporting_selectors as selectors
from disclosure import reporting_services as services
from disclosure.models import InfoReport
from disclosure.reporting_forms import DecisionForm, ReportForm
from portal.errors import DomainError
from portal.query_params import month_param

PAGE_SIZE = 50


def _require_staff(request) -> None:
    if not permissions.can_use_reporting(request.user):
        raise Http404


@login_required
def report_list(request):
    _require_staff(request)
    status = request.GET.get("status", "")
    if status not in InfoReport.Status.values:
        status = ""
    page = Paginator(selectors.reports_for(request.user, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "disclosure/reporting/list.html",
        {
            "page": page,
            "status": status,
            "statuses": InfoReport.Status.choices,
            "can_submit": permissions.can_submit(request.user),
            "can_decide": permissions.can_decide(request.user),
            "query_string": urlencode({"status": status} if status else {}),
        },
    )


@login_required
def report_new(request):
    if not permissions.can_submit(request.user):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_submit(
                actor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("政务信息已报送。"))
            return redirect("disclosure:report", report.pk)
    return render(request, "disclosure/reporting/form.html", {"form": form})


@login_required
def report_detail(request, pk):
    report = selectors.report_get_for(request.user, pk)
    can_decide = report.status == InfoReport.Status.SUBMITTED and permissions.can_decide(
        request.user, report
    )
    form = DecisionForm(request.POST or None) if can_decide else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("该信息已经处理过，或您不能处理它。"))
            return redirect("disclosure:report", report.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["decision"] == DecisionForm.Decision.ADOPT:
                    services.report_adopt(
                        actor=request.user, report=report, score=data["score"], note=data["note"]
                    )
                else:
                    services.report_reject(actor=request.user, report=report, note=data["note"])
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已处理。"))
                return redirect("disclosure:report", report.pk)
    return render(
        request,
        "disclosure/reporting/detail.html",
        {
            "report": report,
            "form": form,
            "history": report.history.select_related("history_user")[:20],
        },
    )


def _month(value: str) -> datetime.date:
    """The month asked for as YYYY-MM; the current month when missing or malformed."""
    return month_param(value) or timezone.localdate().replace(day=1)


@login_required
def ranking(request):
    """政务信息采用排名: units by the points of the month's items."""
    _require_staff(request)
    month = _month(request.GET.get("month", ""))
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "disclosure/reporting/ranking.html",
        {
            "month": month,
            "rows": selectors.monthly_ranking(month.year, month.month),
            "previous": previous,
            "following": following if following <= timezone.localdate() else None,
        },
    )

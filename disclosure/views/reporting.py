"""Pages of reporting: information items (政务信息) with the monthly ranking, and the annual report.

The annual report (政府信息公开工作年度报告) is public and downloads as CSV, a formatted XLSX (bold
title and headings, set column widths) or a PDF.
"""

import datetime
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from disclosure.forms.reporting import DecisionForm, ReportForm
from disclosure.models import InfoReport
from disclosure.permissions import reporting as permissions
from disclosure.selectors import reporting as selectors
from disclosure.services import reporting as services
from portal.errors import DomainError
from portal.exports import csv_bytes
from portal.query_params import choice_param, month_param

PAGE_SIZE = 50


def _require_staff(request) -> None:
    if not permissions.can_use_reporting(request.user):
        raise Http404


@login_required
def report_list(request):
    _require_staff(request)
    status = choice_param(request.GET.get("status"), InfoReport.Status.values)
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


# --- The annual report -------------------------------------------------------------------------


def _report_year(value, default: int) -> int:
    """The year asked for; nonsense gives the default, a year outside the records a 404."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    return year


def annual_report_page(request):
    """政府信息公开工作年度报告 of any year, generated from the data."""
    this_year = timezone.localdate().year
    year = _report_year(request.GET.get("year"), this_year - 1)
    return render(
        request,
        "disclosure/annual_report.html",
        {
            "report": selectors.annual_report(year),
            "years": range(this_year, this_year - 10, -1),
            "is_current": year == this_year,
        },
    )


def annual_report_download(request, year: int, fmt: str):
    if fmt not in DOCUMENTS:
        raise Http404
    year = _report_year(year, year)
    content_type, write = DOCUMENTS[fmt]
    response = HttpResponse(write(selectors.annual_report(year)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="annual-report-{year}.{fmt}"'
    return response


def _title(report: selectors.AnnualReport) -> str:
    return _("%(year)d年政府信息公开工作年度报告") % {"year": report.year}


def _header() -> list[str]:
    return [_("项目"), _("指标"), _("数量")]


def annual_report_csv(report: selectors.AnnualReport) -> bytes:
    return csv_bytes([[_title(report)], _header(), *report.rows()])


def annual_report_xlsx(report: selectors.AnnualReport) -> bytes:
    """A workbook ready to print: bold title and headings, columns wide enough for the text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = str(report.year)
    sheet.append([_title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(_header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in report.rows():
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 44
    sheet.column_dimensions["C"].width = 10
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def annual_report_pdf(report: selectors.AnnualReport) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    # A CID font every PDF reader has for Chinese: nothing to embed, nothing to install.
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=_title(report))
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=14)
    heading = ParagraphStyle("heading", fontName=font, fontSize=16, leading=22, alignment=1)
    data = [[Paragraph(text, cell) for text in _header()]] + [
        [Paragraph(section, cell), Paragraph(item, cell), str(number)]
        for section, item, number in report.rows()
    ]
    table = Table(data, colWidths=[150, 250, 60], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    document.build([Paragraph(_title(report), heading), Spacer(1, 12), table])
    return buffer.getvalue()


DOCUMENTS = {
    "csv": ("text/csv; charset=utf-8", annual_report_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        annual_report_xlsx,
    ),
    "pdf": ("application/pdf", annual_report_pdf),
}

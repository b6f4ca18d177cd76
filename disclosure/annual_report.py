"""The annual report on government information disclosure (政府信息公开工作年度报告, 条例 Art 49-50).

Built from the data of one calendar year (local time): proactive items by column, and the
requests — received, carried over from last year, concluded by reply type, carried forward,
overdue — in one aggregate query. Every request alive in the year is either concluded in it
or carried forward, so new + carried over = concluded + carried forward holds by construction.

Overdue counts the requests answered in the year after their due time, and the requests still
being handled at the year's end (for the current year: now) whose due time had passed by then. A request deemed abandoned
is never overdue: its clock was paused waiting for the applicant.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest

S = InformationRequest.Status
ABANDONED = "abandoned"


@dataclass
class AnnualReport:
    year: int
    # None while the columns part of the pillar does not provide its counts.
    proactive: list[tuple[str, int]] | None
    received: int
    carried_over: int
    concluded: list[tuple[str, str, int]] = field(default_factory=list)
    carried_forward: int = 0
    overdue: int = 0

    @property
    def concluded_total(self) -> int:
        return sum(count for _key, _label, count in self.concluded)

    @property
    def proactive_total(self) -> int:
        return sum(count for _label, count in self.proactive or [])

    @property
    def balanced(self) -> bool:
        return self.received + self.carried_over == self.concluded_total + self.carried_forward

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, item, number) rows: the one shape every download writes."""
        proactive_section = _("一、主动公开政府信息情况")
        requests_section = _("二、收到和处理政府信息公开申请情况")
        rows = [(proactive_section, label, count) for label, count in self.proactive or []]
        if self.proactive is not None:
            rows.append((proactive_section, _("合计"), self.proactive_total))
        rows += [
            (requests_section, _("本年新收政府信息公开申请数量"), self.received),
            (requests_section, _("上年结转政府信息公开申请数量"), self.carried_over),
        ]
        rows += [
            (requests_section, _("本年度办理结果：%(type)s") % {"type": label}, count)
            for _key, label, count in self.concluded
        ]
        rows += [
            (requests_section, _("本年度办理结果：总计"), self.concluded_total),
            (requests_section, _("结转下年度继续办理"), self.carried_forward),
            (requests_section, _("超过法定期限答复或尚未答复"), self.overdue),
        ]
        return rows


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def _proactive(year: int) -> list[tuple[str, int]] | None:
    try:
        from disclosure.columns_selectors import published_counts_by_column
    except ImportError:
        return None
    return list(published_counts_by_column(year))


def _outcomes() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in InformationRequest.ReplyType.choices] + [
        (ABANDONED, _("申请人逾期未补正，视为放弃"))
    ]


def build(year: int) -> AnnualReport:
    start, end = year_bounds(year)
    # The current year is judged as of now: a request due next month is not overdue yet.
    cutoff = min(end, timezone.now())
    concluded = Q(closed_at__lt=end)
    pending_at_end = Q(closed_at__isnull=True) | Q(closed_at__gte=end)
    counts = {
        "received": Count("pk", filter=Q(received_at__gte=start)),
        "carried_over": Count("pk", filter=Q(received_at__lt=start)),
        "carried_forward": Count("pk", filter=pending_at_end),
        "overdue": Count(
            "pk",
            filter=(concluded & Q(status=S.ANSWERED, closed_at__gt=F("clock__due_at")))
            | (
                pending_at_end
                & Q(clock__due_at__lt=cutoff)
                & (Q(status=S.RECEIVED) | Q(status=S.ANSWERED))
            ),
        ),
    }
    for key, _label in _outcomes():
        by_type = (
            Q(status=S.ABANDONED) if key == ABANDONED else Q(status=S.ANSWERED, reply_type=key)
        )
        counts[f"outcome_{key}"] = Count("pk", filter=concluded & by_type)
    # Every request alive at some moment of the year: received before its end, closed after its start.
    figures = (
        InformationRequest.objects.filter(received_at__lt=end)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=start))
        .aggregate(**counts)
    )
    return AnnualReport(
        year=year,
        proactive=_proactive(year),
        received=figures["received"],
        carried_over=figures["carried_over"],
        concluded=[(key, label, figures[f"outcome_{key}"]) for key, label in _outcomes()],
        carried_forward=figures["carried_forward"],
        overdue=figures["overdue"],
    )


# --- Downloads -------------------------------------------------------------------------------


def _title(report: AnnualReport) -> str:
    return _("%(year)d年政府信息公开工作年度报告") % {"year": report.year}


def _header() -> list[str]:
    return [_("项目"), _("指标"), _("数量")]


def to_csv(report: AnnualReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_title(report)])
    writer.writerow(_header())
    writer.writerows(report.rows())
    # A byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(report: AnnualReport) -> bytes:
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


def to_pdf(report: AnnualReport) -> bytes:
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


FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
    "pdf": ("application/pdf", to_pdf),
}

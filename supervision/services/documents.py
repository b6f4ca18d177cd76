"""Notices and the leader brief as PDF documents, with reportlab's built-in Chinese font."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from supervision import labels
from supervision.models import Brief, Notice

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def notice_pdf(notice: Notice) -> bytes:
    """Return the notice as a printable A4 document."""
    clock = notice.clock
    title = ParagraphStyle(
        "title", fontName=FONT, fontSize=20, leading=28, alignment=1, textColor="#a4161a"
    )
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, title=notice.number
    )
    local = timezone.localtime
    rows = [
        [_("事项"), clock.subject_label],
        [_("编号"), clock.subject_ref],
        [_("类别"), labels.label(labels.CLOCK, clock.kind)],
        [_("开始时间"), f"{local(clock.started_at):%Y-%m-%d %H:%M}"],
        [_("到期时间"), f"{local(clock.due_at):%Y-%m-%d %H:%M}"],
        [_("当前状态"), f"{clock.get_state_display()} · {clock.get_light_display()}"],
    ]
    table = Table(
        [
            [Paragraph(escape(str(label)), body), Paragraph(escape(str(value)), body)]
            for label, value in rows
        ],
        colWidths=[30 * mm, 130 * mm],
    )
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, "#888888"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    story = [
        Paragraph(notice.get_level_display(), title),
        Paragraph(notice.number, ParagraphStyle("number", parent=body, alignment=1)),
        Spacer(1, 8 * mm),
        Paragraph(escape(_("%(department)s：") % {"department": notice.department.name}), body),
        Paragraph(
            _("下列事项已进入预警或超期状态，请按规定时限办理完毕，并在本系统反馈整改情况。"), body
        ),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 10 * mm),
        Paragraph(
            _("县纪委监委（效能办） 电子监察系统"), ParagraphStyle("sign", parent=body, alignment=2)
        ),
        Paragraph(
            date_format(local(notice.issued_at), "DATE_FORMAT"),
            ParagraphStyle("date", parent=body, alignment=2),
        ),
    ]
    if notice.reply:
        story += [Spacer(1, 8 * mm), Paragraph(escape(_("整改反馈：") + notice.reply), body)]
    document.build(story)
    return buffer.getvalue()


def brief_pdf(brief: Brief, sections: list[dict]) -> bytes:
    """Return the leader brief (领导参阅) as an A4 document; `sections` are already labelled."""
    title = ParagraphStyle("title", fontName=FONT, fontSize=20, leading=28, alignment=1)
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=14, leading=22, spaceBefore=6)
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, title=f"{brief}"
    )

    def grid(rows: list[list]) -> Table:
        table = Table(
            [[Paragraph(escape(_shown(cell)), body) for cell in row] for row in rows],
            repeatRows=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, "#888888"),
                    ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ]
            )
        )
        return table

    story = [
        Paragraph(escape(_("领导参阅")), title),
        Paragraph(
            escape(_("%(month)s 运行情况") % {"month": f"{brief.month:%Y-%m}"}),
            ParagraphStyle("month", parent=body, alignment=1, fontSize=12, leading=18),
        ),
    ]
    for section in sections:
        story += [Spacer(1, 6 * mm), Paragraph(escape(section["title"]), heading)]
        story.append(
            grid(
                [[_("指标"), _("本月"), _("上月"), _("变化")]]
                + [
                    [row["label"], row["value"], row["previous"], row["change"]]
                    for row in section["figures"]
                ]
            )
        )
        for table in section["tables"]:
            if table["rows"]:
                story += [Spacer(1, 3 * mm), Paragraph(escape(table["title"]), body)]
                story.append(grid([table["columns"], *table["rows"]]))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(
            f"{timezone.localtime(brief.generated_at):%Y-%m-%d %H:%M}",
            ParagraphStyle("date", parent=body, alignment=2),
        ),
    ]
    document.build(story)
    return buffer.getvalue()


def _shown(value) -> str:
    return "—" if value is None else str(value)

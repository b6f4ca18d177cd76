"""Tables that staff download: one writer for CSV and XLSX.

CSV starts with a byte-order mark, because Excel reads UTF-8 CSV as the local code page without
one. XLSX can write every cell as text (`as_text=True`), so that codes and amounts come back as
they went out.

A text cell that begins with = + - @, a tab or a carriage return would run as a formula in the
spreadsheet of whoever opens the download (CSV injection): in CSV it gets a leading "'" (the
OWASP rule); in XLSX it is a text cell with Excel's quote prefix, the same "'" that Excel keeps
out of the value, so the text reads and imports as it was. Numbers are never touched, so -5
stays a number. Imports (`portal.spreadsheets`) drop the "'" that CSV added.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Values a spreadsheet stores as what they are; anything else is written as text.
NOT_TEXT = (int, float, Decimal, datetime.date, datetime.time, datetime.timedelta)


def is_formula_like(value) -> bool:
    """Whether `value` is text that a spreadsheet would run as a formula."""
    return (
        value is not None
        and not isinstance(value, NOT_TEXT)
        and str(value).startswith(FORMULA_STARTS)
    )


def formula_safe(value):
    """Return a CSV cell's value with a "'" before text that would run as a formula."""
    return "'" + str(value) if is_formula_like(value) else value


def formula_restored(text: str) -> str:
    """Undo `formula_safe` on a cell read back from an imported file."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """Return the rows as UTF-8 CSV with a byte-order mark, formula-like text neutralised."""
    out = io.StringIO()
    csv.writer(out).writerows([formula_safe(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


SHEET_TITLE_MAX = 31


def xlsx_bytes(rows: Iterable[Sequence], *, sheet_title: str = "", as_text: bool = False) -> bytes:
    """Return the rows as a one-sheet workbook, formula-like text as quoted text cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    # Excel refuses to open a workbook whose sheet name is longer than 31 characters (the English
    # title of the catalogue export is 34).
    sheet = book.create_sheet(title=str(sheet_title)[:SHEET_TITLE_MAX] or None)

    def cell(value):
        formula_like = is_formula_like(value)
        if not (as_text or formula_like):
            return value
        text = WriteOnlyCell(sheet, value="" if value is None else str(value))
        text.data_type = "s"
        if formula_like:
            text.quotePrefix = True
        return text

    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_response(
    rows: Iterable[Sequence],
    *,
    fmt: str,
    filename: str,
    sheet_title: str = "",
    as_text: bool = False,
) -> HttpResponse:
    """Return the rows as a download, `filename` without its extension; `fmt` is csv or xlsx."""
    if fmt == "xlsx":
        content = xlsx_bytes(rows, sheet_title=sheet_title, as_text=as_text)
    else:
        fmt, content = "csv", csv_bytes(rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

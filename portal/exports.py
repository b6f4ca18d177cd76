"""Tables that staff download: one writer for CSV and XLSX.

CSV starts with a byte-order mark, because Excel reads UTF-8 CSV as the local code page without
one. XLSX can write every cell as text (`as_text=True`), so that codes and amounts come back as
they went out and a leading "=" is never taken for a formula.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """Return the rows as UTF-8 CSV with a byte-order mark."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: Iterable[Sequence], *, sheet_title: str = "", as_text: bool = False) -> bytes:
    """Return the rows as a one-sheet workbook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=str(sheet_title) or None)

    def cell(value):
        if not as_text:
            return value
        text = WriteOnlyCell(sheet, value="" if value is None else str(value))
        text.data_type = "s"
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

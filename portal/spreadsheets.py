"""Tables that staff import (the disclosure catalogue, the evaluation roster), from CSV or XLSX.

`read_rows` streams the sheet row by row and refuses an oversized one before loading it: an
XLSX is checked for a zip bomb (`portal.archives`), then by the size its sheet declares, then
row by row while it is read, so a file of a million rows or columns stops at the limit. Every
unreadable or oversized file is a `DomainError` with a message, which the import pages show
on the form. Cells come back as stripped text, without the "'" that `portal.exports` puts
before formula-like text.
"""

import csv
import io
import zipfile
from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext as _

from portal import archives
from portal.errors import DomainError
from portal.exports import formula_restored

MAX_COLUMNS = 50


def read_rows(upload, *, max_rows: int, max_columns: int = MAX_COLUMNS) -> list[list[str]]:
    """The rows of an uploaded CSV or XLSX file, header first, without trailing blank cells.

    A blank row stays (as an empty list), so that a row's index still gives its number in the
    sheet for error reports. Refuse a file over the upload size, a sheet over `max_rows` rows after the header or over
    `max_columns` columns (blank rows count: they are read too), and anything unreadable.
    """
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise DomainError(_("文件过大。"))
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        rows = xlsx_rows(upload, max_rows=max_rows, max_columns=max_columns)
    elif name.endswith(".csv"):
        rows = csv_rows(upload)
    else:
        raise DomainError(_("请上传 CSV 或 XLSX 文件。"))
    table = []
    for number, row in enumerate(rows, start=1):
        if number > max_rows + 1:
            raise too_many_rows(max_rows)
        if len(row) > max_columns and any(row[max_columns:]):
            raise too_many_columns(max_columns)
        cells = [cell_text(value) for value in row[:max_columns]]
        while cells and not cells[-1]:
            cells.pop()
        table.append(cells)
    return table


def xlsx_rows(upload, *, max_rows: int, max_columns: int) -> Iterator[tuple]:
    from openpyxl import load_workbook

    head = upload.read(4)
    upload.seek(0)
    if head[:2] != b"PK":
        raise DomainError(
            _(
                "文件不是有效的 XLSX 表格（可能是旧版 .xls 或改了扩展名），请另存为 .xlsx 或 CSV 后再上传。"
            )
        )
    unreadable = DomainError(_("无法读取该 XLSX 文件，文件可能已损坏。"))
    try:
        with zipfile.ZipFile(upload) as archive:
            archives.check_archive(archive)
        upload.seek(0)
        sheet = load_workbook(upload, read_only=True, data_only=True).active
        # The size the sheet declares (its <dimension>), when it declares one.
        if (sheet.max_row or 0) > max_rows + 1:
            raise too_many_rows(max_rows)
        if (sheet.max_column or 0) > max_columns:
            raise too_many_columns(max_columns)
        rows = sheet.iter_rows(values_only=True, max_col=max_columns + 1)
    except archives.ArchiveRefused as refusal:
        raise DomainError(refusal.message) from None
    except DomainError:
        raise
    except Exception:
        # openpyxl raises what the damaged part trips on (BadZipFile, KeyError, XML errors...).
        raise unreadable from None
    try:
        yield from rows
    except Exception:
        raise unreadable from None


def csv_rows(upload) -> Iterator[list[str]]:
    raw = upload.read()
    if b"\x00" in raw:
        raise DomainError(_("文件不是文本格式的 CSV，请检查文件类型。"))
    # Excel saves CSV in the local code page (GB18030 here) unless told UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError(_("无法识别 CSV 文件的编码，请另存为 UTF-8 编码的 CSV。"))
    try:
        yield from csv.reader(io.StringIO(text))
    except csv.Error:
        raise DomainError(_("CSV 文件格式有误，无法读取。")) from None


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return formula_restored(str(value).strip()).strip()


def too_many_rows(max_rows: int) -> DomainError:
    return DomainError(_("一次最多导入 %(n)s 行。") % {"n": max_rows})


def too_many_columns(max_columns: int) -> DomainError:
    return DomainError(_("表格最多 %(n)s 列，请删去多余的列后再上传。") % {"n": max_columns})

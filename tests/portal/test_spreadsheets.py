"""Spreadsheet imports read rows lazily and refuse an oversized or malformed sheet with a
message: from the size the sheet declares before any row is read, else while streaming."""

import csv
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from portal.errors import DomainError
from portal.spreadsheets import read_rows

SHEET = "xl/worksheets/sheet1.xml"


def xlsx(rows, *, sheet_xml=None) -> SimpleUploadedFile:
    """A workbook of `rows`; `sheet_xml(text)` rewrites its sheet's XML."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    if sheet_xml is None:
        return SimpleUploadedFile("table.xlsx", out.getvalue())
    rewritten = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            data = source.read(part)
            if part.filename == SHEET:
                data = sheet_xml(data.decode()).encode()
            target.writestr(part.filename, data)
    return SimpleUploadedFile("table.xlsx", rewritten.getvalue())


def csv_file(rows) -> SimpleUploadedFile:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile("table.csv", out.getvalue().encode())


def test_a_sheet_that_declares_too_many_rows_is_refused_before_a_row_is_read():
    # Rows past the header are broken XML: reading them would fail with another message.
    def declare_30000_rows(text):
        text = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B30000"', text)
        return re.sub(r"(<row r=\"2\").*</sheetData>", r"\1<broken</sheetData>", text)

    upload = xlsx([["编码", "名称"], ["A", "B"]], sheet_xml=declare_30000_rows)

    with pytest.raises(DomainError, match="一次最多导入 20000 行"):
        read_rows(upload, max_rows=20000)


def test_a_sheet_that_declares_too_many_columns_is_refused():
    upload = xlsx([["编码"] * 60, ["A"] * 60])

    with pytest.raises(DomainError, match="表格最多 50 列"):
        read_rows(upload, max_rows=10)


def test_a_sheet_without_a_declared_size_is_refused_while_it_streams():
    upload = xlsx(
        [["编码"], *[[str(n)] for n in range(20)]],
        sheet_xml=lambda text: re.sub(r"<dimension [^>]*/>", "", text),
    )

    with pytest.raises(DomainError, match="一次最多导入 5 行"):
        read_rows(upload, max_rows=5)


def test_a_csv_of_too_many_rows_is_refused():
    with pytest.raises(DomainError, match="一次最多导入 5 行"):
        read_rows(csv_file([["编码"], *[[str(n)] for n in range(6)]]), max_rows=5)


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SHEET, bytes(20 * 1024 * 1024))
    upload = SimpleUploadedFile("table.xlsx", out.getvalue())

    with pytest.raises(DomainError, match="解压后过大"):
        read_rows(upload, max_rows=10)


def test_a_workbook_with_broken_rows_is_a_message_not_a_500():
    upload = xlsx(
        [["编码"], ["A"], ["B"]],
        sheet_xml=lambda text: text.replace("</sheetData>", "<row><c><broken></sheetData>"),
    )

    with pytest.raises(DomainError, match="无法读取该 XLSX 文件"):
        read_rows(upload, max_rows=10)


def test_rows_come_back_as_stripped_text_without_the_exports_quote():
    upload = csv_file([["编码", "名称"], ["", ""], ["'=SUM(1)", " 1 "], ["'不是公式", "-5", ""]])

    assert read_rows(upload, max_rows=10) == [
        ["编码", "名称"],
        [],
        ["=SUM(1)", "1"],
        ["'不是公式", "-5"],
    ]


def test_whole_numbers_in_a_workbook_read_as_integers():
    assert read_rows(xlsx([["时限"], [10.0], [2.5]]), max_rows=10) == [["时限"], ["10"], ["2.5"]]

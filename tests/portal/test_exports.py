"""Downloads never carry a formula: text that a spreadsheet would run (= + - @, tab, CR at its
start) is neutralised in CSV and XLSX alike, and numbers stay numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from portal.exports import csv_bytes, table_response, xlsx_bytes
from portal.spreadsheets import read_rows

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def csv_cells(content: bytes) -> list[str]:
    return content.decode("utf-8-sig").rstrip("\r\n").split(",")


def test_csv_text_cells_that_would_run_as_formulas_get_a_leading_quote():
    cells = csv_cells(csv_bytes([["=1+1", "+86 138", "-x", "@a", "普通", "a=b"]]))

    assert cells == ["'=1+1", "'+86 138", "'-x", "'@a", "普通", "a=b"]


@pytest.mark.parametrize("text", ["\t=1", "\r=1"])
def test_csv_cells_starting_with_a_tab_or_carriage_return_get_a_leading_quote(text):
    content = csv_bytes([[text]]).decode("utf-8-sig")

    assert next(csv.reader(io.StringIO(content, newline="")))[0] == "'" + text


def test_csv_numbers_are_left_alone_negative_ones_included():
    cells = csv_cells(csv_bytes([[-5, Decimal("-1.50"), -0.25, 0, None]]))

    assert cells == ["-5", "-1.50", "-0.25", "0", ""]


@pytest.mark.parametrize("as_text", [False, True])
def test_xlsx_formula_like_text_is_a_quoted_text_cell_never_a_formula(as_text):
    book = load_workbook(io.BytesIO(xlsx_bytes([HOSTILE], as_text=as_text)))

    cells = list(book.active[1])
    # XML reads a carriage return back as a line feed.
    assert [cell.value for cell in cells] == [text.replace("\r", "\n") for text in HOSTILE]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_xlsx_numbers_stay_numbers_negative_ones_included():
    book = load_workbook(io.BytesIO(xlsx_bytes([[-5, Decimal("-1.5"), "普通"]])))

    negative, decimal, text = book.active[1]
    assert (negative.value, negative.data_type) == (-5, "n")
    assert (decimal.value, decimal.data_type) == (-1.5, "n")
    assert not text.quotePrefix


def test_a_long_sheet_title_is_cut_to_what_excel_opens(recwarn):
    book = load_workbook(
        io.BytesIO(xlsx_bytes([["x"]], sheet_title="Catalogue of administrative powers"))
    )

    assert book.sheetnames == ["Catalogue of administrative pow"]
    assert not [w for w in recwarn if "31 characters" in str(w.message)]


def test_every_export_goes_through_the_neutraliser():
    response = table_response([["名称"], ["=cmd|' /C calc'!A0"]], fmt="csv", filename="t")

    assert "'=cmd" in response.content.decode("utf-8-sig")


def test_an_exported_csv_imports_back_as_it_was():
    content = csv_bytes([["名称"], ["=SUM(1)"], ["-2+3"]])

    rows = read_rows(SimpleUploadedFile("t.csv", content), max_rows=10)

    assert rows == [["名称"], ["=SUM(1)"], ["-2+3"]]

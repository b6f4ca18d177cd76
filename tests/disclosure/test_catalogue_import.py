import csv
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from disclosure.models import CatalogueEvent, CatalogueItem, CatalogueMaterial
from disclosure.services.catalogue import importing, table
from portal.errors import DomainError
from tests.disclosure.catalogue_helpers import admin, market, published_item
from tests.disclosure.factories import CatalogueItemFactory

pytestmark = pytest.mark.django_db
HEADER = [str(label) for _c, label in table.COLUMNS]
IMPORT_URL = "/disclosure/staff/catalogue/import/"


def _row(n, **overrides):
    row = {
        "事项编码": f"IMP-{n:05d}",
        "事项名称": f"导入事项{n}",
        "事项类型": "行政许可",
        "办理主体代码": "market",
        "事项内容": "内容",
        "设定依据": "《行政许可法》",
        "办理条件": "条件",
        "申请材料": "申请书；营业执照复印件（选交）",
        "承诺办结时限（工作日）": "10",
        "法定办结时限（工作日）": "20",
        "收费金额（元）": "0",
        "收费标准及依据": "",
        "监督电话": "0571-12345",
        "监督地址": "县行政服务中心",
        "办理地点": "一楼3号窗口",
    }
    row.update(overrides)
    return [row[h] for h in HEADER]


def _csv(rows, name="catalogue.csv", encoding="utf-8-sig"):
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return SimpleUploadedFile(name, out.getvalue().encode(encoding), content_type="text/csv")


def _xlsx(rows, name="catalogue.xlsx"):
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


@pytest.fixture
def setup():
    market()
    return admin()


def test_a_3000_row_csv_imports_in_one_go(setup):
    started = time.monotonic()
    report = importing.catalogue_import(actor=setup, upload=_csv([_row(n) for n in range(3000)]))

    assert report.errors == [] and report.created == 3000
    assert CatalogueItem.objects.filter(status="draft").count() == 3000
    assert CatalogueMaterial.objects.count() == 6000
    assert CatalogueItem.history.count() == 3000
    assert CatalogueEvent.objects.filter(code="imported").count() == 3000
    assert time.monotonic() - started < 30


def test_a_3000_row_xlsx_imports_in_one_go(setup):
    report = importing.catalogue_import(actor=setup, upload=_xlsx([_row(n) for n in range(3000)]))

    assert report.created == 3000
    item = CatalogueItem.objects.get(code="IMP-02999")
    assert [(m.name, m.is_required) for m in item.materials.all()] == [
        ("申请书", True),
        ("营业执照复印件", False),
    ]


def test_five_bad_rows_import_nothing_and_are_each_reported(setup):
    rows = [_row(n) for n in range(100)]
    rows[3] = _row(3, **{"事项名称": ""})
    rows[10] = _row(10, **{"事项类型": "行政审批"})
    rows[20] = _row(20, **{"办理主体代码": "nowhere"})
    rows[30] = _row(30, **{"承诺办结时限（工作日）": "三天"})
    rows[40] = _row(40, **{"收费金额（元）": "50"})

    report = importing.catalogue_import(actor=setup, upload=_csv(rows))

    assert not CatalogueItem.objects.exists()
    assert [(e.row, e.column) for e in report.errors] == [
        (5, "事项名称"),
        (12, "事项类型"),
        (22, "办理主体代码"),
        (32, "承诺办结时限（工作日）"),
        (42, "收费标准及依据"),
    ]
    assert "不能为空" in report.errors[0].reason
    assert "nowhere" in report.errors[2].reason


def test_a_repeated_code_is_reported_on_its_second_row(setup):
    report = importing.catalogue_import(actor=setup, upload=_csv([_row(1), _row(1)]))

    assert [(e.row, e.column) for e in report.errors] == [(3, "事项编码")]
    assert "第 2 行" in report.errors[0].reason


def test_the_code_of_a_published_item_is_refused(setup):
    item = published_item(code="IMP-00001", department=market())
    report = importing.catalogue_import(actor=setup, upload=_csv([_row(1, **{"事项名称": "改名"})]))

    assert report.errors[0].row == 2 and "已发布" in report.errors[0].reason
    item.refresh_from_db()
    assert item.name != "改名"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("catalogue.xlsx", b"this is not a spreadsheet"), "不是有效的 XLSX"),
        (SimpleUploadedFile("catalogue.xlsx", b"PK\x03\x04broken zip"), "无法读取该 XLSX"),
        (SimpleUploadedFile("catalogue.csv", b"\x00\x01\x02binary"), "不是文本格式"),
        (SimpleUploadedFile("catalogue.pdf", b"%PDF-1.4"), "请上传 CSV 或 XLSX"),
        (SimpleUploadedFile("catalogue.csv", "事项编码\n".encode()), "没有数据行"),
        (
            SimpleUploadedFile("catalogue.csv", "事项编码,事项名称\nA,B\n".encode()),
            "表头缺少以下列",
        ),
    ],
)
def test_unreadable_files_get_a_clear_message(setup, upload, message):
    with pytest.raises(DomainError, match=message):
        importing.catalogue_import(actor=setup, upload=upload)


def test_a_gbk_csv_saved_by_excel_is_read(setup):
    report = importing.catalogue_import(actor=setup, upload=_csv([_row(1)], encoding="gb18030"))

    assert report.created == 1 and CatalogueItem.objects.get().name == "导入事项1"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_and_import_round_trip(client, setup, fmt):
    dept = market()
    CatalogueItemFactory(
        code="RT-1", department=dept, fee="12.50", fee_standard="依据文件", name="=SUM(1)"
    )
    client.force_login(setup)
    url = (
        "/disclosure/staff/catalogue/export.csv"
        if fmt == "csv"
        else "/disclosure/staff/catalogue/export.xlsx"
    )
    exported = client.get(url).content
    before = list(CatalogueItem.objects.values())
    if fmt == "xlsx":
        rows = list(load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True))
        assert list(rows[0]) == HEADER and rows[1][1] == "=SUM(1)"
    else:
        assert exported.decode("utf-8-sig").splitlines()[0] == ",".join(HEADER)

    report = importing.catalogue_import(
        actor=setup, upload=SimpleUploadedFile(f"x.{fmt}", exported)
    )

    assert report.errors == [] and report.updated == 1
    after = list(CatalogueItem.objects.values())
    ignore = {"updated_at"}
    assert [{k: v for k, v in r.items() if k not in ignore} for r in after] == [
        {k: v for k, v in r.items() if k not in ignore} for r in before
    ]
    assert list(CatalogueMaterial.objects.values_list("name", "is_required")) == [
        ("申请书", True),
        ("身份证明", True),
    ]


def test_the_import_page_lists_the_bad_rows(client, setup):
    client.force_login(setup)
    rows = [_row(1), _row(2, **{"事项类型": "错误类型"})]
    page = client.post(IMPORT_URL, {"file": _csv(rows)}).content.decode()

    assert "第 3 行" in page and "事项类型" in page and "未导入任何数据" in page
    assert not CatalogueItem.objects.exists()


def test_the_import_page_shows_an_unreadable_file_message(client, setup):
    client.force_login(setup)
    page = client.post(IMPORT_URL, {"file": SimpleUploadedFile("a.xlsx", b"nope")}).content.decode()

    assert "不是有效的 XLSX" in page


def test_a_good_import_redirects_with_a_summary(client, setup):
    client.force_login(setup)
    response = client.post(IMPORT_URL, {"file": _xlsx([_row(1), _row(2)])}, follow=True)

    assert "新建草稿 2 项" in response.content.decode()


def test_the_import_page_refuses_an_oversized_sheet_on_the_form(client, setup, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 5)
    client.force_login(setup)

    response = client.post(IMPORT_URL, {"file": _xlsx([_row(n) for n in range(6)])})

    assert response.status_code == 200 and "一次最多导入 5 行" in response.content.decode()
    assert not CatalogueItem.objects.exists()

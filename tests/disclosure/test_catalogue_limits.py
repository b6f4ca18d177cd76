"""Promised and legal limits (承诺办结时限 / 法定办结时限): the promise is never longer than the law."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from disclosure.models import CatalogueItem
from disclosure.services.catalogue import importing, table
from tests.disclosure.catalogue_helpers import admin, head, market, published_item

pytestmark = pytest.mark.django_db


def _csv(promised: str, legal: str | None):
    columns = [(c, str(label)) for c, label in table.COLUMNS]
    if legal is None:
        columns = [(c, label) for c, label in columns if c != "legal_limit_days"]
    values = {
        "code": "IMP-1",
        "name": "导入事项",
        "kind": "行政许可",
        "department": "market",
        "materials": "申请书",
        "time_limit_days": promised,
        "legal_limit_days": legal,
        "fee": "0",
    }
    out = io.StringIO()
    csv.writer(out).writerows(
        [[label for _c, label in columns], [values.get(c) or "" for c, _label in columns]]
    )
    return SimpleUploadedFile("catalogue.csv", out.getvalue().encode("utf-8-sig"))


def _draft_post(department, **fields):
    data = {
        "name": "个体工商户登记",
        "code": "market-002",
        "kind": "licensing",
        "department": department.pk,
        "time_limit_days": "3",
        "legal_limit_days": "20",
        "fee": "0",
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-name": "登记申请书",
        "materials-0-is_required": "on",
        "materials-0-description": "",
    }
    return {**data, **fields}


def test_the_database_refuses_a_promise_longer_than_the_law():
    item = published_item(time_limit_days=3, legal_limit_days=20)

    with pytest.raises(IntegrityError):
        CatalogueItem.objects.filter(pk=item.pk).update(time_limit_days=21)


def test_the_form_refuses_a_promise_longer_than_the_law(client):
    dept = market()
    client.force_login(head(dept))

    page = client.post(
        "/disclosure/staff/catalogue/new/",
        _draft_post(dept, time_limit_days="25", legal_limit_days="20"),
    ).content.decode()

    assert "承诺办结时限不得超过法定办结时限" in page
    assert not CatalogueItem.objects.exists()


def test_an_import_row_promising_more_than_the_law_is_reported():
    market()

    report = importing.catalogue_import(actor=admin(), upload=_csv("25", "20"))

    assert not CatalogueItem.objects.exists()
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (2, "承诺办结时限（工作日）", "承诺办结时限不得超过法定办结时限。")
    ]


def test_an_import_without_the_legal_column_takes_the_licensing_default():
    market()

    importing.catalogue_import(actor=admin(), upload=_csv("3", None))

    item = CatalogueItem.objects.get(code="IMP-1")
    assert (item.time_limit_days, item.legal_limit_days) == (3, 20)


def test_the_export_carries_both_limits():
    item = published_item(time_limit_days=3, legal_limit_days=20)

    heading, row = table.export_rows([item])

    assert row[heading.index("承诺办结时限（工作日）")] == "3"
    assert row[heading.index("法定办结时限（工作日）")] == "20"


def test_the_public_item_page_shows_both_limits(client):
    item = published_item(time_limit_days=3, legal_limit_days=20)

    page = client.get(item.get_absolute_url()).content.decode()

    assert "承诺办结时限" in page and "3 个工作日" in page
    assert "法定办结时限" in page and "20 个工作日" in page

"""Import of the catalogue from CSV or XLSX, in the columns of its export (`table.py`).

An import is all or nothing: every row is checked first, and one bad row means nothing is
written and the report lists each bad row with its column and reason. New codes become drafts
(they still go through review); a code that is already a draft is updated; a code of an item
under review, published or withdrawn is refused (it is changed through a revision on its page).
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from disclosure.models import CatalogueEvent, CatalogueItem, CatalogueMaterial
from disclosure.models.catalogue import default_legal_limit, promise_exceeds_legal_message
from disclosure.permissions import catalogue as permissions
from disclosure.services.catalogue.table import COLUMNS, parse_materials
from portal import spreadsheets
from portal.errors import DomainError
from portal.models import Department, User

MAX_ROWS = 20000
# The export's columns and a few to spare (notes a clerk added beside them).
MAX_COLUMNS = len(COLUMNS) + 10
BATCH = 500
# Tables exported before the legal limit had its column still import (see `_check_legal_limit`).
OPTIONAL_COLUMNS = {"legal_limit_days"}


@dataclass
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


# --- Reading ------------------------------------------------------------------------------------


def read_rows(upload) -> list[list[str]]:
    """The rows of an uploaded CSV or XLSX file; a DomainError for anything unreadable."""
    rows = spreadsheets.read_rows(upload, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    rows = [row for row in rows if row]
    if len(rows) < 2:
        raise DomainError(_("文件中没有数据行：第一行为表头，从第二行起每行一个事项。"))
    return rows


# --- Checking ---------------------------------------------------------------------------------


def _kinds() -> dict[str, str]:
    kinds = {}
    for value, label in CatalogueItem.Kind.choices:
        kinds[value] = value
        kinds[str(label)] = value
    return kinds


@dataclass
class _Parsed:
    row: int
    values: dict
    materials: list[tuple[str, bool]]


def _check_legal_limit(
    text: str, kind: str | None, promised: int | None, values: dict, bad
) -> None:
    """法定办结时限: a positive number not below the promise; left empty (or a table exported
    before the column existed), the default of the item's kind."""
    if not text:
        if kind and promised:
            values["legal_limit_days"] = default_legal_limit(kind, promised)
        return
    try:
        legal = int(text)
        if legal < 1:
            raise ValueError
    except ValueError:
        bad("legal_limit_days", _("应为正整数（工作日）"))
        return
    if promised and promised > legal:
        bad("time_limit_days", promise_exceeds_legal_message())
    values["legal_limit_days"] = legal


def _check_row(
    number: int, cells: dict[str, str], departments: dict, kinds: dict
) -> tuple[_Parsed | None, list[RowError]]:
    errors: list[RowError] = []
    labels = dict(COLUMNS)

    def bad(column: str, reason: str) -> None:
        errors.append(RowError(number, str(labels[column]), reason))

    values = {}
    code = cells["code"]
    if not code:
        bad("code", _("不能为空"))
    else:
        try:
            CatalogueItem._meta.get_field("code").run_validators(code)
            if len(code) > 64:
                raise ValidationError(_("不能超过 64 个字符"))
        except ValidationError as error:
            bad("code", "；".join(error.messages))
    values["code"] = code
    name = cells["name"]
    if not name:
        bad("name", _("不能为空"))
    elif len(name) > 200:
        bad("name", _("不能超过 200 个字符"))
    values["name"] = name
    kind = kinds.get(cells["kind"])
    if kind is None:
        bad(
            "kind",
            _("“%(value)s”不是有效的事项类型（应为：%(choices)s）")
            % {
                "value": cells["kind"],
                "choices": "、".join(str(label) for _v, label in CatalogueItem.Kind.choices),
            },
        )
    values["kind"] = kind
    department = departments.get(cells["department"])
    if department is None:
        bad("department", _("单位代码“%(code)s”不存在") % {"code": cells["department"]})
    values["department"] = department
    try:
        limit = int(cells["time_limit_days"])
        if limit < 1:
            raise ValueError
        values["time_limit_days"] = limit
    except ValueError:
        bad("time_limit_days", _("应为正整数（工作日）"))
        limit = None
    _check_legal_limit(cells.get("legal_limit_days", ""), kind, limit, values, bad)
    try:
        fee = Decimal(cells["fee"] or "0")
        if (
            not fee.is_finite()
            or fee < 0
            or fee != fee.quantize(Decimal("0.01"))
            or fee >= Decimal("1e10")
        ):
            raise InvalidOperation
        values["fee"] = fee
    except InvalidOperation:
        bad("fee", _("应为不小于 0 的金额，最多两位小数"))
        fee = None
    if fee and not cells["fee_standard"]:
        bad("fee_standard", _("收费事项必须写明收费标准及其法定依据"))
    for column, limit in (
        ("supervision_phone", 32),
        ("supervision_address", 200),
        ("service_place", 200),
    ):
        if len(cells[column]) > limit:
            bad(column, _("不能超过 %(n)s 个字符") % {"n": limit})
    for column in (
        "content",
        "legal_basis",
        "conditions",
        "fee_standard",
        "supervision_phone",
        "supervision_address",
        "service_place",
    ):
        values[column] = cells[column]
    materials = parse_materials(cells["materials"])
    if not materials:
        bad("materials", _("至少列出一项申请材料"))
    elif any(len(m) > 200 for m, _r in materials):
        bad("materials", _("每项材料名称不能超过 200 个字符"))
    if errors:
        return None, errors
    return _Parsed(number, values, materials), []


def catalogue_import(*, actor: User, upload) -> ImportReport:
    """Check every row, then write all of them in one transaction, or none."""
    if not permissions.can_import(actor):
        raise DomainError(_("只有管理员可以导入目录。"))
    rows = read_rows(upload)
    header = [h.strip() for h in rows[0]]
    positions = {}
    for column, label in COLUMNS:
        if str(label) in header:
            positions[column] = header.index(str(label))
    missing = [
        str(label)
        for column, label in COLUMNS
        if column not in positions and column not in OPTIONAL_COLUMNS
    ]
    if missing:
        raise DomainError(
            _("表头缺少以下列：%(columns)s。请使用导出的表格作为模板。")
            % {"columns": "、".join(missing)}
        )

    departments = {d.code: d for d in Department.objects.all()}
    kinds = _kinds()
    report = ImportReport()
    parsed: list[_Parsed] = []
    first_row_of: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {c: (row[i] if i < len(row) else "") for c, i in positions.items()}
        item, errors = _check_row(number, cells, departments, kinds)
        code = cells["code"]
        if code and code in first_row_of:
            errors.append(
                RowError(
                    number,
                    str(dict(COLUMNS)["code"]),
                    _("与第 %(row)s 行的事项编码重复") % {"row": first_row_of[code]},
                )
            )
            item = None
        elif code:
            first_row_of[code] = number
        report.errors.extend(errors)
        if item is not None:
            parsed.append(item)

    existing = {}
    codes = [p.values["code"] for p in parsed]
    for start in range(0, len(codes), BATCH):
        for item in CatalogueItem.objects.filter(code__in=codes[start : start + BATCH]):
            existing[item.code] = item
    for p in parsed:
        item = existing.get(p.values["code"])
        if item is not None and item.status != CatalogueItem.Status.DRAFT:
            report.errors.append(
                RowError(
                    p.row,
                    str(dict(COLUMNS)["code"]),
                    _("该编码的事项状态为“%(status)s”，不能通过导入修改，请在事项页面修订")
                    % {"status": item.get_status_display()},
                )
            )
    if report.errors:
        report.errors.sort(key=lambda e: e.row)
        return report

    try:
        _write(actor, parsed, existing, report)
    except IntegrityError:
        # Another import or draft took one of these codes after the check: nothing was written.
        raise DomainError(_("导入期间目录发生了变化，未导入任何数据，请重新导入。")) from None
    return report


@transaction.atomic
def _write(actor: User, parsed: list[_Parsed], existing: dict, report: ImportReport) -> None:
    new_items, new_materials_of = [], []
    for p in parsed:
        item = existing.get(p.values["code"])
        if item is None:
            item = CatalogueItem(**p.values, status=CatalogueItem.Status.DRAFT, drafted_by=actor)
            new_items.append(item)
            new_materials_of.append(p.materials)
        else:
            for key, value in p.values.items():
                setattr(item, key, value)
            item.save()
            item.materials.all().delete()
            _create_materials([(item, p.materials)], actor)
            report.updated += 1
    bulk_create_with_history(new_items, CatalogueItem, batch_size=BATCH, default_user=actor)
    created = CatalogueItem.objects.in_bulk([i.code for i in new_items], field_name="code")
    _create_materials(
        [(created[i.code], m) for i, m in zip(new_items, new_materials_of, strict=True)], actor
    )
    events = [
        CatalogueEvent(item=created[i.code], code=CatalogueEvent.Code.IMPORTED, actor=actor)
        for i in new_items
    ] + [
        CatalogueEvent(
            item=existing[p.values["code"]], code=CatalogueEvent.Code.IMPORTED, actor=actor
        )
        for p in parsed
        if p.values["code"] in existing
    ]
    CatalogueEvent.record_many(events, batch_size=BATCH)
    report.created = len(new_items)


def _create_materials(pairs, actor: User) -> None:
    materials = [
        CatalogueMaterial(item=item, name=name, is_required=required, order=order)
        for item, names in pairs
        for order, (name, required) in enumerate(names, start=1)
    ]
    if materials:
        bulk_create_with_history(materials, CatalogueMaterial, batch_size=BATCH, default_user=actor)

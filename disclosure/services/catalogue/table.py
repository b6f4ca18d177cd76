"""The catalogue as a table: the same columns for export and import, and the rows of an export.

Staff download the table as CSV or XLSX (`portal.exports`, text cells) and upload it again to
create or update drafts (`importing.py`).
"""

from django.utils.translation import gettext_lazy

from disclosure.models import CatalogueItem

# (model field, column heading): the order of the export, and what an import must have.
COLUMNS = [
    ("code", gettext_lazy("事项编码")),
    ("name", gettext_lazy("事项名称")),
    ("kind", gettext_lazy("事项类型")),
    ("department", gettext_lazy("办理主体代码")),
    ("content", gettext_lazy("事项内容")),
    ("legal_basis", gettext_lazy("设定依据")),
    ("conditions", gettext_lazy("办理条件")),
    ("materials", gettext_lazy("申请材料")),
    ("time_limit_days", gettext_lazy("承诺办结时限（工作日）")),
    ("legal_limit_days", gettext_lazy("法定办结时限（工作日）")),
    ("fee", gettext_lazy("收费金额（元）")),
    ("fee_standard", gettext_lazy("收费标准及依据")),
    ("supervision_phone", gettext_lazy("监督电话")),
    ("supervision_address", gettext_lazy("监督地址")),
    ("service_place", gettext_lazy("办理地点")),
]
MATERIAL_SEPARATOR = "；"
OPTIONAL_MARK = "（选交）"


def parse_materials(text: str) -> list[tuple[str, bool]]:
    """“申请书；营业执照复印件（选交）” → [("申请书", True), ("营业执照复印件", False)]."""
    parts = [
        p.strip()
        for p in text.replace("\n", MATERIAL_SEPARATOR)
        .replace(";", MATERIAL_SEPARATOR)
        .split(MATERIAL_SEPARATOR)
    ]
    materials = []
    for part in parts:
        if not part:
            continue
        optional = part.endswith(OPTIONAL_MARK)
        materials.append((part.removesuffix(OPTIONAL_MARK).strip(), not optional))
    return materials


def format_materials(item: CatalogueItem) -> str:
    return MATERIAL_SEPARATOR.join(
        m.name + ("" if m.is_required else OPTIONAL_MARK) for m in item.materials.all()
    )


def export_rows(items) -> list[list[str]]:
    """The heading row, then one row of text per item."""
    rows = [[str(label) for _c, label in COLUMNS]]
    for item in items:
        rows.append(
            [
                item.code,
                item.name,
                item.get_kind_display(),
                item.department.code,
                item.content,
                item.legal_basis,
                item.conditions,
                format_materials(item),
                str(item.time_limit_days),
                str(item.legal_limit_days),
                f"{item.fee:.2f}",
                item.fee_standard,
                item.supervision_phone,
                item.supervision_address,
                item.service_place,
            ]
        )
    return rows

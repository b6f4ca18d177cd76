"""Demo categories with the statutory limits, and routing rules to the demo departments."""

from django.utils.translation import gettext_noop

from petitions.models import Category, LimitUnit, RoutingRule
from portal.models import Department

# (code, name, kind, needs instruction); the names are msgids, shown translated (Category.label)
CATEGORIES = [
    ("consultation", gettext_noop("政策咨询"), Category.Kind.CONSULTATION, False),
    ("help", gettext_noop("生活求助"), Category.Kind.HELP, False),
    ("complaint", gettext_noop("投诉"), Category.Kind.COMPLAINT, False),
    ("report", gettext_noop("举报"), Category.Kind.REPORT, False),
    ("report-official", gettext_noop("举报公职人员"), Category.Kind.REPORT, True),
    ("petition", gettext_noop("信访事项"), Category.Kind.PETITION, False),
]

# (category code, keywords, place, department code, priority)
RULES = [
    ("consultation", "", "", "gov-office", 100),
    ("help", "", "", "civil", 100),
    ("complaint", "食品 价格 超市 商家 消费", "", "market", 10),
    ("complaint", "物业 小区 噪音 施工 供水", "", "housing", 10),
    ("complaint", "土地 宅基地 矿", "", "land", 10),
    ("complaint", "", "石桥", "town-shiqiao", 50),
    ("report", "食品 假冒 无证", "", "market", 10),
    ("report-official", "", "", "discipline", 100),
    ("petition", "", "", "gov-office", 100),
]


def seed_categories() -> dict[str, Category]:
    categories = {}
    for order, (code, name, kind, needs_instruction) in enumerate(CATEGORIES):
        sign, reply, unit = Category.DEFAULT_LIMITS[kind]
        categories[code], _ = Category.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "sign_limit": sign,
                "reply_limit": reply,
                "limit_unit": unit,
                "rehandle_limit": 5 if unit == LimitUnit.WORKDAYS else 30,
                "needs_instruction": needs_instruction,
                "sort_order": order,
            },
        )
    return categories


def seed_rules(categories: dict[str, Category]) -> None:
    departments = {d.code: d for d in Department.objects.all()}
    if RoutingRule.objects.exists():
        return
    for code, keywords, place, department, priority in RULES:
        if department in departments:
            RoutingRule.objects.create(
                category=categories[code],
                keywords=keywords,
                place=place,
                department=departments[department],
                priority=priority,
            )

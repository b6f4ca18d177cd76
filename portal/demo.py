"""The demo county (青山县): departments, staff of every role, citizens and an enterprise.

Idempotent: running it again changes nothing that exists. Pillars add their own demo data in
`<pillar>/demo.py`, run after this one by `manage.py seed_demo`.
"""

import datetime
import io
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.identity import credit_code_check_character, resident_id_check_digit
from portal.models import Department, User
from portal.roles import Role
from portal.uploads import DOCUMENT_TYPES, accept_upload

DEMO_PASSWORD = "Demo#2026"

# (code, name, kind, parent code)
DEPARTMENTS = [
    ("county", "青山县人民政府", Department.Kind.COUNTY, None),
    ("gov-office", "县政府办公室（12345热线办）", Department.Kind.BUREAU, "county"),
    ("service-center", "县行政服务中心", Department.Kind.BUREAU, "county"),
    ("market", "县市场监督管理局", Department.Kind.BUREAU, "county"),
    ("land", "县自然资源局", Department.Kind.BUREAU, "county"),
    ("housing", "县住房和城乡建设局", Department.Kind.BUREAU, "county"),
    ("civil", "县民政局", Department.Kind.BUREAU, "county"),
    ("discipline", "县纪委监委（效能办）", Department.Kind.BUREAU, "county"),
    ("town-chengguan", "城关镇便民服务中心", Department.Kind.TOWNSHIP, "county"),
    ("town-shiqiao", "石桥乡便民服务中心", Department.Kind.TOWNSHIP, "county"),
    ("village-dong", "城关镇东村便民服务站", Department.Kind.VILLAGE, "town-chengguan"),
    ("village-xi", "城关镇西村便民服务站", Department.Kind.VILLAGE, "town-chengguan"),
    ("village-nanling", "石桥乡南岭村便民服务站", Department.Kind.VILLAGE, "town-shiqiao"),
]


@dataclass(frozen=True)
class DemoStaff:
    username: str
    real_name: str
    department: str
    roles: tuple[Role, ...]
    position: str = ""


STAFF = [
    DemoStaff("admin", "系统管理员", "gov-office", (Role.ADMIN,), "信息中心"),
    DemoStaff("clerk_a", "窗口甲", "market", (Role.WINDOW_CLERK,), "窗口工作人员"),
    DemoStaff("clerk_b", "窗口乙", "market", (Role.WINDOW_CLERK,), "窗口工作人员"),
    DemoStaff("clerk_land", "窗口丙", "land", (Role.WINDOW_CLERK,), "窗口工作人员"),
    DemoStaff("head_market", "市场局负责人", "market", (Role.DEPARTMENT_HEAD,), "局长"),
    DemoStaff("head_land", "资源局负责人", "land", (Role.DEPARTMENT_HEAD,), "局长"),
    DemoStaff("head_housing", "住建局负责人", "housing", (Role.DEPARTMENT_HEAD,), "局长"),
    DemoStaff("head_civil", "民政局负责人", "civil", (Role.DEPARTMENT_HEAD,), "局长"),
    DemoStaff("head_office", "政府办负责人", "gov-office", (Role.DEPARTMENT_HEAD,), "主任"),
    DemoStaff("operator", "热线值班员", "gov-office", (Role.HOTLINE_OPERATOR,), "值班员"),
    DemoStaff("leader", "县领导", "county", (Role.LEADER,), "副县长"),
    DemoStaff("inspector", "效能监察员", "discipline", (Role.DISCIPLINE_INSPECTOR,), "效能办主任"),
    DemoStaff("agent", "东村代办员", "village-dong", (Role.VILLAGE_AGENT,), "村级代办员"),
]

CITIZENS = [("citizen", "张三", "13900000001"), ("citizen2", "李四", "13900000002")]
ENTERPRISE = ("青山绿源农业有限公司", "王五", "13800000001")


def demo_resident_id(n: int) -> str:
    """Return a valid, unique ID number: the n-th day after 1950-01-01 as birth date."""
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=n)
    first17 = f"331023{birth:%Y%m%d}001"
    return first17 + resident_id_check_digit(first17)


def demo_credit_code(n: int) -> str:
    first17 = f"91331023MA2{n:06d}"
    return first17 + credit_code_check_character(first17)


def demo_document(name: str):
    """A one-page PDF named `name`, accepted as a citizen's upload is (checked and cleaned)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return accept_upload(SimpleUploadedFile(name, out.getvalue()), allowed=DOCUMENT_TYPES)


def _user(username: str, password: str, **fields) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, created


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    """Create the demo county and return the demo logins as (user name, what they are)."""
    departments: dict[str, Department] = {}
    for code, name, kind, parent in DEPARTMENTS:
        departments[code], _ = Department.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "parent": departments.get(parent),
                "phone": "0570-12345",
            },
        )

    logins = []
    for staff in STAFF:
        user, _ = _user(
            staff.username,
            DEMO_PASSWORD,
            kind=User.Kind.STAFF,
            real_name=staff.real_name,
            department=departments[staff.department],
            position=staff.position,
            is_staff=Role.ADMIN in staff.roles,
            is_superuser=Role.ADMIN in staff.roles,
        )
        user.groups.add(*[Group.objects.get_or_create(name=role.value)[0] for role in staff.roles])
        logins.append(
            (
                staff.username,
                f"{', '.join(str(r.label) for r in staff.roles)} · {departments[staff.department].name}",
            )
        )

    for index, (username, name, mobile) in enumerate(CITIZENS, start=1):
        _user(
            mobile,
            DEMO_PASSWORD,
            kind=User.Kind.CITIZEN,
            real_name=name,
            mobile=mobile,
            resident_id=demo_resident_id(index),
            email=f"{username}@example.com",
        )
        logins.append((mobile, f"群众 {name}"))
    org, contact, mobile = ENTERPRISE
    code = demo_credit_code(1)
    _user(
        code,
        DEMO_PASSWORD,
        kind=User.Kind.ENTERPRISE,
        organization_name=org,
        real_name=contact,
        mobile=mobile,
        credit_code=code,
    )
    logins.append((code, f"企业 {org}"))

    # Benchmarks: `--scale N` adds (N - 1) × 200 citizens.
    extra = [
        User(
            username=f"1370{n:07d}",
            kind=User.Kind.CITIZEN,
            real_name=f"群众{n}",
            mobile=f"1370{n:07d}",
            resident_id=demo_resident_id(1000 + n),
            password="!",
        )
        for n in range(1, 200 * (scale - 1) + 1)
    ]
    User.objects.bulk_create(extra, batch_size=500, ignore_conflicts=True)
    return logins

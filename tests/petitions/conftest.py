import pytest
from django.contrib.auth.models import Group, Permission

from petitions.models import Complaint
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory


@pytest.fixture
def hotline_department(db):
    return DepartmentFactory(code="gov-office", name="县政府办公室（12345热线办）")


@pytest.fixture
def operator(hotline_department):
    user = StaffFactory(
        roles=[Role.HOTLINE_OPERATOR], department=hotline_department, real_name="值班员甲"
    )
    permission = Permission.objects.get(codename="view_complainant_identity")
    Group.objects.get(name=Role.HOTLINE_OPERATOR.value).permissions.add(permission)
    return user


@pytest.fixture
def leader(db):
    return StaffFactory(roles=[Role.LEADER], real_name="县领导")


@pytest.fixture
def department(db):
    return DepartmentFactory(code="market", name="县市场监督管理局")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(code="housing", name="县住房和城乡建设局")


@pytest.fixture
def clerk(department):
    return StaffFactory(
        roles=[Role.DEPARTMENT_HEAD], department=department, real_name="市场局承办人"
    )


@pytest.fixture
def other_clerk(other_department):
    return StaffFactory(
        roles=[Role.DEPARTMENT_HEAD], department=other_department, real_name="住建局承办人"
    )


@pytest.fixture
def citizen(db):
    return CitizenFactory()


@pytest.fixture
def category(db):
    return CategoryFactory(code="complaint", name="投诉")


@pytest.fixture
def routed_category(category, department):
    RoutingRuleFactory(category=category, department=department)
    return category


@pytest.fixture
def file_complaint(hotline_department, operator):
    """File a complaint online the way the form does; return (complaint, query code)."""

    def _file(*, category, account=None, anonymous=None, identity=None, **fields):
        # Filed from an account: named by default (an anonymous complaint is never linked to it).
        if anonymous is None:
            anonymous = account is None
        fields.setdefault("title", "超市销售过期食品")
        fields.setdefault("content", "城南超市货架上有过期酸奶。")
        complaint, code = filing_services.complaint_file(
            actor=None,
            category=category,
            is_anonymous=anonymous,
            identity=identity
            or filing_services.IdentityData(name="" if anonymous else "张三", phone="13911112222"),
            account=account,
            contact_method=Complaint.Contact.SMS,
            **fields,
        )
        complaint.refresh_from_db()
        return complaint, code

    return _file


@pytest.fixture
def dispatched(file_complaint, routed_category):
    complaint, _code = file_complaint(category=routed_category)
    return complaint


@pytest.fixture
def handling(dispatched, clerk):
    return handling_services.complaint_sign(actor=clerk, complaint=dispatched)


@pytest.fixture
def replied(handling, clerk):
    handling_services.complaint_reply(
        actor=clerk, complaint=handling, content="已责令下架并立案查处。"
    )
    handling.refresh_from_db()
    return handling


@pytest.fixture
def write_message(hotline_department, department):
    """Write a message as `author` (None: anonymous) to the department's mailbox by default."""
    from petitions.models import Message
    from petitions.services.messages import writing

    def write(author=None, **overrides):
        values = {
            "author": author,
            "mailbox": Message.Mailbox.DEPARTMENT,
            "addressee": department,
            "category": Message.Category.CONSULTATION,
            "title": "营业执照办理咨询",
            "content": "请问个体工商户营业执照需要哪些材料？",
            "publish_consent": True,
        }
        values.update(overrides)
        return writing.message_submit(**values)

    return write


@pytest.fixture
def inspector(db):
    """The discipline office (纪委/效能办): runs appraisal rounds and handles alerts."""
    discipline = DepartmentFactory(code="discipline", name="县纪委监委（效能办）")
    return StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR], department=discipline)

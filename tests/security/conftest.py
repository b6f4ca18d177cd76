"""The whistleblower scenario: a unit tree with its staff, a reporter whose account holds the
markers, and a report, an anonymous complaint and a duplicate run through the procedure."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from petitions.models import Complaint
from portal import sms
from portal.models import Department
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.petitions.helpers import pass_moderation
from tests.uploads import (
    MARKERS,
    docx_with_markers,
    gif_with_markers,
    jpeg_with_markers,
    marked,
    marker_text,
    pdf_with_markers,
    png_with_markers,
)

NAME, ID_NUMBER, PHONE, EMAIL = MARKERS
# Personal fields of the complaint form, each holding a marker.
PERSONAL = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "email": EMAIL}
PERSONAL["address"] = marker_text()
FILES = {
    "现场.jpg": jpeg_with_markers,
    "截图.png": png_with_markers,
    "动图.gif": gif_with_markers,
    "票据.pdf": pdf_with_markers,
    "情况说明.docx": docx_with_markers,
}


@pytest.fixture
def tree(db):
    """county → market bureau (reported) → market station; county → discipline office, hotline
    office, a township; the roles of each unit's members hold the identity permission where a
    role may, so only the unit rule keeps them out."""
    county = DepartmentFactory(
        code="county", name="测试县", kind=Department.Kind.COUNTY, parent=None
    )
    units = {
        "county": county,
        "market": DepartmentFactory(code="market", name="县市场监督管理局", parent=county),
        "discipline": DepartmentFactory(
            code=settings.PETITIONS_DISCIPLINE_DEPARTMENT_CODE, name="县纪委监委", parent=county
        ),
        "hotline": DepartmentFactory(code="gov-office", name="县政府办公室", parent=county),
        "town": DepartmentFactory(
            code="town-east", name="城东镇", kind=Department.Kind.TOWNSHIP, parent=county
        ),
    }
    units["station"] = DepartmentFactory(
        code="market-east", name="城东市场监管所", parent=units["market"]
    )
    permission = Permission.objects.get(codename="view_complainant_identity")
    for role in (
        Role.HOTLINE_OPERATOR,
        Role.DEPARTMENT_HEAD,
        Role.LEADER,
        Role.DISCIPLINE_INSPECTOR,
    ):
        Group.objects.get_or_create(name=role.value)[0].permissions.add(permission)
    return units


@pytest.fixture
def staff(tree):
    """Every member of the handling units, the reported unit and the units above them."""
    members = {
        "operator": StaffFactory(roles=[Role.HOTLINE_OPERATOR], department=tree["hotline"]),
    }
    for unit in ("market", "discipline", "town"):
        members[f"{unit}_clerk"] = StaffFactory(roles=[Role.WINDOW_CLERK], department=tree[unit])
        members[f"{unit}_head"] = StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=tree[unit])
    members["inspector"] = StaffFactory(
        roles=[Role.DISCIPLINE_INSPECTOR], department=tree["discipline"]
    )
    members["county_head"] = StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=tree["county"])
    members["county_leader"] = StaffFactory(roles=[Role.LEADER], department=tree["county"])
    return members


@pytest.fixture
def reporter(db):
    """A citizen whose own account holds the markers."""
    return CitizenFactory(
        real_name=NAME,
        resident_id=ID_NUMBER,
        mobile=PHONE,
        username=PHONE,
        email=EMAIL,
        address=marker_text(),
    )


def _file(client, category, **fields):
    data = {
        "category": category.pk,
        "title": "市场局工作人员收受超市好处",
        "content": "办理执照时被索要好处费，附照片和情况说明。",
        **fields,
    }
    response = client.post(reverse("petitions:file"), data)
    assert response.status_code == 302, response.content.decode()
    return Complaint.objects.order_by("-pk").first()


def _act(client, complaint, action, data=None):
    url = reverse("petitions:staff_act", args=[complaint.number, action])
    return client.post(url, data or {}, follow=True)


@pytest.fixture
def scenario(client, tree, staff, reporter, django_capture_on_commit_callbacks):
    """Run the report, an anonymous complaint and a duplicate through the whole procedure."""
    sms.outbox.clear()
    category = CategoryFactory(code="complaint", name="投诉")
    # A keyword rule would give the report to the market bureau itself.
    RoutingRuleFactory(category=category, department=tree["market"])
    unrouted = CategoryFactory(code="other", name="其他")
    uploads = [SimpleUploadedFile(name, build()) for name, build in FILES.items()]
    assert all(marked(upload.read()) for upload in uploads)
    for upload in uploads:
        upload.seek(0)

    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(reporter)
        report = _file(
            client,
            category,
            names_official="on",
            reported_department=tree["market"].pk,
            reported_person="张科长",
            contact_method=Complaint.Contact.SMS,
            allow_publication="on",
            attachments=uploads,
            **PERSONAL,
        )
        anonymous = _file(
            client,
            category,
            is_anonymous="on",
            contact_method=Complaint.Contact.NONE,
            allow_publication="on",
            **PERSONAL,
        )
        duplicate = _file(client, unrouted, contact_method=Complaint.Contact.EMAIL, **PERSONAL)
        client.logout()

        client.force_login(staff["operator"])
        refused = [
            _act(client, report, "dispatch", {"department": tree["market"].pk}),
            _act(client, report, "redirect", {"department": tree["county"].pk, "note": "改派"}),
        ]
        _act(client, anonymous, "redirect", {"department": tree["town"].pk, "note": "属地办理"})
        _act(client, duplicate, "merge", {"original_number": report.number})
        client.get(reverse("petitions:staff_export"))
        client.logout()

        for head, complaint in (
            (staff["discipline_head"], report),
            (staff["town_head"], anonymous),
        ):
            client.force_login(head)
            _act(client, complaint, "sign")
            _act(client, complaint, "reply", {"content": "经核查，已依法依规处理。"})
            client.get(reverse("petitions:staff_export"))
            client.logout()

        # The office closes both after the return visit and, as moderator, passes their replies:
        # the board, its feed and the site search then show them to every crawler.
        client.force_login(staff["operator"])
        for complaint in (report, anonymous):
            _act(client, complaint, "return_visit", {"result": Complaint.Satisfaction.SATISFIED})
            pass_moderation("reply", complaint.replies.get(), staff["operator"])
        client.logout()
    for complaint in (report, anonymous, duplicate):
        complaint.refresh_from_db()
    return {
        "report": report,
        "anonymous": anonymous,
        "duplicate": duplicate,
        "refused": refused,
        "files": list(FILES),
    }

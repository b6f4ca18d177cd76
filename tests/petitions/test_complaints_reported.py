"""Reports never reach the reported: a report naming a unit goes to the discipline office, and
dispatching, redirecting or merging it to that unit or a unit above it is refused and reported."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from petitions.models import Complaint
from petitions.services.complaints import dispatching as dispatching_services
from petitions.services.complaints import filing as filing_services
from portal.errors import DomainError
from portal.roles import Role
from supervision.models import Alert
from tests.factories import DepartmentFactory, StaffFactory
from tests.petitions.factories import CategoryFactory

pytestmark = pytest.mark.django_db

REPORTER = "举报人王五"


@pytest.fixture
def discipline(db):
    return DepartmentFactory(code="discipline", name="县纪委监委")


@pytest.fixture
def market_station(department):
    """A unit below the market bureau: the bureau is above anyone working there."""
    return DepartmentFactory(code="market-east", name="城东市场监管所", parent=department)


def _report(category, unit, *, person="张科长"):
    complaint, _code = filing_services.complaint_file(
        actor=None,
        category=category,
        title="举报工作人员索要好处费",
        content="办理执照时被索要好处费。",
        is_anonymous=False,
        names_official=True,
        reported_department=unit,
        reported_person=person,
        identity=filing_services.IdentityData(name=REPORTER, phone="13911112222"),
    )
    complaint.refresh_from_db()
    return complaint


def test_report_goes_to_the_discipline_office_not_by_keyword(
    routed_category, department, discipline, operator
):
    complaint = _report(routed_category, department)
    assert complaint.department == discipline
    assert complaint.reported_department == department
    assert complaint.reported_person == "张科长"


def test_report_waits_for_the_operator_without_a_discipline_office(
    routed_category, department, operator
):
    complaint = _report(routed_category, department)
    assert complaint.status == Complaint.Status.REGISTERED
    assert complaint.department is None


def test_dispatch_to_the_reported_unit_is_refused_and_reported(
    routed_category, department, operator
):
    complaint = _report(routed_category, department)
    with pytest.raises(DomainError, match="不得交由被举报单位"):
        dispatching_services.complaint_dispatch(
            actor=operator, complaint=complaint, department=department
        )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REGISTERED and complaint.department is None
    alert = Alert.objects.get()
    assert alert.severity == Alert.Severity.SERIOUS and complaint.number in alert.text
    assert REPORTER not in alert.text


def test_dispatch_to_a_unit_above_the_reported_is_refused(
    routed_category, department, market_station, operator
):
    complaint = _report(routed_category, market_station)
    for unit in (department, department.parent):
        with pytest.raises(DomainError):
            dispatching_services.complaint_dispatch(
                actor=operator, complaint=complaint, department=unit
            )
    assert Alert.objects.count() == 2


def test_alert_goes_to_the_discipline_office(
    routed_category, department, market_station, discipline, operator
):
    complaint = _report(routed_category, market_station)
    with pytest.raises(DomainError):
        dispatching_services.complaint_redirect(
            actor=operator, complaint=complaint, department=department, note="改派"
        )
    complaint.refresh_from_db()
    assert complaint.department == discipline
    assert Alert.objects.get().department == discipline


def test_dispatch_to_another_unit_is_allowed(
    routed_category, department, other_department, operator
):
    complaint = _report(routed_category, department)
    dispatching_services.complaint_dispatch(
        actor=operator, complaint=complaint, department=other_department
    )
    complaint.refresh_from_db()
    assert complaint.department == other_department
    assert not Alert.objects.exists()


def test_merging_a_report_into_a_complaint_of_the_reported_unit_is_refused(
    routed_category, category, department, operator, dispatched
):
    report = _report(category, department)
    with pytest.raises(DomainError):
        dispatching_services.complaint_merge(actor=operator, duplicate=report, original=dispatched)
    report.refresh_from_db()
    assert report.status == Complaint.Status.REGISTERED
    assert Alert.objects.count() == 1


def test_a_merged_report_bars_the_original_from_the_reported_unit(
    category, department, other_department, operator
):
    original = _report(category, other_department)
    dispatching_services.complaint_dispatch(
        actor=operator, complaint=original, department=DepartmentFactory(code="civil")
    )
    report = _report(category, department)
    dispatching_services.complaint_merge(actor=operator, duplicate=report, original=original)
    with pytest.raises(DomainError):
        dispatching_services.complaint_redirect(
            actor=operator, complaint=original, department=department, note="改派"
        )


def test_operator_sees_the_refusal_on_the_page(client, routed_category, department, operator):
    complaint = _report(routed_category, department)
    client.force_login(operator)
    response = client.post(
        reverse("petitions:staff_act", args=[complaint.number, "dispatch"]),
        {"department": department.pk},
        follow=True,
    )
    assert "不得交由被举报单位或其上级单位办理" in response.content.decode()
    assert Alert.objects.count() == 1


def test_form_requires_the_reported_unit(client, routed_category, hotline_department):
    response = client.post(
        reverse("petitions:file"),
        {
            "category": routed_category.pk,
            "title": "举报",
            "content": "内容",
            "names_official": "on",
            "is_anonymous": "on",
            "contact_method": Complaint.Contact.NONE,
        },
    )
    assert response.status_code == 200
    assert "请选择被举报人所在的单位" in response.content.decode()
    assert not Complaint.objects.exists()


def test_citizen_names_the_unit_in_the_form(
    client, routed_category, department, discipline, operator
):
    response = client.post(
        reverse("petitions:file"),
        {
            "category": routed_category.pk,
            "title": "举报",
            "content": "内容",
            "names_official": "on",
            "reported_department": department.pk,
            "reported_person": "张科长",
            "is_anonymous": "on",
            "contact_method": Complaint.Contact.NONE,
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert (complaint.reported_department, complaint.department) == (department, discipline)


def test_hotline_registers_a_report_naming_the_unit(
    client, routed_category, department, discipline, operator
):
    client.force_login(operator)
    response = client.post(
        reverse("petitions:staff_register"),
        {
            "channel": Complaint.Channel.PHONE,
            "category": routed_category.pk,
            "title": "来电举报",
            "content": "内容",
            "names_official": "on",
            "reported_department": department.pk,
            "is_anonymous": "on",
            "contact_method": Complaint.Contact.NONE,
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert (complaint.reported_department, complaint.department) == (department, discipline)


def test_a_duplicate_merged_into_a_report_hides_its_complainant_from_the_reports_units(
    client, file_complaint, category, department, discipline, operator
):
    report = _report(category, department)
    duplicate, _code = file_complaint(
        category=CategoryFactory(code="other", name="其他"),
        identity=filing_services.IdentityData(name="重复件投诉人", phone="13911113333"),
    )
    dispatching_services.complaint_merge(actor=operator, duplicate=duplicate, original=report)
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR], department=discipline)
    inspector.user_permissions.add(Permission.objects.get(codename="view_complainant_identity"))
    client.force_login(inspector)
    url = reverse("petitions:staff_identity", args=[duplicate.number])
    response = client.post(url, {"purpose": "核查"})
    assert response.status_code == 404
    assert "重复件投诉人" not in response.content.decode()

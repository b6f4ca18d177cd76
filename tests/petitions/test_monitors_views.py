"""监测员 pages: the monitor's own page and form, the commission's grid, appointments, summary."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from petitions.models import Complaint, Monitor, MonitorReport
from petitions.services import monitors as monitor_services
from petitions.services.complaints import handling as handling_services
from portal.roles import Role
from tests.factories import CitizenFactory, StaffFactory
from tests.petitions.monitors import appoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return StaffFactory(roles=[Role.ADMIN])


@pytest.fixture
def serving(admin, citizen):
    """A monitor whose term runs from last year to next year, whatever today is."""
    today = timezone.localdate()
    return appoint(
        admin,
        citizen,
        start=datetime.date(today.year - 1, 1, 1),
        end=datetime.date(today.year + 1, 12, 31),
    )


def test_a_monitor_posts_a_report_once_and_sees_it_in_my_monitoring(
    client, serving, routed_category, hotline_department
):
    client.force_login(serving.user)
    form = client.get(reverse("petitions:monitor_report_new")).context["form"]
    data = {
        "category": routed_category.pk,
        "title": "夜间施工扰民",
        "content": "工业园区道路夜间施工。",
        "submission_token": form["submission_token"].initial,
    }
    first = client.post(reverse("petitions:monitor_report_new"), data)
    second = client.post(reverse("petitions:monitor_report_new"), data)
    assert first.status_code == second.status_code == 302
    report = MonitorReport.objects.get()
    page = client.get(reverse("petitions:monitor_mine")).content.decode()
    assert "夜间施工扰民" in page and report.complaint.number in page


def test_an_empty_report_is_refused_with_a_message(client, serving):
    client.force_login(serving.user)
    response = client.post(reverse("petitions:monitor_report_new"), {"title": ""})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_citizen_who_is_not_a_monitor_is_sent_back_with_a_message(client, routed_category):
    client.force_login(CitizenFactory())
    response = client.get(reverse("petitions:monitor_report_new"), follow=True)
    assert "不是在任的发展环境网络监测员" in response.content.decode()
    response = client.post(
        reverse("petitions:monitor_report_new"),
        {"category": routed_category.pk, "title": "标题", "content": "内容"},
    )
    assert response.status_code == 302
    assert not Complaint.objects.exists()


def test_the_report_is_rated_on_the_complaint_page(client, serving, routed_category, clerk):
    filed = monitor_services.monitor_report_file(
        actor=serving.user, category=routed_category, title="标题", content="内容"
    )
    handling_services.complaint_sign(actor=clerk, complaint=filed.complaint)
    handling_services.complaint_reply(actor=clerk, complaint=filed.complaint, content="已整改。")
    client.force_login(serving.user)
    assert "去评价" in client.get(reverse("petitions:monitor_mine")).content.decode()
    page = client.get(reverse("petitions:track_detail", args=[filed.complaint.number]))
    assert page.status_code == 200 and page.context["rate_form"] is not None


def test_the_commissions_grid_shows_missing_months(client, admin, inspector, serving):
    client.force_login(inspector)
    last_year = timezone.localdate().year - 1
    response = client.get(reverse("petitions:monitor_staff_list"), {"year": last_year})
    (row,) = response.context["rows"]
    assert row.missing == 12
    assert serving.user.display_name in response.content.decode()


def test_the_grid_filters_by_kind(client, inspector, serving):
    client.force_login(inspector)
    response = client.get(reverse("petitions:monitor_staff_list"), {"kind": "enterprise"})
    assert response.context["rows"] == []


def test_the_grid_is_a_fixed_number_of_queries(
    client, admin, inspector, django_assert_max_num_queries
):
    for _ in range(6):
        appoint(admin, CitizenFactory())
    client.force_login(inspector)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("petitions:monitor_staff_list")).status_code == 200


def test_citizens_and_department_heads_do_not_see_the_commissions_pages(client, citizen, clerk):
    for user in (citizen, clerk):
        client.force_login(user)
        for name in ("monitor_staff_list", "monitor_staff_appoint", "monitor_staff_summary"):
            assert client.get(reverse(f"petitions:{name}")).status_code == 404


def test_an_admin_appoints_by_mobile_number(client, admin, citizen):
    client.force_login(admin)
    response = client.post(
        reverse("petitions:monitor_staff_appoint"),
        {"account": citizen.mobile, "term_start": "2026-01-01", "term_end": "2027-12-31"},
    )
    assert response.status_code == 302
    assert Monitor.objects.get().user == citizen


def test_an_unknown_account_is_refused_with_a_message(client, admin):
    client.force_login(admin)
    response = client.post(
        reverse("petitions:monitor_staff_appoint"),
        {"account": "13000000000", "term_start": "2026-01-01", "term_end": "2027-12-31"},
    )
    assert response.status_code == 400
    assert "没有找到该用户名或手机号码" in response.content.decode()
    assert not Monitor.objects.exists()


def test_a_leader_may_read_the_grid_but_not_end_a_term(client, serving):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    assert client.get(reverse("petitions:monitor_staff_list")).status_code == 200
    response = client.post(reverse("petitions:monitor_staff_end", args=[serving.pk]))
    assert response.status_code == 404
    serving.refresh_from_db()
    assert serving.status == Monitor.Status.ACTIVE


def test_the_commission_ends_a_term_from_the_list(client, inspector, serving):
    client.force_login(inspector)
    response = client.post(reverse("petitions:monitor_staff_end", args=[serving.pk]))
    assert response.status_code == 302
    serving.refresh_from_db()
    assert serving.status == Monitor.Status.ENDED


def test_the_summary_exports_as_csv(client, inspector, serving, routed_category):
    monitor_services.monitor_report_file(
        actor=serving.user, category=routed_category, title="标题", content="内容"
    )
    client.force_login(inspector)
    assert client.get(reverse("petitions:monitor_staff_summary")).status_code == 200
    response = client.get(reverse("petitions:monitor_staff_summary_export"), {"by": "department"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("承办单位,报告数")
    assert "县市场监督管理局,1,0,0" in text

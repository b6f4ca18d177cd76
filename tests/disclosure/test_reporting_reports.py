import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from disclosure.models import InfoReport
from disclosure.selectors.reporting import monthly_ranking
from disclosure.services import reporting as services
from portal.errors import DomainError
from portal.models import InboxMessage
from tests.disclosure.factories import InfoReportFactory, admin
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def town(code="town-a", name="城关镇"):
    return DepartmentFactory(code=code, name=name, kind="township")


def test_a_unit_submits_an_item_and_the_county_office_is_told():
    office = admin()
    clerk = StaffFactory(department=town())
    report = services.report_submit(actor=clerk, title="城关镇开展防汛演练", body="演练情况……")

    assert report.status == InfoReport.Status.SUBMITTED and report.department == clerk.department
    assert InboxMessage.objects.filter(recipient=office, subject="新报送的政务信息").exists()


def test_a_citizen_cannot_submit_and_an_empty_item_is_refused():
    with pytest.raises(DomainError, match="工作人员"):
        services.report_submit(actor=CitizenFactory(), title="x", body="y")
    with pytest.raises(DomainError, match="标题和内容"):
        services.report_submit(actor=StaffFactory(department=town()), title=" ", body="y")
    assert not InfoReport.objects.exists()


def test_adopting_scores_the_item_and_tells_the_unit():
    report = InfoReportFactory()
    services.report_adopt(actor=admin(), report=report, score=3, note="县政府网站采用")
    report.refresh_from_db()
    assert report.status == InfoReport.Status.ADOPTED and report.score == 3
    assert InboxMessage.objects.filter(
        recipient=report.submitted_by, subject="政务信息已采用"
    ).exists()


@pytest.mark.parametrize("score", [0, 11])
def test_a_score_out_of_range_is_refused(score):
    report = InfoReportFactory()
    with pytest.raises(DomainError, match="1 到 10"):
        services.report_adopt(actor=admin(), report=report, score=score)
    assert InfoReport.objects.get().status == InfoReport.Status.SUBMITTED


def test_rejecting_needs_a_reason_and_an_item_is_decided_once():
    report = InfoReportFactory()
    with pytest.raises(DomainError, match="理由"):
        services.report_reject(actor=admin(), report=report, note="")
    services.report_reject(actor=admin(), report=report, note="内容重复")
    with pytest.raises(DomainError, match="已经处理过"):
        services.report_adopt(actor=admin(), report=report, score=2)
    assert InfoReport.objects.get().score == 0


def test_only_the_county_office_decides_and_never_on_its_own_item():
    report = InfoReportFactory()
    with pytest.raises(DomainError, match="管理员"):
        services.report_adopt(
            actor=StaffFactory(department=report.department), report=report, score=1
        )
    office = admin()
    own = services.report_submit(actor=office, title="办公室自报", body="内容")
    with pytest.raises(DomainError, match="自己报送"):
        services.report_adopt(actor=office, report=own, score=1)


def test_the_database_refuses_a_score_on_an_item_not_adopted():
    with pytest.raises(IntegrityError):
        InfoReportFactory(score=3)


def test_the_monthly_ranking_sums_scores_per_unit_in_one_query(django_assert_num_queries):
    a, b, c = town("a", "甲镇"), town("b", "乙镇"), town("c", "丙镇")
    november = timezone.make_aware(datetime.datetime(2026, 11, 5, 10))
    for dept, scores in ((a, [3, 2]), (b, [5]), (c, [])):
        for score in scores:
            report = InfoReportFactory(department=dept, submitted_at=november)
            services.report_adopt(actor=admin(), report=report, score=score)
    InfoReportFactory(department=c, submitted_at=november)
    InfoReportFactory(department=a, submitted_at=november - datetime.timedelta(days=30))

    with django_assert_num_queries(1):
        rows = monthly_ranking(2026, 11)

    assert [
        (r["department__name"], r["submitted"], r["adopted"], r["score"], r["rank"]) for r in rows
    ] == [("甲镇", 2, 2, 5, 1), ("乙镇", 1, 1, 5, 2), ("丙镇", 1, 0, 0, 3)]


def test_the_office_adopts_through_the_page_and_the_ranking_page_shows_it(client):
    report = InfoReportFactory(department=town("a", "甲镇"))
    client.force_login(admin())
    response = client.post(
        reverse("disclosure:report", args=[report.pk]), {"decision": "adopt", "score": "4"}
    )
    assert response.status_code == 302
    assert InfoReport.objects.get().status == InfoReport.Status.ADOPTED

    month = timezone.localdate().strftime("%Y-%m")
    page = client.get(reverse("disclosure:report_ranking"), {"month": month}).content.decode()
    assert "甲镇" in page and "<strong>4</strong>" in page
    assert client.get(reverse("disclosure:report_ranking"), {"month": "bad"}).status_code == 200


def test_adopting_without_a_score_through_the_page_shows_an_error(client):
    report = InfoReportFactory()
    client.force_login(admin())
    response = client.post(reverse("disclosure:report", args=[report.pk]), {"decision": "adopt"})
    assert "采用时请填写得分" in response.content.decode()
    assert InfoReport.objects.get().status == InfoReport.Status.SUBMITTED


def test_a_unit_submits_through_the_page_and_sees_only_its_own_items(client):
    mine, theirs = town("a", "甲镇"), town("b", "乙镇")
    InfoReportFactory(department=theirs, title="乙镇的信息")
    client.force_login(StaffFactory(department=mine))
    response = client.post(
        reverse("disclosure:report_new"), {"title": "甲镇的信息", "body": "内容"}
    )
    assert response.status_code == 302
    page = client.get(reverse("disclosure:reports")).content.decode()
    assert "甲镇的信息" in page and "乙镇的信息" not in page
    other = InfoReport.objects.get(title="乙镇的信息")
    assert client.get(reverse("disclosure:report", args=[other.pk])).status_code == 404


def test_citizens_cannot_open_the_reporting_pages(client):
    client.force_login(CitizenFactory())
    assert client.get(reverse("disclosure:reports")).status_code == 404
    assert client.get(reverse("disclosure:report_ranking")).status_code == 404

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.roles import Role
from supervision.models import Alert, Notice
from supervision.selectors import dashboard as dashboard_selectors
from supervision.services import clocks as clock_services
from supervision.services import sweep
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    """Two departments, each with an overdue clock (and its notices) and an alert."""
    market, land = DepartmentFactory(name="县市场监管局"), DepartmentFactory(name="县自然资源局")
    start_clock(limit=5, department=market, ref="SC-1")
    start_clock(limit=5, department=land, ref="ZR-1")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    return {"market": market, "land": land}


def test_inspector_sees_every_department(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    body = client.get(reverse("supervision:dashboard")).content.decode()
    assert "县市场监管局" in body and "县自然资源局" in body


def test_department_head_sees_only_their_department(client, county):
    client.force_login(StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD]))
    body = client.get(reverse("supervision:dashboard")).content.decode()
    assert "县市场监管局" in body
    assert "县自然资源局" not in body
    clocks = client.get(reverse("supervision:clocks") + "?light=red").content.decode()
    assert "SC-1" in clocks and "ZR-1" not in clocks


def test_head_cannot_open_another_departments_notice(client, county):
    client.force_login(StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD]))
    other = Notice.objects.get(department=county["land"], level="supervision")
    assert client.get(reverse("supervision:notice", args=[other.pk])).status_code == 404


@pytest.mark.parametrize(
    "make_user", [CitizenFactory, lambda: StaffFactory(roles=[Role.WINDOW_CLERK])]
)
def test_citizens_and_clerks_do_not_see_the_dashboard(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("supervision:dashboard")).status_code == 404


def test_drill_down_lists_red_clocks_linking_to_their_subjects(client, county):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    body = client.get(reverse("supervision:clocks") + "?light=red").content.decode()
    assert 'href="/test/SC-1/"' in body
    assert "已超期" in body


def test_dashboard_query_count_does_not_grow_with_clocks(
    client, county, django_assert_max_num_queries
):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    for i in range(20):
        start_clock(limit=5, department=county["market"], ref=f"M-{i}")
    # The session, the user and their roles, the clock kinds and the nav's unread count (caches
    # cold), the departments to filter by, six aggregates.
    with django_assert_max_num_queries(12):
        client.get(reverse("supervision:dashboard"))
    with django_assert_max_num_queries(16):
        client.get(reverse("supervision:clocks"))


def test_head_acknowledges_and_replies_to_a_notice(client, county):
    head = StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD])
    notice = Notice.objects.get(department=county["market"], level="supervision")
    client.force_login(head)
    client.post(reverse("supervision:notice", args=[notice.pk]), {"action": "acknowledge"})
    client.post(
        reverse("supervision:notice", args=[notice.pk]),
        {"reply": "已于当日办结，并对经办人批评教育。"},
    )
    notice.refresh_from_db()
    assert notice.status == "answered"
    assert notice.acknowledged_by == head
    # The sweep wrote the notice with SQL; the head's two steps are in its history.
    assert [h.history_user for h in notice.history.all()] == [head, head]


def test_notice_downloads_as_pdf(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    notice = Notice.objects.filter(level="supervision").first()
    response = client.get(reverse("supervision:notice_pdf", args=[notice.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_inspector_closes_an_alert_with_the_action_taken(client, county):
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    alert = Alert.objects.filter(kind="overdue").first()
    client.force_login(inspector)
    response = client.post(
        reverse("supervision:alert", args=[alert.pk]),
        {"action": "warning_letter", "note": "已发预警告知函"},
        follow=True,
    )
    assert "预警已处置" in response.content.decode()
    alert.refresh_from_db()
    assert (alert.status, alert.action, alert.closed_by) == ("closed", "warning_letter", inspector)


def test_closing_an_alert_without_a_note_changes_nothing(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    alert = Alert.objects.filter(kind="overdue").first()
    response = client.post(
        reverse("supervision:alert", args=[alert.pk]), {"action": "warning_letter", "note": ""}
    )
    assert response.status_code == 200
    alert.refresh_from_db()
    assert alert.status == "open"


def test_a_head_cannot_close_alerts(client, county):
    client.force_login(StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD]))
    alert = Alert.objects.get(department=county["market"])
    response = client.post(
        reverse("supervision:alert", args=[alert.pk]), {"action": "no_action", "note": "x"}
    )
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.status == "open"


def test_the_brief_list_says_when_no_brief_is_stored_yet(client):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    assert "尚未生成领导参阅。" in client.get(reverse("supervision:brief")).content.decode()


def test_workbench_shows_the_supervision_card_to_heads(client, county):
    client.force_login(StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD]))
    assert "进入监察总览" in client.get(reverse("portal:workbench")).content.decode()


def test_workbench_hides_the_card_from_clerks(client):
    client.force_login(StaffFactory(roles=[Role.WINDOW_CLERK]))
    assert "进入监察总览" not in client.get(reverse("portal:workbench")).content.decode()


def test_a_period_longer_than_two_years_is_refused_with_a_message(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    response = client.get(reverse("supervision:dashboard") + "?since=2020-01-01&until=2026-10-10")
    assert response.status_code == 200
    assert "统计期间最长两年" in response.content.decode()


def test_the_trend_shows_every_week_of_the_period(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    response = client.get(reverse("supervision:dashboard") + "?since=2026-09-28&until=2026-10-25")
    trend = response.context["trend"]
    assert trend["labels"] == ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19"]
    # Two urge notices (end of 8 Oct) and two supervision notices (end of 9 Oct).
    assert trend["notices"] == [0, 4, 0, 0]


def test_the_filters_keep_the_choice_made_and_say_what_is_wrong(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    url = reverse("supervision:dashboard") + f"?department={county['land'].pk}&since=yesterday"
    body = client.get(url).content.decode()
    assert f'<option value="{county["land"].pk}" selected>县自然资源局</option>' in body
    assert 'name="since" value="yesterday" class="dateinput form-control is-invalid"' in body
    assert 'aria-describedby="id_since_error"' in body
    assert '<div id="id_since_error" class="invalid-feedback">' in body


def test_each_department_links_its_counts_to_the_clocks_of_that_light(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    body = client.get(reverse("supervision:dashboard")).content.decode()
    clocks = reverse("supervision:clocks")
    market = county["market"].pk
    assert (
        f'<a class="fw-bold text-danger" href="{clocks}?light=red&amp;department={market}">1</a>'
        in body
    )
    assert f'<a href="{clocks}?light=green&amp;department={market}">0</a>' in body


PERIOD = "?since=2026-09-28&until=2026-10-25"


def _finish_late(department, ref):
    clock = start_clock(limit=5, department=department, ref=ref)
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-12 10:00"))


def test_a_second_view_within_the_minute_reads_the_figures_kept(client, county):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    first = client.get(reverse("supervision:dashboard") + PERIOD)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(reverse("supervision:dashboard") + PERIOD)
    tables = ("supervision_clockday", "supervision_noticeday", "openclockcount", "alert")
    assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in tables)]
    assert (
        second.context["totals"]
        == first.context["totals"]
        == {"green": 0, "yellow": 0, "red": 2, "paused": 0}
    )
    assert "以下数据更新于" in second.content.decode()


def test_figures_kept_for_the_inspector_are_not_shown_to_a_head(client, county):
    _finish_late(county["land"], "ZR-2")
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    inspector = client.get(reverse("supervision:dashboard") + PERIOD)
    assert "县自然资源局" in str(inspector.context["ranking"])
    client.force_login(StaffFactory(department=county["market"], roles=[Role.DEPARTMENT_HEAD]))
    head = client.get(reverse("supervision:dashboard") + PERIOD)
    assert head.context["ranking"] == []
    # Only the market's urge and supervision notices, not the land office's.
    assert head.context["trend"]["notices"] == [0, 2, 0, 0]


def test_work_finished_shows_in_the_ranking_once_the_minute_is_over(client, county, monkeypatch):
    monkeypatch.setattr(dashboard_selectors, "DASHBOARD_SECONDS", 1)
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    client.get(reverse("supervision:dashboard") + PERIOD)
    _finish_late(county["market"], "SC-2")
    assert client.get(reverse("supervision:dashboard") + PERIOD).context["ranking"] == []
    time.sleep(1.1)
    ranking = client.get(reverse("supervision:dashboard") + PERIOD).context["ranking"]
    assert [(row["department__name"], row["done"]) for row in ranking] == [("县市场监管局", 1)]


def test_the_dashboard_shows_its_figures_while_redis_is_down(client, county, redis_down):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    response = client.get(reverse("supervision:dashboard") + PERIOD)
    assert response.status_code == 200
    assert response.context["totals"]["red"] == 2
    assert "以下数据更新于" in response.content.decode()

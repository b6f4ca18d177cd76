"""Under the Content-Security-Policy the pages still work: no violation reported, charts drawn,
the language switcher and the print button answer."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluation.services import votes as vote_services
from portal.roles import Role
from supervision.models import Notice
from supervision.services import sweep
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.supervision.factories import start_clock

pytestmark = pytest.mark.e2e


def test_home_dashboard_and_charts_report_no_policy_violation(site, transactional_db):
    market = DepartmentFactory(name="县市场监管局")
    started = (timezone.now() - datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    start_clock(limit=5, department=market, ref="SC-9", started=started)
    sweep.sweep_clocks()
    person = RatedPersonFactory(name="周办事", department=market)
    vote_services.vote_cast(
        person=person,
        voter=CitizenFactory(),
        attitude="dissatisfied",
        efficiency="fair",
        style="fair",
        reason="办事拖拉",
    )
    StaffFactory(username="inspector", roles=[Role.DISCIPLINE_INSPECTOR])
    page = site.page
    reported = []
    page.on("console", lambda message: reported.append(message.text))

    site.go("/")
    site.screenshot("csp-home")
    site.screenshot("csp-home", phone=True)
    page.get_by_label("语言").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Language").select_option("zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    site.login("inspector")
    site.go("/supervision/")
    expect(page.locator("#trend-chart")).to_be_visible()
    site.screenshot("csp-supervision-dashboard")
    site.screenshot("csp-supervision-dashboard", phone=True)
    site.go("/evaluation/staff/statistics/")
    chart = page.locator("#unit-chart")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["height"] > 200
    site.screenshot("csp-evaluation-statistics")
    site.screenshot("csp-evaluation-statistics", phone=True)
    site.go(f"/supervision/notices/{Notice.objects.first().pk}/")
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    page.get_by_role("button", name="打印").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")
    site.screenshot("csp-supervision-notice")

    violations = [text for text in reported if "Content Security Policy" in text]
    assert violations == []

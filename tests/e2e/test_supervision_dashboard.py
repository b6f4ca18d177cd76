"""An inspector drills from the dashboard into a red clock and its supervision notice, and closes
an alert; a department head sees only their own department."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import Role
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import start_clock


def test_inspector_drills_into_a_red_clock_and_closes_its_alert(site, transactional_db):
    market, land = DepartmentFactory(name="县市场监管局"), DepartmentFactory(name="县自然资源局")
    started = (timezone.now() - datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    start_clock(limit=5, department=market, ref="SC-9", started=started)
    start_clock(limit=5, department=land, ref="ZR-9", started=started)
    sweep.sweep_clocks()
    StaffFactory(username="inspector", roles=[Role.DISCIPLINE_INSPECTOR])
    StaffFactory(username="head", department=market, roles=[Role.DEPARTMENT_HEAD])
    page = site.page

    site.login("inspector")
    site.go("/supervision/")
    expect(page.get_by_role("heading", name="电子监察")).to_be_visible()
    site.screenshot("supervision-dashboard")
    site.screenshot("supervision-dashboard", phone=True)

    page.get_by_role("row", name="县市场监管局").get_by_role("link").nth(2).click()
    site.check_a11y()
    expect(page.get_by_text("测试事项 SC-9")).to_be_visible()
    site.screenshot("supervision-clocks")
    site.screenshot("supervision-clocks", phone=True)
    page.get_by_role("link", name="督办通知书").click()
    expect(page.get_by_role("heading", name="督办通知书")).to_be_visible()
    site.check_a11y()
    site.screenshot("supervision-notice")

    site.go("/supervision/alerts/")
    page.get_by_role("link", name="已超期：测试事项 SC-9").click()
    site.screenshot("supervision-alert", phone=True)
    page.get_by_label("处置措施").select_option(label="约谈")
    page.get_by_label("处置情况").fill("已约谈市场监管局分管负责人，限期三日内办结。")
    page.get_by_role("button", name="处置并关闭").click()
    expect(page.get_by_text("预警已处置")).to_be_visible()
    site.check_a11y()

    site.logout()
    site.login("head")
    site.go("/supervision/")
    expect(page.get_by_role("row", name="县市场监管局")).to_be_visible()
    expect(page.get_by_text("县自然资源局")).to_have_count(0)

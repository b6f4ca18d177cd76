"""A citizen's dissatisfied vote raises a tier III warning; the inspector closes it with 效能告诫."""

import pytest
from playwright.sync_api import expect

from evaluation.services import votes as vote_services
from portal.roles import Role
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

pytestmark = pytest.mark.e2e


def test_dissatisfied_vote_raises_a_warning_the_inspector_closes(site, transactional_db):
    person = RatedPersonFactory(
        name="周办事", position="登记股股长", department=DepartmentFactory(name="县市场监管局")
    )
    for _ in range(9):
        vote_services.vote_cast(
            person=person,
            voter=CitizenFactory(),
            attitude="dissatisfied",
            efficiency="fair",
            style="fair",
            reason="办事拖拉",
        )
    CitizenFactory(username="voter")
    StaffFactory(username="inspector", roles=[Role.DISCIPLINE_INSPECTOR])
    page = site.page

    site.login("voter")
    site.go("/evaluation/")
    site.screenshot("evaluation-index")
    site.screenshot("evaluation-index", phone=True)
    page.get_by_role("link", name="县市场监管局").click()
    page.get_by_role("link", name="周办事").click()
    page.get_by_role("group", name="服务态度").get_by_label("不满意").check()
    page.get_by_role("group", name="办事效率").get_by_label("基本满意").check()
    page.get_by_role("group", name="工作作风").get_by_label("满意", exact=True).check()
    page.get_by_label("理由").fill("材料没有一次说清楚，跑了三趟。")
    site.screenshot("evaluation-person", phone=True)
    page.get_by_role("button", name="提交评价").click()
    expect(page.get_by_text("感谢您的评价")).to_be_visible()
    site.check_a11y()
    site.screenshot("evaluation-person")
    site.logout()

    site.login("inspector")
    site.go("/supervision/")
    page.get_by_role("link", name="测评预警").first.click()
    page.get_by_role("link", name="周办事").first.click()
    page.get_by_role("link", name="EV-").click()
    expect(page.get_by_role("heading", name="三级预警：周办事")).to_be_visible()
    expect(page.get_by_text("效能告诫")).to_be_visible()
    site.check_a11y()
    site.screenshot("evaluation-warning")
    site.screenshot("evaluation-warning", phone=True)
    page.get_by_role("link", name="到监察平台处置").click()
    page.get_by_label("处置措施").select_option(label="效能告诫")
    page.get_by_label("处置情况").fill("已对周办事进行效能告诫。")
    page.get_by_role("button", name="处置并关闭").click()
    expect(page.get_by_text("预警已处置")).to_be_visible()
    site.go("/evaluation/staff/warnings/")
    expect(page.get_by_role("cell", name="已处置")).to_be_visible()
    site.go("/evaluation/staff/statistics/")
    expect(page.get_by_role("heading", name="各单位不满意票")).to_be_visible()
    site.screenshot("evaluation-statistics")
    site.screenshot("evaluation-statistics", phone=True)

"""The complaint journey in a browser: anonymous filing, routing, handling without knowing who
filed, lights by time travel, reply, rating with the query code only, re-handling, return visit."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from playwright.sync_api import expect

from petitions.models import Complaint
from portal.models import InboxMessage
from portal.roles import Role
from tests.e2e import helpers
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory, make_resident_id
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

pytestmark = pytest.mark.e2e

MARKERS = {
    "name": "举报人甲乙丙",
    "id_number": make_resident_id(888, birth="19880808"),
    "phone": "13987650000",
    "email": "whistle-e2e@example.org",
    "address": "保密路八八八号",
    "username": "whistlee2e",
}


def _sweep(at):
    """Run the supervision sweep as if it were `at` (the beat runs it every minute)."""
    # The sweep runs ahead of the real clock to stand in for the days passing: --force.
    call_command("sweep_clocks", "--now", at.isoformat(), "--force")


@pytest.fixture
def county(db):
    office = DepartmentFactory(code="gov-office", name="县政府办公室（12345热线办）")
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    category = CategoryFactory(code="complaint", name="投诉", reply_limit=15)
    RoutingRuleFactory(category=category, department=market, keywords="超市 食品")
    operator = StaffFactory(
        username="op_e2e", roles=[Role.HOTLINE_OPERATOR], department=office, real_name="值班员"
    )
    Group.objects.get(name=Role.HOTLINE_OPERATOR.value).permissions.add(
        Permission.objects.get(codename="view_complainant_identity")
    )
    clerk = StaffFactory(
        username="clerk_e2e", roles=[Role.DEPARTMENT_HEAD], department=market, real_name="承办人"
    )
    citizen = CitizenFactory(
        username=MARKERS["username"],
        real_name=MARKERS["name"],
        resident_id=MARKERS["id_number"],
        mobile=MARKERS["phone"],
        email=MARKERS["email"],
        address=MARKERS["address"],
    )
    return {"operator": operator, "clerk": clerk, "citizen": citizen, "category": category}


def _page_has_no_marker(page):
    text = page.content()
    for field, marker in MARKERS.items():
        assert marker not in text, f"{field} visible on {page.url}"


def test_anonymous_complaint_from_filing_to_closure(site, county, browser):
    page = site.page

    # A citizen, signed in, files anonymously.
    site.login(MARKERS["username"])
    site.go("/petitions/file/")
    page.get_by_label("诉求类别").select_option(label="投诉")
    page.get_by_label("标题").fill("城南超市销售过期食品")
    page.get_by_label("诉求内容").fill("城南超市货架上有多批过期酸奶，要求查处。")
    page.get_by_label("发生地点（选填）").fill("城关镇城南路")
    page.get_by_label("匿名反映").check()
    page.get_by_label("希望的联系方式").select_option("none")
    site.screenshot("petitions-file")
    site.screenshot("petitions-file", phone=True)
    page.get_by_role("button", name="提交诉求").click()
    expect(page.get_by_role("heading", name="诉求已提交")).to_be_visible()
    site.check_a11y()
    number = page.locator("#complaint-number").inner_text().strip()
    code = page.locator("#query-code").inner_text().strip()
    site.screenshot("petitions-filed")
    site.logout()

    # Routed by the rules to the market bureau.
    complaint = Complaint.objects.get(number=number)
    assert complaint.status == Complaint.Status.DISPATCHED
    assert complaint.department.code == "market"

    # The clerk handles it and cannot find who filed it anywhere.
    site.login("clerk_e2e")
    site.go("/workbench/", check_a11y=False)  # the shell's workbench is checked by its own test
    _page_has_no_marker(page)
    site.go(f"/petitions/staff/?q={MARKERS['phone']}")
    expect(page.get_by_text("没有符合条件的诉求")).to_be_visible()
    site.go("/petitions/staff/")
    page.get_by_role("link", name=number).click()
    site.check_a11y()
    _page_has_no_marker(page)
    page.get_by_role("button", name="签收").click()
    expect(page.get_by_text("已签收")).to_be_visible()
    _page_has_no_marker(page)
    site.go(f"/petitions/staff/{number}/history/")
    _page_has_no_marker(page)
    assert site.page.request.get(site.url(f"/petitions/staff/{number}/identity/")).status == 404
    export = site.page.request.get(site.url("/petitions/staff/export.csv")).text()
    assert number in export and not any(marker in export for marker in MARKERS.values())

    # Time travel: yellow, then red, each with its notice.
    complaint.refresh_from_db()
    clock = complaint.clock
    _sweep(clock.warn_at + timedelta(minutes=1))
    clock.refresh_from_db()
    assert clock.light == "yellow"
    _sweep(clock.due_at + timedelta(hours=1))
    clock.refresh_from_db()
    assert clock.light == "red"
    subjects = list(
        InboxMessage.objects.filter(recipient=county["clerk"]).values_list("subject", flat=True)
    )
    assert any("催办" in s for s in subjects) and any("督办" in s for s in subjects)
    site.go(f"/petitions/staff/{number}/")
    site.screenshot("petitions-staff-detail-red")
    site.screenshot("petitions-staff-detail-red", phone=True)
    site.go("/account/inbox/")
    _page_has_no_marker(page)

    # The department replies.
    site.go(f"/petitions/staff/{number}/")
    page.get_by_label("书面答复").fill("经现场检查，该超市确有过期食品，已责令下架并立案查处。")
    page.get_by_role("button", name="发送答复").click()
    expect(page.get_by_text("答复已发送给诉求人")).to_be_visible()
    site.logout()

    # Someone with the number and query code alone (a fresh browser, no account) rates it unsatisfied.
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    stranger = context.new_page()
    stranger.goto(site.url("/petitions/track/"))
    stranger.get_by_label("诉求编号").fill(number)
    stranger.get_by_label("查询码").fill(code)
    stranger.get_by_role("button", name="查询").click()
    expect(stranger.get_by_text("已责令下架并立案查处")).to_be_visible()
    assert helpers.accessibility_violations(stranger) == []
    stranger.get_by_label("不满意").check()
    stranger.get_by_role("button", name="提交评价").click()
    expect(stranger.get_by_text("感谢您的评价")).to_be_visible()
    stranger.screenshot(path="/tmp/petitions-track-rated.png", full_page=True)

    # Re-handled by the department.
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REHANDLING
    site.login("clerk_e2e")
    site.go(f"/petitions/staff/{number}/")
    page.get_by_label("书面答复").fill("重新核查：已对该超市处以罚款，并约谈负责人。")
    page.get_by_role("button", name="发送答复").click()
    expect(page.get_by_text("答复已发送给诉求人")).to_be_visible()
    site.logout()

    # The hotline records the return visit, and the complaint closes.
    site.login("op_e2e")
    site.go(f"/petitions/staff/{number}/")
    page.get_by_label("基本满意").check()
    page.get_by_label("回访记录").fill("电话回访，诉求人认可重新处理结果。")
    page.get_by_role("button", name="记录回访").click()
    expect(page.get_by_text("回访已记录")).to_be_visible()
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CLOSED

    site.go("/workbench/", check_a11y=False)
    site.screenshot("petitions-workbench-operator")
    site.go("/petitions/")
    site.screenshot("petitions-index", phone=True)
    site.go("/petitions/figures/")
    site.screenshot("petitions-figures")
    site.go("/petitions/board/")

    stranger.reload()
    expect(stranger.get_by_text("已办结").first).to_be_visible()
    assert helpers.accessibility_violations(stranger) == []
    stranger.set_viewport_size({"width": 390, "height": 844})
    stranger.screenshot(path="/tmp/petitions-track-closed-phone.png", full_page=True)
    context.close()

"""Issue 19's journey in a browser: a citizen asks the market bureau a question; the clock turns
yellow and the bureau is urged; the bureau answers; a moderator publishes it with the phone number
the citizen typed redacted; another citizen finds it with the site search and on the bureau's
Q&A page; the figures page counts it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from petitions.models import Message, ModerationItem
from petitions.services import consultations
from portal.models import InboxMessage
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

pytestmark = pytest.mark.e2e

PHONE = "13987651234"
QUESTION = f"请问个体工商户办理营业执照需要哪些材料？请回电{PHONE}。"


def _sweep(at):
    """Run the supervision sweep as if it were `at` (the beat runs it every minute)."""
    # The sweep runs ahead of the real clock to stand in for the days passing: --force.
    call_command("sweep_clocks", "--now", at.isoformat(), "--force")


@pytest.fixture
def county(db):
    office = DepartmentFactory(code="gov-office", name="县政府办公室（12345热线办）")
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    StaffFactory(
        username="mod_e2e", roles=[Role.HOTLINE_OPERATOR], department=office, real_name="审核员"
    )
    clerk = StaffFactory(
        username="clerk_e2e", roles=[Role.DEPARTMENT_HEAD], department=market, real_name="承办人"
    )
    CitizenFactory(username="asker_e2e", real_name="王小明")
    CitizenFactory(username="reader_e2e", real_name="李四")
    return {"market": market, "clerk": clerk}


def test_a_question_answered_on_the_clock_moderated_and_found(site, county):
    page = site.page

    # A citizen asks the market bureau, consenting to publication.
    site.login("asker_e2e")
    site.go("/petitions/messages/write/")
    page.get_by_label("收信单位（部门信箱必选）").select_option(label="县市场监督管理局")
    page.get_by_label("留言类别").select_option(label="咨询")
    page.get_by_label("标题").fill("个体户营业执照办理材料")
    page.get_by_label("留言内容").fill(QUESTION)
    page.get_by_label("同意经审核后公开留言及答复（个人信息将被隐去）").check()
    page.get_by_role("button", name="提交留言").click()
    expect(page.get_by_role("heading", name="留言已提交")).to_be_visible()
    number = page.locator("#message-number").inner_text().strip()
    site.logout()

    # The clock turns yellow and the bureau is urged (催办).
    message = Message.objects.get(number=number)
    assert message.department == county["market"]
    clock = message.clock
    _sweep(clock.warn_at + timedelta(minutes=1))
    clock.refresh_from_db()
    assert clock.light == "yellow"
    assert InboxMessage.objects.filter(recipient=county["clerk"], subject__contains="催办").exists()

    # The bureau answers from its page.
    site.login("clerk_e2e")
    site.go(f"/petitions/staff/messages/{number}/")
    page.get_by_label("答复内容").fill(
        "需携带身份证、经营场所证明，可在政务服务中心窗口或网上办理。"
    )
    page.get_by_role("button", name="答复留言").click()
    expect(page.get_by_text("已答复").first).to_be_visible()
    site.logout()

    # The moderator sees the phone number redacted in the proposal and publishes it.
    item = ModerationItem.objects.get(message=message)
    site.login("mod_e2e")
    site.go("/petitions/staff/moderation/")
    site.go(f"/petitions/staff/moderation/{item.pk}/")
    proposal = page.get_by_label("公开内容").input_value()
    assert PHONE not in proposal and "139****1234" in proposal
    page.get_by_role("button", name="审核通过并公开").click()
    item.refresh_from_db()
    assert item.status == ModerationItem.Status.PASSED
    site.logout()

    # Another citizen finds it with the site search and on the bureau's Q&A page.
    site.login("reader_e2e")
    site.go("/disclosure/search/?q=营业执照")
    expect(page.get_by_text("个体户营业执照办理材料").first).to_be_visible()
    site.go(f"/petitions/messages/?department={county['market'].pk}")
    page.get_by_role("link", name="个体户营业执照办理材料").click()
    site.check_a11y()
    expect(page.get_by_text("经营场所证明")).to_be_visible()
    assert PHONE not in page.content()

    # The figures page counts it: received, answered, published.
    site.go(f"/petitions/interaction/figures/?year={timezone.localdate().year}")
    expect(page.locator("#total-received")).to_have_text("1")
    row = page.get_by_role("row").filter(has_text="县市场监督管理局")
    expect(row).to_contain_text("1")
    site.screenshot("interaction-figures")


def test_a_citizen_comments_on_a_consultation_and_suggests(site, county):
    """The participation pages work with the keyboard-and-screen-reader checks of axe-core."""
    today = timezone.localdate()
    draft = consultations.consultation_save_draft(
        actor=county["clerk"],
        draft=consultations.Draft(
            kind="policy",
            title="关于促进夜间经济发展的若干措施（征求意见稿）",
            text="第一条 为繁荣夜间经济，制定本措施。",
            opens_on=today,
            closes_on=today + timedelta(days=30),
        ),
    )
    consultations.consultation_publish(actor=county["clerk"], consultation=draft)
    page = site.page
    site.login("asker_e2e")
    site.go("/petitions/consultations/")
    page.get_by_role("link", name="关于促进夜间经济发展的若干措施（征求意见稿）").click()
    site.check_a11y()
    page.get_by_label("您的意见").fill("建议延长夜市营业时间至凌晨一点。")
    page.get_by_role("button", name="提交意见").click()
    expect(page.get_by_text("意见已提交，审核通过后将公开")).to_be_visible()
    site.go("/petitions/suggestions/new/")
    page.get_by_label("建议对象").select_option(label="县市场监督管理局")
    page.get_by_label("标题").fill("建议农贸市场公示菜价")
    page.get_by_label("建议内容").fill("在入口设电子屏公示当日菜价。")
    page.get_by_role("button", name="提交建议").click()
    expect(page.get_by_text("建议已提交")).to_be_visible()
    site.check_a11y()
    site.screenshot("suggestions-mine")

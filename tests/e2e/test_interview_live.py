"""Issue 20 part 3 in a browser: an interview's public page receives the official's answers while
it stays open, with no reload; the host moderates and answers from the console in another tab."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from petitions.services import interviews as services
from portal.roles import Role
from tests.e2e import helpers
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.interviews import interview

pytestmark = pytest.mark.e2e

# The page polls every 5 s; allow a few rounds on a busy machine.
POLL_WAIT = 20_000


@pytest.fixture
def on_air(db):
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    host = StaffFactory(
        username="host_e2e", roles=[Role.DEPARTMENT_HEAD], department=market, real_name="主持人甲"
    )
    asker = CitizenFactory(username="asker_e2e", real_name="王小明")
    live = services.interview_start(
        actor=host, interview=interview(host, starts_at=timezone.now(), title="营商环境在线访谈")
    )
    return {"interview": live, "host": host, "asker": asker}


def mark_the_document(page) -> None:
    """Leave a mark in the page's JavaScript state: a reload or navigation would lose it."""
    page.evaluate("window.__stillTheSamePage = true")


def is_the_same_document(page) -> bool:
    return page.evaluate("window.__stillTheSamePage === true")


def test_an_answer_posted_by_the_service_appears_without_a_reload(site, on_air):
    page = site.page
    site.go(f"/petitions/interviews/{on_air['interview'].pk}/")
    expect(page.get_by_text("正在直播").first).to_be_visible()
    mark_the_document(page)
    url = page.url

    services.interview_answer(
        actor=on_air["host"], interview=on_air["interview"], text="欢迎各位网友参与本期访谈。"
    )

    expect(page.get_by_text("欢迎各位网友参与本期访谈。")).to_be_visible(timeout=POLL_WAIT)
    assert page.url == url and is_the_same_document(page)
    site.check_a11y()


def test_the_host_passes_and_answers_a_question_from_the_console(site, on_air, browser):
    page = site.page
    live = on_air["interview"]
    services.interview_ask(
        actor=on_air["asker"], interview=live, text="我叫王小明，个体户执照能全程网办吗？"
    )
    site.go(f"/petitions/interviews/{live.pk}/")
    mark_the_document(page)
    expect(page.get_by_text("个体户执照能全程网办吗")).to_have_count(0)

    # The host, in another browser, passes the question (the name masked) and answers it.
    context = browser.new_context(locale="zh-CN", viewport=helpers.DESKTOP)
    console = helpers.Site(page=context.new_page(), base_url=site.base_url)
    console.page.set_default_timeout(10_000)
    console.login("host_e2e")
    console.go(f"/petitions/staff/interviews/{live.pk}/")
    console.page.get_by_role("button", name="通过并公开").click()
    expect(console.page.get_by_text("提问已公开。")).to_be_visible()
    console.page.get_by_label("回答的问题").select_option(index=1)
    console.page.get_by_label("回答内容").fill("可以，登录政务服务网即可全程网办。")
    console.page.get_by_role("button", name="发布", exact=True).click()
    expect(console.page.get_by_text("回答已发布。")).to_be_visible()
    console.screenshot("interview-console")
    console.screenshot("interview-console", phone=True)
    context.close()

    expect(page.get_by_text("可以，登录政务服务网即可全程网办。")).to_be_visible(timeout=POLL_WAIT)
    expect(page.get_by_text("我叫王某某，个体户执照能全程网办吗？")).to_be_visible()
    assert is_the_same_document(page)
    site.screenshot("interview-live")
    site.screenshot("interview-live", phone=True)


def test_the_page_stops_polling_once_the_interview_ended(site, on_air):
    page = site.page
    site.go(f"/petitions/interviews/{on_air['interview'].pk}/", check_a11y=False)
    mark_the_document(page)

    services.interview_end(actor=on_air["host"], interview=on_air["interview"])

    expect(page.locator("#interview-status")).to_have_text("已结束", timeout=POLL_WAIT)
    expect(page.locator("#interview-record")).not_to_have_attribute("hx-trigger", "every 5s")
    assert is_the_same_document(page)

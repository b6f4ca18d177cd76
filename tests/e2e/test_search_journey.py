"""Search that finds what people type, in a browser, on the seeded demo county: 户口, 营业执照, 低保
and 婚姻登记 each list the right catalogue item first, with the field that matched highlighted."""

import pytest
from playwright.sync_api import expect

from disclosure.demo import catalogue as demo_catalogue
from disclosure.demo import columns as demo_columns
from portal import demo as portal_demo
from portal.search.models import SearchSynonym

pytestmark = pytest.mark.e2e

# (what a citizen types, the item expected first, its code, the field shown as matched)
SEARCHES = [
    ("户口", "户口迁移登记", "town-chengguan-003", "申请材料"),
    ("营业执照", "个体工商户营业执照办理（设立登记）", "market-002", "事项内容"),
    ("低保", "最低生活保障审批", "civil-001", "申请材料"),
    ("婚姻登记", "内地居民婚姻登记", "civil-002", "设定依据"),
]


@pytest.fixture
def demo_county(db):
    # The live server's database is flushed between tests, seeded synonyms with it.
    for words in ("户口 户籍 户口簿", "营业执照 执照", "低保 最低生活保障", "婚姻登记 结婚登记"):
        SearchSynonym.objects.get_or_create(words=words)
    portal_demo.seed()
    demo_catalogue.seed(scale=1)
    demo_columns.seed(scale=1)


def test_a_citizen_finds_the_right_item_first_for_what_people_type(site, demo_county):
    page = site.page
    site.go("/")
    page.get_by_label("搜索办事事项、政府信息").fill(SEARCHES[0][0])
    page.get_by_label("搜索办事事项、政府信息").press("Enter")

    for number, (query, name, code, field) in enumerate(SEARCHES):
        if number:
            page.get_by_label("关键词").fill(query)
            page.get_by_role("button", name="搜索").click()
        expect(page.get_by_label("关键词")).to_have_value(query)
        first = page.locator("main ol > li").first
        expect(first.get_by_role("link")).to_have_attribute(
            "href", f"/disclosure/catalogue/{code}/"
        )
        expect(first.get_by_role("heading")).to_have_text(name)
        expect(first.get_by_text(f"匹配：{field}")).to_be_visible()
        expect(first.locator("p mark").first).to_be_visible()
        site.check_a11y()
    site.screenshot("search-results")
    site.screenshot("search-results", phone=True)


def test_nothing_found_suggests_a_word_that_finds_the_item(site, demo_county):
    page = site.page
    site.go("/disclosure/search/?q=户籍证明开具")

    expect(page.get_by_text("没有找到相关信息")).to_be_visible()
    page.locator(".search-suggestions").get_by_role("link", name="户口", exact=True).click()

    expect(page.locator("main ol > li").first.get_by_role("heading")).to_have_text("户口迁移登记")

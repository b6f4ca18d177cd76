"""The catalogue and column journey in a browser: a department head drafts a catalogue item and
an article, an admin publishes both through the staff pages, and a citizen finds both by search
(two- and four-character queries) and reads them."""

import pytest
from playwright.sync_api import expect

from disclosure.models import Article, CatalogueItem
from disclosure.services.catalogue import table
from portal.roles import Role
from tests.disclosure.factories import ColumnFactory
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def county(db):
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    StaffFactory(
        username="head_e2e", roles=[Role.DEPARTMENT_HEAD], department=market, real_name="局长"
    )
    StaffFactory(username="admin_e2e", roles=[Role.ADMIN], department=market, real_name="管理员")
    ColumnFactory(name="通知公告", slug="notices", department=market)
    return market


def test_an_admin_publishes_an_item_and_an_article_and_a_citizen_finds_and_reads_both(site, county):
    page = site.page

    # The department head drafts the item with its materials and submits it for review.
    site.login("head_e2e")
    site.go("/disclosure/staff/catalogue/new/")
    page.get_by_label("事项名称").fill("食品经营许可")
    page.get_by_label("事项编码").fill("market-e2e-001")
    page.get_by_label("事项类型").select_option(label="行政许可")
    page.get_by_label("办理主体").select_option(label="县市场监督管理局")
    page.get_by_label("设定依据").fill("《中华人民共和国食品安全法》第三十五条")
    page.get_by_label("办理条件").fill("有与经营的食品品种、数量相适应的经营场所。")
    page.get_by_label("承诺办结时限（工作日）").fill("10")
    page.get_by_label("法定办结时限（工作日）").fill("20")
    page.get_by_label("监督电话").fill("0571-12345")
    page.locator("#id_materials-0-name").fill("食品经营许可申请书")
    page.locator("#id_materials-1-name").fill("营业执照复印件")
    site.screenshot("disclosure-catalogue-form")
    site.screenshot("disclosure-catalogue-form", phone=True)
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存。")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核。")).to_be_visible()
    site.check_a11y()

    # The head also drafts an article in the notices column and submits it.
    site.go("/disclosure/staff/articles/new/")
    page.get_by_label("栏目").select_option(label="通知公告")
    page.get_by_label("标题").fill("关于开展食品经营许可专项检查的通知")
    page.get_by_label("正文").fill("为规范食品经营秩序，县市场监督管理局决定开展专项检查。")
    site.screenshot("disclosure-article-form", phone=True)
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存。")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核。")).to_be_visible()
    site.logout()

    # An admin reviews it on the staff pages and publishes it.
    site.login("admin_e2e")
    site.go("/disclosure/staff/catalogue/?status=review")
    page.get_by_role("link", name="食品经营许可", exact=True).click()
    site.check_a11y()
    site.screenshot("disclosure-catalogue-review")
    page.get_by_role("button", name="审核通过并发布").click()
    expect(page.get_by_text("已发布。", exact=True)).to_be_visible()
    site.screenshot("disclosure-catalogue-staff-detail", phone=True)
    assert CatalogueItem.objects.get(code="market-e2e-001").status == "published"

    # The admin publishes the article from the review list.
    site.go("/disclosure/staff/articles/?status=review")
    page.get_by_role("link", name="关于开展食品经营许可专项检查的通知").click()
    page.get_by_role("button", name="审核通过并发布").click()
    expect(page.get_by_text("已发布。", exact=True)).to_be_visible()
    assert Article.objects.get(title="关于开展食品经营许可专项检查的通知").status == "published"

    # A spreadsheet with a bad row imports nothing and names the row, the column and the reason.
    site.go("/disclosure/staff/catalogue/import/")
    header = ",".join(str(label) for _c, label in table.COLUMNS)
    rows = [
        "market-e2e-002,个体工商户设立登记,行政许可,market,,,,申请书,3,20,0,,,,",
        "market-e2e-003,药品零售许可,行政审批,market,,,,申请书,20,20,0,,,,",
    ]
    page.get_by_label("CSV 或 XLSX 文件").set_input_files(
        files=[
            {
                "name": "catalogue.csv",
                "mimeType": "text/csv",
                "buffer": "\n".join([header, *rows]).encode("utf-8-sig"),
            }
        ]
    )
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_text("未导入任何数据")).to_be_visible()
    expect(page.get_by_role("cell", name="第 3 行")).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-catalogue-import", phone=True)
    assert not CatalogueItem.objects.filter(code="market-e2e-002").exists()
    site.logout()

    # A citizen searches with two characters, then with four, and reads the item.
    site.go("/disclosure/search/")
    page.get_by_label("关键词").fill("食品")
    page.get_by_role("button", name="搜索").click()
    result = page.get_by_role("link", name="食品经营许可", exact=True)
    expect(result).to_be_visible()
    expect(page.locator("mark", has_text="食品").first).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-search")
    site.screenshot("disclosure-search", phone=True)

    expect(page.get_by_role("link", name="关于开展食品经营许可专项检查的通知")).to_be_visible()

    page.get_by_label("关键词").fill("食品经营")
    page.get_by_role("button", name="搜索").click()
    expect(page.locator("mark", has_text="食品经营").first).to_be_visible()
    page.get_by_role("link", name="关于开展食品经营许可专项检查的通知").click()
    expect(page.get_by_role("heading", name="关于开展食品经营许可专项检查的通知")).to_be_visible()
    expect(page.get_by_text("决定开展专项检查")).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-article", phone=True)
    page.go_back()
    page.get_by_role("link", name="食品经营许可", exact=True).click()
    expect(page.get_by_role("heading", name="食品经营许可")).to_be_visible()
    expect(page.get_by_text("《中华人民共和国食品安全法》第三十五条")).to_be_visible()
    expect(page.get_by_text("营业执照复印件")).to_be_visible()
    expect(page.get_by_text("0571-12345")).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-catalogue-item")
    site.screenshot("disclosure-catalogue-item", phone=True)

    # The item is also listed when browsing the catalogue by its department.
    site.go("/disclosure/catalogue/?department=market")
    expect(page.get_by_role("link", name="食品经营许可", exact=True)).to_be_visible()
    site.screenshot("disclosure-catalogue-list")
    site.screenshot("disclosure-catalogue-list", phone=True)

"""Revising published content in a browser: an admin revises a published catalogue item and an
article; both stay online with the old text (pages and search) until a second admin publishes
the revisions (which the workbench and the staff lists show as waiting), then show the new text,
and the item's version history says what changed."""

import pytest
from playwright.sync_api import expect

from disclosure.services import columns as article_services
from disclosure.services.catalogue import publishing
from portal.roles import Role
from tests.disclosure.factories import ArticleFactory, CatalogueItemFactory, ColumnFactory
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.e2e

OLD_BASIS = "《食品安全法》第三十五条"
NEW_BASIS = "《食品安全法》第三十五条、《食品经营许可和备案管理办法》"
OLD_BODY = "专项检查自十二月一日起开展。"
NEW_BODY = "专项检查延期至十二月十五日起开展。"


@pytest.fixture
def published(db):
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    first = StaffFactory(username="rev_admin1", roles=[Role.ADMIN], department=market)
    second = StaffFactory(username="rev_admin2", roles=[Role.ADMIN], department=market)
    item = CatalogueItemFactory(
        name="食品经营许可", code="market-rev-001", department=market, legal_basis=OLD_BASIS
    )
    publishing.item_submit(actor=first, item=item)
    publishing.item_publish(actor=second, item=item)
    article = ArticleFactory(
        column=ColumnFactory(name="通知公告", slug="notices", department=market),
        department=market,
        title="关于开展食品经营专项检查的通知",
        body=OLD_BODY,
    )
    article_services.article_submit(actor=first, article=article)
    article_services.article_publish(actor=second, article=article)
    return item, article


def test_revised_content_stays_online_until_a_second_admin_publishes_it(site, published):
    item, article = published
    page = site.page

    # The first admin revises the item: a revision beside the live version, edited and submitted.
    site.login("rev_admin1")
    site.go(f"/disclosure/staff/catalogue/{item.pk}/")
    page.get_by_role("button", name="修订（生成新版本草稿）").click()
    expect(page.get_by_text("已生成修订稿")).to_be_visible()
    page.get_by_role("link", name="修改修订稿").click()
    page.get_by_label("设定依据").fill(NEW_BASIS)
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存。")).to_be_visible()
    expect(page.get_by_role("table", name="修订稿与现行版本的差异")).to_contain_text(NEW_BASIS)
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核。")).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-revision-staff")

    # And the article.
    site.go(f"/disclosure/staff/articles/{article.pk}/")
    page.get_by_role("button", name="修订（生成新版本草稿）").click()
    page.get_by_role("link", name="修改修订稿").click()
    page.get_by_label("正文").fill(NEW_BODY)
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核。")).to_be_visible()
    site.logout()

    # Meanwhile the public pages and the search still show the live versions.
    site.go(f"/disclosure/catalogue/{item.code}/")
    expect(page.get_by_text(OLD_BASIS, exact=True)).to_be_visible()
    expect(page.get_by_text(NEW_BASIS)).to_have_count(0)
    site.go(f"/disclosure/articles/{article.pk}/")
    expect(page.get_by_text(OLD_BODY)).to_be_visible()
    expect(page.get_by_text(NEW_BODY)).to_have_count(0)
    site.go("/disclosure/search/?q=食品经营许可")
    expect(page.get_by_role("link", name="食品经营许可", exact=True)).to_be_visible()

    # The second admin finds both revisions waiting: on the workbench, and in the lists.
    site.login("rev_admin2")
    site.go("/workbench/")
    expect(page.get_by_role("link", name="待审核公开信息 1 条")).to_be_visible()
    page.get_by_role("link", name="待审核目录事项 1 项").click()
    row = page.get_by_role("row", name="食品经营许可")
    expect(row).to_contain_text("已发布")
    expect(row).to_contain_text("修订稿待审核")
    site.check_a11y()
    site.screenshot("disclosure-revision-waiting", phone=True)

    # And publishes both revisions.
    site.go(f"/disclosure/staff/catalogue/{item.pk}/")
    page.get_by_role("button", name="审核通过并发布").click()
    expect(page.get_by_text("已发布。", exact=True)).to_be_visible()
    site.go(f"/disclosure/staff/articles/{article.pk}/")
    page.get_by_role("button", name="审核通过并发布").click()
    expect(page.get_by_text("已发布。", exact=True)).to_be_visible()
    site.logout()

    # Now the public pages show the new versions, and the history says what changed.
    site.go(f"/disclosure/catalogue/{item.code}/")
    expect(page.get_by_text(NEW_BASIS, exact=True)).to_be_visible()
    page.get_by_role("link", name="版本记录").click()
    expect(page.get_by_role("heading", name="第 2 版", exact=False)).to_be_visible()
    expect(page.get_by_role("cell", name=NEW_BASIS)).to_be_visible()
    site.check_a11y()
    site.screenshot("disclosure-item-history", phone=True)
    site.go(f"/disclosure/articles/{article.pk}/")
    expect(page.get_by_text(NEW_BODY)).to_be_visible()
    expect(page.get_by_text(OLD_BODY)).to_have_count(0)

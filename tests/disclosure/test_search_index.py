"""The search page (全网信息检索) over disclosure's items and articles: matching, filters, escaping."""

import pytest
from django.utils import timezone

from portal.search.index import search_index_remove, search_index_upsert
from tests.disclosure.catalogue_helpers import admin, market, published_item
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
URL = "/disclosure/search/"


@pytest.fixture
def food_item():
    return published_item(
        name="食品经营许可",
        code="market-001",
        department=market(),
        content="从事食品销售和餐饮服务活动，应当依法取得食品经营许可。",
    )


def article(n, title, body="", department=None):
    return search_index_upsert(
        kind="article",
        obj_id=n,
        title=title,
        fields={"body": body},
        department=department,
        url=f"/disclosure/articles/{n}/",
        published_at=timezone.now(),
    )


def test_a_two_character_query_finds_the_item(client, food_item):
    page = client.get(URL, {"q": "食品"}).content.decode()

    assert '<mark class="p-0">食品</mark>经营许可' in page
    assert f'href="/disclosure/catalogue/{food_item.code}/"' in page


def test_a_four_character_query_finds_the_item(client, food_item):
    page = client.get(URL, {"q": "食品经营"}).content.decode()

    assert f'href="/disclosure/catalogue/{food_item.code}/"' in page
    assert '<mark class="p-0">食品经营</mark>许可' in page


def test_unrelated_query_finds_nothing(client, food_item):
    page = client.get(URL, {"q": "殡葬管理"}).content.decode()

    assert "没有找到相关信息" in page


def test_drafts_are_not_searchable(client):
    from tests.disclosure.factories import CatalogueItemFactory

    CatalogueItemFactory(name="建设工程规划许可证核发")
    assert "没有找到相关信息" in client.get(URL, {"q": "规划"}).content.decode()


def test_an_indexed_article_is_found_and_a_removed_one_is_not(client):
    article(7, "关于开展食品安全专项检查的通知", "全县范围内开展食品安全检查。")
    assert "/disclosure/articles/7/" in client.get(URL, {"q": "食品安全"}).content.decode()

    search_index_remove(kind="article", obj_id=7)

    assert "/disclosure/articles/7/" not in client.get(URL, {"q": "食品安全"}).content.decode()


def test_the_match_is_highlighted_and_html_is_escaped(client):
    article(1, "<script>alert(1)</script>食品抽检结果", "<b>食品</b>抽检")
    page = client.get(URL, {"q": "食品"}).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert '&lt;script&gt;alert(1)&lt;/script&gt;<mark class="p-0">食品</mark>抽检结果' in page
    assert '&lt;b&gt;<mark class="p-0">食品</mark>&lt;/b&gt;' in page


def test_a_query_with_markup_is_escaped(client, food_item):
    page = client.get(URL, {"q": "<i>食品</i>"}).content.decode()

    assert "<i>食品</i>" not in page


def test_filter_by_type(client, food_item):
    article(1, "食品安全宣传周活动")
    page = client.get(URL, {"q": "食品", "kind": "article"}).content.decode()

    assert "宣传周" in page and "/disclosure/catalogue/market-001/" not in page


def test_the_type_filter_lists_every_registered_kind(client):
    page = client.get(URL).content.decode()

    for label in ("办事事项", "公开信息", "诉求答复", "办理结果公示"):
        assert f">{label}</option>" in page


def test_filter_by_department(client, food_item):
    other = DepartmentFactory(code="civil", name="县民政局")
    article(1, "食品救助物资发放公示", department=other)
    page = client.get(URL, {"q": "食品", "department": other.pk}).content.decode()

    assert "救助物资" in page and "/disclosure/catalogue/market-001/" not in page


def test_a_withdrawn_item_is_found_marked_withdrawn(client, food_item):
    from disclosure.services.catalogue.publishing import item_withdraw

    item_withdraw(actor=admin("w"), item=food_item, reason="职能调整")
    page = client.get(URL, {"q": "食品经营"}).content.decode()

    assert "/disclosure/catalogue/market-001/" in page and "已撤回" in page


def test_bad_filters_do_not_fail(client, food_item):
    response = client.get(URL, {"q": "食品", "kind": "nope", "department": "x", "page": "999"})

    assert response.status_code == 200


def test_an_unknown_filter_is_ignored_and_the_query_still_runs(client, food_item):
    page = client.get(URL, {"q": "食品", "kind": "nope", "department": "x"}).content.decode()

    assert "/disclosure/catalogue/market-001/" in page


def test_empty_query_shows_the_prompt(client):
    assert "请输入要查找" in client.get(URL).content.decode()


def test_results_are_paginated_with_a_flat_query_count(client, django_assert_max_num_queries):
    for n in range(45):
        article(n, f"食品安全信息第{n}期")
    with django_assert_max_num_queries(6):
        first = client.get(URL, {"q": "食品"})
    with django_assert_max_num_queries(6):
        third = client.get(URL, {"q": "食品", "page": 3})

    assert "第 1 / 3 页" in first.content.decode()
    assert third.content.decode().count("安全信息第") == 5


def test_a_removed_entry_disappears_at_once_despite_the_page_cache(client):
    article(3, "食品抽检结果公告")
    assert "/disclosure/articles/3/" in client.get(URL, {"q": "食品"}).content.decode()

    search_index_remove(kind="article", obj_id=3)

    assert "/disclosure/articles/3/" not in client.get(URL, {"q": "食品"}).content.decode()


@pytest.mark.postgres
def test_postgres_fuzzy_match_finds_a_title_with_a_typo(client, food_item):
    page = client.get(URL, {"q": "食品经营许"}).content.decode()

    assert "/disclosure/catalogue/market-001/" in page

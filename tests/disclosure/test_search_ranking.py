"""What people type finds the right thing first: every public field, synonyms, ranking, suggestions."""

import datetime

import pytest
from django.utils import timezone

from portal.search.index import search_index_upsert
from portal.search.models import SearchEntry, SearchSynonym
from tests.disclosure.catalogue_helpers import market, published_item
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
URL = "/disclosure/search/"


def article(n, title, body="", days_ago=0):
    return search_index_upsert(
        kind="article",
        obj_id=n,
        title=title,
        fields={"body": body},
        department=None,
        url=f"/disclosure/articles/{n}/",
        published_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def results(client, q, **params) -> list[str]:
    """The result links of a search, in the order shown."""
    response = client.get(URL, {"q": q, **params})
    return [row["url"] for row in response.context["page"].object_list]


def civil():
    return DepartmentFactory(code="civil", name="县民政局")


def test_an_item_stores_every_public_field_of_its_guide():
    item = published_item(
        name="最低生活保障审批",
        department=civil(),
        content="对低收入家庭给予基本生活保障。",
        conditions="家庭人均收入低于当地标准。",
        legal_basis="《社会救助暂行办法》",
        fee_standard="不收费",
        service_place="乡镇便民服务中心",
        materials=["最低生活保障申请书", "户口簿、身份证"],
    )
    entry = SearchEntry.objects.get(kind="item", object_id=item.pk)

    assert entry.fields["materials"] == "最低生活保障申请书；户口簿、身份证"
    assert entry.fields["conditions"] == "家庭人均收入低于当地标准。"
    assert entry.fields["legal_basis"] == "《社会救助暂行办法》"
    assert entry.fields["fees"] == "不收费"
    assert entry.fields["handling"] == "县民政局；乡镇便民服务中心"
    assert entry.fields["content"] == "对低收入家庭给予基本生活保障。"
    assert entry.rank < SearchEntry.objects.model._meta.get_field("rank").default


def test_a_word_only_in_the_materials_finds_the_item_and_says_so(client):
    item = published_item(
        name="农村村民宅基地审批", code="town-001", materials=["建房申请表", "户口簿"]
    )
    page = client.get(URL, {"q": "户口簿"}).content.decode()

    assert f'href="/disclosure/catalogue/{item.code}/"' in page
    assert "匹配：申请材料" in page
    assert '建房申请表；<mark class="p-0">户口簿</mark>' in page


def test_a_word_in_the_legal_basis_names_that_field(client):
    published_item(name="公益性公墓建设审批", legal_basis="《殡葬管理条例》第八条")
    page = client.get(URL, {"q": "殡葬管理条例"}).content.decode()

    assert "匹配：设定依据" in page and '<mark class="p-0">殡葬管理条例</mark>' in page


def test_an_item_comes_before_an_article_for_a_service_name(client):
    newer = article(1, "食品经营许可办理指南发布", days_ago=0)
    item = published_item(name="食品经营许可", code="market-001", department=market())
    SearchEntry.objects.filter(kind="item").update(
        published_at=timezone.now() - datetime.timedelta(days=30)
    )

    assert results(client, "食品经营许可") == [item.get_absolute_url(), newer.url]


def test_a_title_match_comes_before_a_match_in_the_text(client):
    in_text = article(1, "本周政务动态", "个体户可在窗口领取营业执照。", days_ago=0)
    in_title = article(2, "营业执照办理流程说明", days_ago=9)

    assert results(client, "营业执照") == [in_title.url, in_text.url]


def test_among_equals_the_newest_comes_first(client):
    old = article(1, "食品安全抽检公告（一）", days_ago=5)
    new = article(2, "食品安全抽检公告（二）", days_ago=1)

    assert results(client, "食品安全") == [new.url, old.url]


def test_a_synonym_widens_the_query(client):
    item = published_item(name="户口迁移登记", code="police-001", materials=["户口簿"])

    assert results(client, "户籍") == [item.get_absolute_url()]


def test_a_synonym_typed_whole_is_one_word(client):
    item = published_item(name="最低生活保障审批", code="civil-001", department=civil())

    assert results(client, "低保") == [item.get_absolute_url()]


def test_the_synonym_found_is_highlighted(client):
    published_item(name="最低生活保障审批", code="civil-001", department=civil())
    page = client.get(URL, {"q": "低保"}).content.decode()

    assert '<mark class="p-0">最低生活保障</mark>审批' in page


def test_an_inactive_synonym_does_not_widen(client):
    SearchSynonym.objects.filter(words__contains="户籍").update(is_active=False)
    published_item(name="户口迁移登记", code="police-001")

    assert results(client, "户籍") == []


def test_an_admin_edit_of_the_synonyms_applies_at_once(client):
    published_item(name="残疾人两项补贴申请", code="civil-009")
    assert results(client, "残补") == []

    SearchSynonym.objects.create(words="残补 残疾人两项补贴")

    assert results(client, "残补") != []


def test_nothing_found_suggests_words_that_find_something(client):
    published_item(name="户口迁移登记", code="police-001")
    page = client.get(URL, {"q": "户籍证明开具"}).content.decode()

    assert "没有找到相关信息" in page
    assert "您是不是要找：" in page
    assert '<a class="me-2" href="/disclosure/search/?q=%E6%88%B7%E5%8F%A3">户口</a>' in page


def test_a_word_inside_a_synonym_suggests_it(client):
    published_item(name="内地居民婚姻登记", code="civil-002", content="办理结婚登记。")
    page = client.get(URL, {"q": "结婚证补办"}).content.decode()

    assert "您是不是要找：" in page and ">结婚登记</a>" in page


def test_no_suggestion_when_nothing_could_help(client):
    published_item(name="户口迁移登记", code="police-001")
    page = client.get(URL, {"q": "殡葬"}).content.decode()

    assert "没有找到相关信息" in page and "您是不是要找" not in page


def test_the_results_page_query_count_is_pinned(client, django_assert_num_queries):
    for n in range(25):
        article(n, f"营业执照办理公告第{n}期", "营业执照")
    client.get(URL, {"q": "营业执照"})  # the synonyms map and departments are cached

    with django_assert_num_queries(2):
        client.get(URL, {"q": "营业执照", "page": 2})

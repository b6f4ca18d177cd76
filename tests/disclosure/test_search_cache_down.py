"""The public search, catalogue and home pages while Redis (their page cache) is down."""

import pytest

from tests.disclosure.catalogue_helpers import market, published_item
from tests.disclosure.factories import published_article

pytestmark = pytest.mark.django_db


def test_search_finds_a_published_item(client, redis_down):
    item = published_item(name="食品经营许可", code="market-001", department=market())
    page = client.get("/disclosure/search/", {"q": "食品"})
    assert page.status_code == 200
    assert f'href="/disclosure/catalogue/{item.code}/"' in page.content.decode()


def test_an_item_published_during_the_outage_is_listed_at_once(client, redis_down):
    published_item(name="食品经营许可", code="market-001", department=market())
    assert "market-001" in client.get("/disclosure/catalogue/").content.decode()
    published_item(name="药品零售许可", code="market-002", department=market())
    assert "药品零售许可" in client.get("/disclosure/catalogue/").content.decode()


def test_an_article_published_during_the_outage_is_on_the_home_page_at_once(client, redis_down):
    published_article(title="城关镇道路维修完工")
    assert "城关镇道路维修完工" in client.get("/").content.decode()
    published_article(title="供水管网检修通知")
    assert "供水管网检修通知" in client.get("/").content.decode()

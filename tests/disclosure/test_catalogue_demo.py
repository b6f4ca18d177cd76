import pytest
from django.urls import reverse

from disclosure.demo import catalogue as demo_catalogue
from disclosure.models import CatalogueItem
from portal import demo as portal_demo
from portal.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue_is_published_searchable_and_idempotent():
    portal_demo.seed()
    logins = demo_catalogue.seed(scale=1)
    demo_catalogue.seed(scale=1)

    assert ("admin", "管理员：审核发布、撤回目录事项，批量导入导出") in logins
    assert CatalogueItem.objects.published().count() == 15
    assert CatalogueItem.objects.filter(status="withdrawn").count() == 1
    assert CatalogueItem.objects.filter(status="review").count() == 1
    assert SearchEntry.objects.filter(kind="item").count() == 16


def test_the_demo_item_with_two_versions_shows_what_changed(client):
    portal_demo.seed()
    demo_catalogue.seed(scale=1)
    demo_catalogue.seed(scale=1)
    page = client.get(reverse("disclosure:catalogue_item_history", args=[demo_catalogue.REVISED]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "第 2 版" in text and "家庭经济状况核对授权书" in text

import pytest

from disclosure.demo import catalogue as demo_catalogue
from disclosure.models import CatalogueItem, SearchEntry
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue_is_published_searchable_and_idempotent():
    portal_demo.seed()
    logins = demo_catalogue.seed(scale=1)
    demo_catalogue.seed(scale=1)

    assert ("admin", "管理员：审核发布、撤回目录事项，批量导入导出") in logins
    assert CatalogueItem.objects.published().count() == 14
    assert CatalogueItem.objects.filter(status="withdrawn").count() == 1
    assert CatalogueItem.objects.filter(status="review").count() == 1
    assert SearchEntry.objects.filter(kind="item").count() == 15

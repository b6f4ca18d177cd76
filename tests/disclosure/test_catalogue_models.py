from decimal import Decimal

import pytest
from django.db import IntegrityError

from disclosure.models import CatalogueItem, CatalogueMaterial
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def make_item(**overrides):
    fields = {
        "name": "食品经营许可",
        "code": "market-001",
        "kind": CatalogueItem.Kind.LICENSING,
        "department": DepartmentFactory(),
        "time_limit_days": 10,
    }
    fields.update(overrides)
    return CatalogueItem.objects.create(**fields)


def test_published_queryset_returns_only_published_items():
    published = make_item(code="a", status=CatalogueItem.Status.PUBLISHED)
    make_item(code="b", status=CatalogueItem.Status.DRAFT)
    make_item(code="c", status=CatalogueItem.Status.WITHDRAWN)

    assert list(CatalogueItem.objects.published()) == [published]


def test_withdrawn_item_stays_findable():
    withdrawn = make_item(code="w", status=CatalogueItem.Status.WITHDRAWN)

    assert withdrawn in CatalogueItem.objects.findable()
    assert withdrawn.is_withdrawn


def test_every_version_of_an_item_is_kept():
    item = make_item()
    item.status = CatalogueItem.Status.PUBLISHED
    item.save()

    assert item.history.count() == 2


def test_code_is_unique():
    make_item(code="dup")
    with pytest.raises(IntegrityError):
        make_item(code="dup")


def test_negative_fee_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        make_item(fee=Decimal("-1"))


def test_materials_are_ordered():
    item = make_item()
    second = CatalogueMaterial.objects.create(item=item, name="营业执照", order=2)
    first = CatalogueMaterial.objects.create(item=item, name="申请书", order=1)

    assert list(item.materials.all()) == [first, second]


def test_items_and_articles_share_the_publication_statuses_the_workflow_knows():
    from disclosure.models import Article, CatalogueItem
    from disclosure.transitions.publication import PUBLICATION_MOVES

    used = set().union(*PUBLICATION_MOVES.values())
    assert set(CatalogueItem.Status.values) == set(Article.Status.values) == used

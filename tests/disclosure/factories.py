"""Factories of the disclosure pillar; each part appends its own."""

import factory
from django.utils import timezone

from disclosure.models import CatalogueItem, CatalogueMaterial
from tests.factories import DepartmentFactory

# --- Catalogue -----------------------------------------------------------------------------------


class CatalogueItemFactory(factory.django.DjangoModelFactory):
    """A draft item; `CatalogueItemFactory(published=True)` gives a published one (version 1)."""

    class Meta:
        model = CatalogueItem
        skip_postgeneration_save = True

    class Params:
        published = factory.Trait(
            status=CatalogueItem.Status.PUBLISHED,
            version=1,
            published_at=factory.LazyFunction(timezone.now),
        )

    name = factory.Sequence(lambda n: f"测试事项{n}")
    code = factory.Sequence(lambda n: f"T-{n:05d}")
    kind = CatalogueItem.Kind.LICENSING
    department = factory.SubFactory(DepartmentFactory)
    content = "对申请人提交的材料进行审查并作出决定。"
    legal_basis = "《中华人民共和国行政许可法》"
    conditions = "申请人具有完全民事行为能力。"
    time_limit_days = 10
    supervision_phone = "0571-12345678"

    @factory.post_generation
    def materials(self, create, extracted, **kwargs):
        names = ["申请书", "身份证明"] if extracted is None else extracted
        for order, name in enumerate(names, start=1):
            CatalogueMaterialFactory(item=self, name=name, order=order)


class CatalogueMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogueMaterial

    item = factory.SubFactory(CatalogueItemFactory, materials=[])
    name = factory.Sequence(lambda n: f"材料{n}")
    order = factory.Sequence(lambda n: n)

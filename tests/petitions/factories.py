import factory

from petitions.models import Category, RoutingRule
from tests.factories import DepartmentFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"投诉类别{n}")
    code = factory.Sequence(lambda n: f"cat-{n}")
    kind = Category.Kind.COMPLAINT
    sign_limit = 1
    reply_limit = 15


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    category = factory.SubFactory(CategoryFactory)
    department = factory.SubFactory(DepartmentFactory)

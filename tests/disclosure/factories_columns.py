"""Factories and helpers of the disclosure columns and information reporting."""

import factory
from django.utils import timezone

from disclosure import columns_services as services
from disclosure.models import Article, Column, InfoReport
from portal.models import User
from portal.roles import Role
from tests.factories import DepartmentFactory, StaffFactory


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"测试栏目{n}")
    slug = factory.Sequence(lambda n: f"column-{n}")
    department = factory.SubFactory(DepartmentFactory)
    update_interval_days = 30
    order = factory.Sequence(lambda n: n)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft article; take it through the services to publish it (see `published_article`)."""

    class Meta:
        model = Article

    column = factory.SubFactory(ColumnFactory)
    department = factory.SelfAttribute("column.department")
    title = factory.Sequence(lambda n: f"关于测试工作的通知（{n}号）")
    body = "为做好有关工作，现将有关事项通知如下。"
    created_at = factory.LazyFunction(timezone.now)
    changed_at = factory.SelfAttribute("created_at")


class InfoReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InfoReport

    department = factory.SubFactory(DepartmentFactory)
    submitted_by = factory.SubFactory(
        StaffFactory, department=factory.SelfAttribute("..department")
    )
    title = factory.Sequence(lambda n: f"我镇开展测试工作（{n}）")
    body = "近日，我镇组织开展了测试工作，取得了良好效果。"


def admin(username="col_admin") -> User:
    existing = User.objects.filter(username=username).first()
    return existing or StaffFactory(username=username, roles=[Role.ADMIN], real_name="管理员丙")


def published_article(*, drafter=None, reviewer=None, at=None, **fields) -> Article:
    """An article taken through the real workflow: drafted, submitted, published."""
    article = ArticleFactory(**fields)
    services.article_submit(actor=drafter or admin("col_drafter"), article=article)
    return services.article_publish(
        actor=reviewer or admin("col_reviewer"), article=article, now=at
    )

"""Factories and helpers of the disclosure pillar, one section per area."""

import datetime

import factory
from django.utils import timezone

from disclosure.models import (
    Article,
    CatalogueItem,
    CatalogueMaterial,
    Column,
    InfoReport,
    InformationRequest,
)
from disclosure.services import columns as columns_services
from disclosure.services.requests.receipt import ApplicantData, request_file
from portal.models import User
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

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
    legal_limit_days = 20
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


# --- Columns and information reporting -----------------------------------------------------------


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
    columns_services.article_submit(actor=drafter or admin("col_drafter"), article=article)
    return columns_services.article_publish(
        actor=reviewer or admin("col_reviewer"), article=article, now=at
    )


# --- Requests (依申请公开) ----------------------------------------------------------------------------


def at(text: str) -> datetime.datetime:
    """An aware Beijing-time moment from 'YYYY-MM-DD HH:MM'."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def office_department():
    return DepartmentFactory(code="gov-office", name="县政府办公室")


def office_clerk(**kwargs):
    return StaffFactory(roles=[Role.WINDOW_CLERK], department=office_department(), **kwargs)


def office_head(**kwargs):
    return StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=office_department(), **kwargs)


def file_request(
    applicant=None, *, received="2026-11-02 10:00", description="请公开2026年本县财政预算执行情况。"
) -> InformationRequest:
    """A request received at `received` (a Monday by default), its clock running."""
    office_department()
    applicant = applicant or CitizenFactory()
    return request_file(
        applicant=applicant,
        data=ApplicantData(
            name=applicant.real_name or "申请人", phone=applicant.mobile or "13900000000"
        ),
        description=description,
        at=at(received) if isinstance(received, str) else received,
    )

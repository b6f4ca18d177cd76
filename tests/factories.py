"""Factories for the portal's people and departments, shared by every pillar's tests."""

import factory
from django.contrib.auth.models import Group

from portal.identity import credit_code_check_character, resident_id_check_digit
from portal.models import Department, User
from portal.roles import Role

PASSWORD = "Zhengwu#2026"


def make_resident_id(n: int, birth: str = "19850312") -> str:
    first17 = f"331023{birth}{n % 1000:03d}"
    return first17 + resident_id_check_digit(first17)


def make_credit_code(n: int) -> str:
    first17 = f"91331023MA{n % 10_000_000:07d}"
    return first17 + credit_code_check_character(first17)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"县测试局{n}")
    code = factory.Sequence(lambda n: f"dept-{n}")
    kind = Department.Kind.BUREAU
    parent = factory.LazyFunction(
        lambda: Department.objects.get_or_create(
            code="county", defaults={"name": "测试县", "kind": "county"}
        )[0]
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")


class CitizenFactory(UserFactory):
    kind = User.Kind.CITIZEN
    real_name = factory.Sequence(lambda n: f"张{n}")
    mobile = factory.Sequence(lambda n: f"139{n:08d}")
    username = factory.SelfAttribute("mobile")
    resident_id = factory.Sequence(make_resident_id)


class EnterpriseFactory(UserFactory):
    kind = User.Kind.ENTERPRISE
    organization_name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    real_name = factory.Sequence(lambda n: f"李{n}")
    mobile = factory.Sequence(lambda n: f"138{n:08d}")
    credit_code = factory.Sequence(make_credit_code)
    username = factory.SelfAttribute("credit_code")


class StaffFactory(UserFactory):
    """A member of staff; `roles=[Role.WINDOW_CLERK]` puts them in role groups."""

    kind = User.Kind.STAFF
    real_name = factory.Sequence(lambda n: f"王{n}")
    department = factory.SubFactory(DepartmentFactory)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=Role(role).value)[0])

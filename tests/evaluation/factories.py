import factory

from evaluation.models import RatedPerson
from tests.factories import DepartmentFactory


class RatedPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RatedPerson

    name = factory.Sequence(lambda n: f"测评{n}")
    gender = RatedPerson.Gender.FEMALE
    position = "科员"
    department = factory.SubFactory(DepartmentFactory)
    responsibilities = "办理营业执照登记"

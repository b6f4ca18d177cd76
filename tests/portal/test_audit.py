import pytest
from django.urls import reverse

from portal.audit import acting_as
from portal.models import Department
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_history_names_the_user_of_a_request(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    client.post(reverse("portal:profile_edit"), {"email": "new@example.com", "address": ""})
    assert citizen.history.latest().history_user == citizen


def test_history_names_the_actor_given_to_a_task_or_command():
    admin = StaffFactory()
    with acting_as(admin):
        department = DepartmentFactory()
    assert department.history.latest().history_user == admin


def test_acting_as_nobody_records_the_system():
    with acting_as(None):
        department = DepartmentFactory()
    assert department.history.latest().history_user is None


def test_history_is_kept_for_every_change():
    department = DepartmentFactory(name="县旧名局")
    department.name = "县新名局"
    department.save()
    assert [
        h.name for h in Department.history.filter(id=department.id).order_by("history_date")
    ] == ["县旧名局", "县新名局"]

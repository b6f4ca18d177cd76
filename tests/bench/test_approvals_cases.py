import pytest
from django.urls import reverse

from approvals.models import Case, CaseTask
from bench.loaders import approvals_cases
from portal.models import User

pytestmark = pytest.mark.django_db


def test_loading_twice_adds_cases_to_the_same_department_and_citizen(client):
    first = approvals_cases.load(30)
    again = approvals_cases.load(20)
    assert first == again
    assert Case.objects.count() == 50
    assert CaseTask.objects.filter(status="active").count() == 50
    assert Case.objects.filter(clock__isnull=True, acceptance_clock__isnull=True).count() == 0
    client.force_login(User.objects.get(username=first["user"]))
    response = client.get(first["queue"])
    assert response.status_code == 200 and "QSB" in response.content.decode()
    assert client.get(first["case"]).status_code == 200
    assert first["queue"] == reverse("approvals:queue")

"""A village agent (村级代办员) is staff, but never on the staff side of a case."""

import pytest
from django.urls import reverse

from approvals.services.handling.acceptance import case_accept
from portal.errors import DomainError
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(department):
    """An agent posted in the handling department itself: his department gives him nothing."""
    return StaffFactory(roles=[Role.VILLAGE_AGENT], department=department)


@pytest.fixture
def filed(process, citizen, agent):
    return CaseFactory(process=process, applicant=citizen, agent=agent, stage="in_progress")


@pytest.mark.parametrize("name", ["approvals:staff_case", "approvals:staff_history"])
def test_the_agent_gets_404_on_the_staff_pages_of_the_case_he_filed(client, agent, filed, name):
    client.force_login(agent)
    assert client.get(reverse(name, args=[filed.pk])).status_code == 404


def test_the_agent_gets_404_on_a_staff_move(client, agent, filed):
    client.force_login(agent)
    url = reverse("approvals:staff_act", args=[filed.pk, "pass"])
    assert client.post(url, {"pass-opinion": "同意"}).status_code == 404
    assert filed.tasks.filter(status="active").exists()


def test_the_agent_gets_404_on_the_queue(client, agent, filed):
    client.force_login(agent)
    assert client.get(reverse("approvals:queue")).status_code == 404


def test_the_agent_still_follows_the_case_on_the_citizen_side(client, agent, filed):
    client.force_login(agent)
    assert client.get(reverse("approvals:case", args=[filed.pk])).status_code == 200


def test_the_clerk_of_the_department_keeps_the_staff_page(client, crew, filed):
    client.force_login(crew.clerk)
    assert client.get(reverse("approvals:staff_case", args=[filed.pk])).status_code == 200


def test_a_clerk_who_filed_as_agent_does_not_see_that_case_on_the_staff_side(
    client, crew, process, citizen
):
    crew.clerk.groups.add(*StaffFactory(roles=[Role.VILLAGE_AGENT]).groups.all())
    case = CaseFactory(process=process, applicant=citizen, agent=crew.clerk)
    client.force_login(crew.clerk)
    assert client.get(reverse("approvals:staff_case", args=[case.pk])).status_code == 404


def test_an_agent_cannot_accept_through_the_service(agent, process):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError):
        case_accept(actor=agent, case=case)
    case.refresh_from_db()
    assert case.status == "submitted"

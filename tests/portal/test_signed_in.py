"""The user of each request: read with their roles, and never kept beyond the request."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.models import User
from portal.roles import Role
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.mark.postgres
def test_the_user_and_their_roles_are_read_in_one_query(django_assert_num_queries):
    staff = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    with django_assert_num_queries(1):
        user = User.objects.signed_in(staff.pk)
        assert user.has_role(Role.DISCIPLINE_INSPECTOR)
        assert not user.has_role(Role.LEADER)


def test_a_role_taken_away_is_gone_on_the_next_request(client):
    staff = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    client.force_login(staff)
    assert client.get(reverse("supervision:dashboard")).status_code == 200
    staff.groups.remove(Group.objects.get(name=Role.DISCIPLINE_INSPECTOR))
    assert client.get(reverse("supervision:dashboard")).status_code == 404


def test_a_deactivated_account_is_signed_out_on_its_next_request(client):
    staff = StaffFactory(roles=[Role.WINDOW_CLERK])
    client.force_login(staff)
    staff.is_active = False
    staff.save()
    response = client.get(reverse("portal:workbench"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:login"))


def test_a_deleted_account_is_signed_out_on_its_next_request(client):
    staff = StaffFactory(roles=[Role.WINDOW_CLERK])
    client.force_login(staff)
    User.objects.filter(pk=staff.pk).delete()
    response = client.get(reverse("portal:workbench"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:login"))

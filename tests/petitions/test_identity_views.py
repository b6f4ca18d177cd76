"""The identity page and admin: closed to departments, every opening logged."""

import pytest
from django.urls import reverse

from petitions.models import IdentityAccess

pytestmark = pytest.mark.django_db


def test_department_cannot_open_the_identity_page(client, dispatched, clerk):
    client.force_login(clerk)
    assert (
        client.get(reverse("petitions:staff_identity", args=[dispatched.number])).status_code == 404
    )


def test_identity_admin_logs_each_opening(client, dispatched, operator):
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    url = f"/admin/petitions/complainantidentity/{dispatched.identity.pk}/change/"
    assert client.get(url).status_code == 200
    assert IdentityAccess.objects.filter(user=operator, complaint=dispatched).count() == 1


def test_identity_admin_is_closed_to_staff_without_the_permission(client, dispatched, clerk):
    clerk.is_staff = True
    clerk.save()
    client.force_login(clerk)
    url = f"/admin/petitions/complainantidentity/{dispatched.identity.pk}/change/"
    assert client.get(url).status_code in (302, 403, 404)

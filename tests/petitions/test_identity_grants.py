"""Who may read an identity: the permission AND not in the handling or reported unit or above it.
Granting and revoking the permission is audited (who granted whom, when)."""

import pytest
from django.urls import reverse

from petitions.models import Complaint, IdentityAccess, IdentityPermissionChange
from petitions.services import identity as identity_services
from petitions.services.complaints import filing as filing_services
from portal.errors import DomainError
from portal.roles import Role
from tests.factories import DepartmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return StaffFactory(roles=[Role.ADMIN], real_name="系统管理员")


@pytest.fixture
def grant(admin_user):
    def _grant(user):
        return identity_services.identity_permission_grant(actor=admin_user, user=user)

    return _grant


def test_grant_is_audited_and_gives_the_permission(grant, admin_user, other_clerk, dispatched):
    change = grant(other_clerk)
    assert (change.actor, change.user, change.action) == (admin_user, other_clerk, "granted")
    person = identity_services.identity_read(
        actor=other_clerk, complaint=dispatched, purpose="核查"
    )
    assert person.phone == "13911112222"


def test_revoke_is_audited_and_takes_the_permission(grant, admin_user, other_clerk, dispatched):
    grant(other_clerk)
    identity_services.identity_permission_revoke(actor=admin_user, user=other_clerk)
    assert list(
        IdentityPermissionChange.objects.order_by("id").values_list("action", flat=True)
    ) == ["granted", "revoked"]
    other_clerk = type(other_clerk).objects.get(pk=other_clerk.pk)
    with pytest.raises(DomainError):
        identity_services.identity_read(actor=other_clerk, complaint=dispatched, purpose="核查")


def test_only_an_administrator_grants(operator, other_clerk):
    with pytest.raises(DomainError):
        identity_services.identity_permission_grant(actor=operator, user=other_clerk)
    assert not IdentityPermissionChange.objects.exists()


def test_handling_department_cannot_read_even_with_the_permission(grant, clerk, dispatched):
    grant(clerk)
    with pytest.raises(DomainError, match="依法不得查看"):
        identity_services.identity_read(actor=clerk, complaint=dispatched, purpose="核查")
    assert not IdentityAccess.objects.exists()


def test_a_unit_above_the_reported_cannot_read(grant, category, department, hotline_department):
    station = DepartmentFactory(code="market-east", parent=department)
    head = StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=department)
    grant(head)
    complaint, _code = filing_services.complaint_file(
        actor=None,
        category=category,
        title="举报",
        content="内容",
        names_official=True,
        reported_department=station,
        is_anonymous=True,
    )
    complaint = Complaint.objects.get(pk=complaint.pk)
    with pytest.raises(DomainError):
        identity_services.identity_read(actor=head, complaint=complaint, purpose="核查")


def test_identity_page_is_404_for_a_holder_in_the_handling_unit(client, grant, clerk, dispatched):
    grant(clerk)
    client.force_login(clerk)
    url = reverse("petitions:staff_identity", args=[dispatched.number])
    assert client.get(url).status_code == 404


def test_administrator_grants_on_the_page(client, admin_user, other_clerk):
    client.force_login(admin_user)
    url = reverse("petitions:staff_identity_grants")
    response = client.post(url, {"user": other_clerk.pk}, follow=True)
    page = response.content.decode()
    assert "已授予查看投诉人身份的权限" in page and "住建局承办人" in page
    assert IdentityPermissionChange.objects.get().user == other_clerk
    response = client.post(
        reverse("petitions:staff_identity_revoke", args=[other_clerk.pk]), follow=True
    )
    assert "已撤销" in response.content.decode()
    assert IdentityPermissionChange.objects.count() == 2


def test_grants_page_is_closed_to_others(client, operator):
    client.force_login(operator)
    assert client.get(reverse("petitions:staff_identity_grants")).status_code == 404


def test_a_superuser_without_the_audited_grant_cannot_read(other_clerk, dispatched):
    other_clerk.is_superuser = True
    other_clerk.save()

    with pytest.raises(DomainError):
        identity_services.identity_read(actor=other_clerk, complaint=dispatched, purpose="核查")
    assert not IdentityAccess.objects.exists()

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.models import OutboxMessage
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return StaffFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(
    "model",
    [
        "user",
        "department",
        "staffrelation",
        "calendarday",
        "calendaryear",
        "outboxmessage",
        "inboxmessage",
    ],
)
def test_admin_lists_render(admin_client, model):
    assert admin_client.get(reverse(f"admin:portal_{model}_changelist")).status_code == 200


def test_admin_warns_while_next_year_is_not_loaded(admin_client):
    body = admin_client.get(reverse("admin:index")).content.decode()
    assert "尚未载入工作日历" in body


def test_failed_messages_can_be_retried(admin_client):
    message = OutboxMessage.objects.create(
        channel="sms", address="13912345678", body="…", status="failed"
    )
    admin_client.post(
        reverse("admin:portal_outboxmessage_changelist"),
        {"action": "retry_failed", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert message.status == "pending"


def test_every_registered_admin_list_renders(admin_client, superuser):
    from django.contrib import admin

    # The complainant-identity lists open only with the audited grant, superusers included.
    superuser.user_permissions.add(Permission.objects.get(codename="view_complainant_identity"))
    broken = []
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        if admin_client.get(url).status_code != 200:
            broken.append(url)
    assert broken == []


def test_a_superuser_without_the_grant_cannot_list_identities(admin_client):
    response = admin_client.get(reverse("admin:petitions_complainantidentity_changelist"))

    assert response.status_code == 403

"""Failed sign-ins lock per account whatever alias was typed, and per address."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal import services
from portal.models import PhoneCode
from portal.phone_codes import PhoneCodeError
from tests.factories import PASSWORD, CitizenFactory
from tests.phone_codes import CODE, issue_code

pytestmark = pytest.mark.django_db


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("portal:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_failures_typed_as_different_aliases_lock_the_account(client, settings):
    citizen = CitizenFactory()
    aliases = [citizen.mobile, citizen.resident_id, citizen.username, f" {citizen.mobile} "]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, aliases[attempt % len(aliases)], "wrong")
    response = login(client, citizen.username, PASSWORD)
    assert response.status_code == 429
    assert "已暂时锁定" in response.content.decode()


def test_a_lowercase_id_number_counts_for_the_same_account(client, settings):
    citizen = CitizenFactory(resident_id="11010519491231002X")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "11010519491231002x", "wrong")
    assert login(client, citizen.mobile, PASSWORD).status_code == 429


def test_failures_from_many_addresses_lock_the_account_at_its_higher_limit(client, settings):
    citizen = CitizenFactory()
    account_limit = settings.LOCKOUT_LIMITS[1]
    for attempt in range(account_limit - 1):
        login(client, citizen.mobile, "wrong", address=f"10.1.0.{attempt}")
    assert login(client, citizen.mobile, PASSWORD, address="10.2.0.1").status_code == 302


def test_reaching_the_account_limit_locks_it_on_every_address(client, settings):
    citizen = CitizenFactory()
    for attempt in range(settings.LOCKOUT_LIMITS[1]):
        login(client, citizen.resident_id, "wrong", address=f"10.1.0.{attempt}")
    assert login(client, citizen.mobile, PASSWORD, address="10.2.0.1").status_code == 429


def test_an_address_trying_many_accounts_is_locked_at_its_limit(client, settings):
    for _ in range(settings.LOCKOUT_LIMITS[2]):
        login(client, CitizenFactory().mobile, "wrong", address="10.3.0.1")
    response = login(client, CitizenFactory().mobile, PASSWORD, address="10.3.0.1")
    assert response.status_code == 429


def test_unknown_logins_count_against_the_address(client, settings):
    for attempt in range(settings.LOCKOUT_LIMITS[2]):
        login(client, f"nobody{attempt}", "wrong", address="10.3.0.2")
    assert login(client, CitizenFactory().mobile, PASSWORD, address="10.3.0.2").status_code == 429


def test_signing_in_does_not_clear_the_address_count(client, settings):
    own = CitizenFactory()
    address_limit = settings.LOCKOUT_LIMITS[2]
    for _ in range(address_limit - 1):
        login(client, CitizenFactory().mobile, "wrong", address="10.3.0.3")
    assert login(client, own.mobile, PASSWORD, address="10.3.0.3").status_code == 302
    client.logout()
    login(client, CitizenFactory().mobile, "wrong", address="10.3.0.3")
    assert login(client, own.mobile, PASSWORD, address="10.3.0.3").status_code == 429


def test_signing_in_clears_the_failures_of_that_account_from_that_address(client, settings):
    citizen = CitizenFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, citizen.mobile, "wrong")
    assert login(client, citizen.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, citizen.resident_id, "wrong")
    assert login(client, citizen.mobile, PASSWORD).status_code == 302


def lock_everywhere(client, settings, citizen):
    for attempt in range(settings.LOCKOUT_LIMITS[1]):
        login(client, citizen.mobile, "wrong", address=f"10.1.0.{attempt}")


def test_a_password_reset_by_sms_lifts_the_accounts_lockout(client, settings):
    citizen = CitizenFactory()
    lock_everywhere(client, settings, citizen)
    issue_code(citizen.mobile, PhoneCode.Purpose.RESET)

    services.password_reset_by_code(mobile=citizen.mobile, code=CODE, password="Lushui#2027")

    assert login(client, citizen.mobile, "Lushui#2027", address="10.2.0.1").status_code == 302


def test_a_password_reset_by_email_link_lifts_the_accounts_lockout(client, settings):
    citizen = CitizenFactory()
    lock_everywhere(client, settings, citizen)
    link = reverse(
        "portal:password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(citizen.pk)),
            default_token_generator.make_token(citizen),
        ],
    )
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Lushui#2027", "new_password2": "Lushui#2027"},
    )

    assert login(client, citizen.mobile, "Lushui#2027", address="10.2.0.1").status_code == 302


def test_a_failed_reset_leaves_the_lockout(client, settings):
    citizen = CitizenFactory()
    lock_everywhere(client, settings, citizen)
    issue_code(citizen.mobile, PhoneCode.Purpose.RESET)

    with pytest.raises(PhoneCodeError):
        services.password_reset_by_code(
            mobile=citizen.mobile, code="000000", password="Lushui#2027"
        )

    assert login(client, citizen.mobile, PASSWORD, address="10.2.0.1").status_code == 429

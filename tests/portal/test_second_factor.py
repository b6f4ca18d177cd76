"""STAFF_REQUIRE_2FA: staff enter a TOTP code after the password; citizens are never asked."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.STAFF_REQUIRE_2FA = True


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client, user):
    client.post(reverse("portal:login"), {"username": user.username, "password": PASSWORD})


def test_staff_without_an_authenticator_are_sent_to_link_one(client):
    staff = StaffFactory()
    sign_in(client, staff)
    response = client.get(reverse("portal:workbench"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("portal:second_factor_setup"))
    device = TOTPDevice.objects.get(user=staff)
    assert "otpauth://totp/" in response.content.decode()
    assert not device.confirmed


def test_linking_an_authenticator_with_its_code_opens_the_staff_pages(client):
    staff = StaffFactory()
    sign_in(client, staff)
    client.get(reverse("portal:second_factor_setup"))
    device = TOTPDevice.objects.get(user=staff)
    response = client.post(
        reverse("portal:second_factor_setup"),
        {"token": code_of(device), "next": reverse("portal:workbench")},
    )
    assert response.status_code == 302
    assert response.url == reverse("portal:workbench")
    assert client.get(reverse("portal:workbench")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_does_not_link_the_authenticator(client):
    staff = StaffFactory()
    sign_in(client, staff)
    client.get(reverse("portal:second_factor_setup"))
    response = client.post(reverse("portal:second_factor_setup"), {"token": "000000"})
    assert "动态口令不正确" in response.content.decode()
    assert not TOTPDevice.objects.get(user=staff).confirmed
    assert client.get(reverse("portal:workbench")).status_code == 302


def test_staff_with_an_authenticator_enter_its_code_after_the_password(client):
    staff = StaffFactory()
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client, staff)
    response = client.get(reverse("portal:workbench"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:second_factor"))
    response = client.post(
        reverse("portal:second_factor"),
        {"token": code_of(device), "next": reverse("portal:workbench")},
    )
    assert response.url == reverse("portal:workbench")
    assert client.get(reverse("portal:workbench")).status_code == 200


def test_a_wrong_code_keeps_the_staff_pages_closed(client):
    staff = StaffFactory()
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client, staff)
    response = client.post(reverse("portal:second_factor"), {"token": "000000"})
    assert "动态口令不正确或已过期" in response.content.decode()
    assert client.get(reverse("portal:workbench")).status_code == 302


def test_a_code_that_is_not_six_digits_gets_a_clear_message(client):
    staff = StaffFactory()
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client, staff)
    response = client.post(reverse("portal:second_factor"), {"token": "12ab"})
    assert "请输入身份验证器上的6位数字" in response.content.decode()


def test_an_outside_link_in_next_is_not_followed(client):
    staff = StaffFactory()
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client, staff)
    response = client.post(
        reverse("portal:second_factor"),
        {"token": code_of(device), "next": "https://evil.example.com/"},
    )
    assert response.url == reverse("portal:account")


def test_staff_still_read_the_open_site_before_the_second_factor(client):
    sign_in(client, StaffFactory())
    assert client.get(reverse("portal:home")).status_code == 200


def test_citizens_are_never_asked_for_a_second_factor(client):
    sign_in(client, CitizenFactory())
    assert client.get(reverse("portal:account")).status_code == 200
    assert client.get(reverse("portal:second_factor")).status_code == 404


def test_without_the_setting_staff_sign_in_with_the_password_alone(client, settings):
    settings.STAFF_REQUIRE_2FA = False
    sign_in(client, StaffFactory())
    assert client.get(reverse("portal:workbench")).status_code == 200

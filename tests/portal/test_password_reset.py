"""找回密码: the same answer for any address, and a limit per account and per client address."""

import pytest
from django.urls import reverse

from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Count in this process's memory: the default file cache is shared by other processes."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def ask(client, email, address="10.0.0.1"):
    return client.post(reverse("portal:password_reset"), {"login": email}, REMOTE_ADDR=address)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox):
    response = ask(client, "nobody@example.com")
    assert response.status_code == 302
    assert response.url == reverse("portal:password_reset_done")
    assert mailoutbox == []


def test_asking_too_often_for_one_account_is_refused_and_sends_nothing(
    client, settings, mailoutbox
):
    CitizenFactory(email="zhang@example.com")
    for attempt in range(settings.PASSWORD_RESET_PER_ACCOUNT_PER_HOUR):
        ask(client, "zhang@example.com", address=f"10.0.1.{attempt}")
    sent = len(mailoutbox)
    response = ask(client, "Zhang@Example.com", address="10.0.2.1")
    assert response.status_code == 429
    assert "申请重设密码的次数过多" in response.content.decode()
    assert len(mailoutbox) == sent


def test_the_account_limit_answers_alike_for_unknown_addresses(client, settings):
    for _ in range(settings.PASSWORD_RESET_PER_ACCOUNT_PER_HOUR):
        ask(client, "nobody@example.com")
    assert ask(client, "nobody@example.com", address="10.0.2.2").status_code == 429


def test_one_client_address_asking_for_many_accounts_is_refused(client, settings, mailoutbox):
    for attempt in range(settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR):
        ask(client, f"someone{attempt}@example.com", address="10.0.3.1")
    CitizenFactory(email="li@example.com")
    response = ask(client, "li@example.com", address="10.0.3.1")
    assert response.status_code == 429
    assert mailoutbox == []


def test_another_account_from_another_address_is_not_held_up(client, settings, mailoutbox):
    for _ in range(settings.PASSWORD_RESET_PER_ACCOUNT_PER_HOUR):
        ask(client, "nobody@example.com")
    CitizenFactory(email="wang@example.com")
    assert ask(client, "wang@example.com", address="10.0.4.1").status_code == 302
    assert len(mailoutbox) == 1

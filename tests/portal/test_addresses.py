"""The client address, read in one place: a forged X-Forwarded-For counts only through a
trusted proxy, and the sign-in lockout reads the same address."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from portal.addresses import client_address

FORGED = "203.0.113.66"
CLIENT = "198.51.100.7"
PROXY = "10.0.0.2"


def _request(remote, forwarded=""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_a_forged_header_is_ignored(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 0
    assert client_address(_request(CLIENT, FORGED)) == CLIENT


def test_behind_one_counted_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 1
    assert client_address(_request(PROXY, f"{FORGED}, {CLIENT}")) == CLIENT


def test_a_counted_proxy_with_a_short_or_garbled_header_keeps_remote_addr(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 2
    assert client_address(_request(PROXY, CLIENT)) == PROXY
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(_request(PROXY, "not-an-address")) == PROXY


def test_listed_proxies_are_skipped_and_the_first_other_address_is_the_client(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = ["10.0.0.0/8"], 0
    assert client_address(_request(PROXY, f"{FORGED}, {CLIENT}, 10.1.1.1")) == CLIENT


def test_a_request_not_from_a_listed_proxy_keeps_its_own_address(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = ["10.0.0.0/8"], 0
    assert client_address(_request(CLIENT, FORGED)) == CLIENT


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_sign_in_lockout(client, settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 0
    for attempt in range(settings.LOCKOUT_LIMITS[2] + 1):
        response = client.post(
            reverse("portal:login"),
            {"username": f"nobody{attempt}", "password": "wrong-password"},
            REMOTE_ADDR=CLIENT,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )
    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_lockout_counts_each_client_apart(client, settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 1

    def attempt(address, username):
        return client.post(
            reverse("portal:login"),
            {"username": username, "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )

    for number in range(settings.LOCKOUT_LIMITS[2]):
        attempt(FORGED, f"nobody{number}")
    assert attempt(FORGED, "nobody-else").status_code == 429
    assert attempt(CLIENT, "nobody-else").status_code == 200

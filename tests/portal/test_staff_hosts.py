"""With STAFF_HOSTS set, the public host answers 404 to every page not meant for it.

Walks every URL pattern of the project: each must be classified, and each is requested on both
hosts as a member of staff, a citizen and an anonymous visitor.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern

from portal.middleware import AUDIENCE_BY_NAME, Audience, audience_of
from tests.factories import PASSWORD, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

PUBLIC_HOST, STAFF_HOST = "www.example.gov.cn", "intranet.local"
SAMPLES = {"int": "1", "slug": "x", "str": "X1", "path": "1", "uuid": "0" * 32}


def _sample_route(route: str) -> str:
    return re.sub(r"<(?:(\w+):)?\w+>", lambda found: SAMPLES[found.group(1) or "str"], route)


def _sample_regex(regex: str) -> str:
    def group(found):
        body = found.group(1)
        return body.split("|")[0] if "|" in body else "1"

    return re.sub(r"\((?:\?P<\w+>)?([^)]*)\)", group, regex).strip("^$")


def _patterns(resolvers, prefix="/"):
    """Yield a sample path for every URL pattern, with the pattern's text."""
    for entry in resolvers:
        pattern = entry.pattern
        text = (
            _sample_route(str(pattern))
            if isinstance(pattern, RoutePattern)
            else _sample_regex(str(pattern))
        )
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + text)
        elif isinstance(entry, URLPattern):
            yield prefix + text, prefix + str(pattern)


EVERY_PATTERN = list(_patterns(get_resolver().url_patterns))


@pytest.fixture
def hosts(settings):
    settings.STAFF_HOSTS = [STAFF_HOST]
    settings.ALLOWED_HOSTS = [STAFF_HOST, PUBLIC_HOST]


def test_the_walk_requests_every_pattern_itself():
    def plain(route: str) -> str:
        return route.lstrip("/").replace("^", "").replace("$", "")

    missed = [
        pattern for path, pattern in EVERY_PATTERN if plain(resolve(path).route) != plain(pattern)
    ]
    assert missed == []


def test_every_url_pattern_has_an_audience():
    unclassified = [
        pattern for path, pattern in EVERY_PATTERN if audience_of(resolve(path)) is None
    ]
    assert unclassified == []


def test_each_page_is_served_on_the_public_host_only_to_its_audience(client, hosts):
    wrong = []
    for user in (StaffFactory(), CitizenFactory(), None):
        client.logout()
        if user is not None:
            client.force_login(user)
        for path, pattern in EVERY_PATTERN:
            audience = audience_of(resolve(path))
            hidden = audience == Audience.STAFF or (
                audience == Audience.CITIZEN and user is not None and user.kind == user.Kind.STAFF
            )
            public = client.get(path, HTTP_HOST=PUBLIC_HOST).status_code
            expected = 404 if hidden else client.get(path, HTTP_HOST=STAFF_HOST).status_code
            if public != expected:
                wrong.append((pattern, user and user.kind, public, expected))
    assert wrong == []


def test_a_citizen_reads_their_inbox_on_the_public_host(client, hosts):
    client.force_login(CitizenFactory())
    assert client.get(reverse("portal:inbox"), HTTP_HOST=PUBLIC_HOST).status_code == 200


def test_a_staff_account_has_no_inbox_on_the_public_host(client, hosts):
    client.force_login(StaffFactory())
    assert client.get(reverse("portal:inbox"), HTTP_HOST=PUBLIC_HOST).status_code == 404
    assert client.get(reverse("portal:inbox"), HTTP_HOST=STAFF_HOST).status_code == 200


def test_a_page_without_an_audience_is_hidden_from_the_public_host(client, hosts, monkeypatch):
    monkeypatch.delitem(AUDIENCE_BY_NAME, "portal:home")
    assert client.get(reverse("portal:home"), HTTP_HOST=PUBLIC_HOST).status_code == 404
    assert client.get(reverse("portal:home"), HTTP_HOST=STAFF_HOST).status_code == 200


def test_staff_are_told_to_sign_in_on_the_staff_host(client, hosts):
    staff = StaffFactory()
    response = client.post(
        reverse("portal:login"),
        {"username": staff.username, "password": PASSWORD},
        HTTP_HOST=PUBLIC_HOST,
    )
    assert response.status_code == 200
    assert "工作人员账号请通过内网工作台的地址登录" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_citizens_sign_in_on_the_public_host(client, hosts):
    citizen = CitizenFactory()
    response = client.post(
        reverse("portal:login"),
        {"username": citizen.mobile, "password": PASSWORD},
        HTTP_HOST=PUBLIC_HOST,
    )
    assert response.status_code == 302

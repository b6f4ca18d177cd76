"""English is the second language: a page rendered in English shows no untranslated Chinese."""

import re

import pytest
from django.urls import reverse

from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u4e00-\u9fff]+")
# The language switcher names each language in its own script, as every bilingual site does.
NATIVE_NAMES = ["简体中文"]


def untranslated(body: str, data: list[str]) -> list[str]:
    for text in NATIVE_NAMES + data:
        body = body.replace(text, "")
    return sorted(set(HAN.findall(body)))


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize(
    "name", ["portal:home", "portal:login", "portal:register", "portal:password_reset"]
)
def test_public_pages_are_fully_english(english, name):
    response = english.get(reverse(name))
    assert untranslated(response.content.decode(), []) == []


def test_citizen_pages_are_fully_english(english):
    citizen = CitizenFactory()
    english.force_login(citizen)
    for name in ["portal:account", "portal:inbox", "portal:profile_edit", "portal:password_change"]:
        body = english.get(reverse(name)).content.decode()
        assert untranslated(body, [citizen.real_name]) == [], name


def test_staff_pages_are_fully_english(english):
    staff = StaffFactory()
    english.force_login(staff)
    for name in ["portal:workbench", "portal:relations"]:
        body = english.get(reverse(name)).content.decode()
        assert untranslated(body, [staff.real_name, staff.department.name]) == [], name


def test_the_404_page_is_english(english):
    assert untranslated(english.get("/no-such-page/").content.decode(), []) == []


def test_a_browser_asking_for_english_still_gets_chinese_until_the_visitor_switches(client):
    page = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.headers["Content-Language"] == "zh-hans"

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.headers["Content-Language"] == "en"

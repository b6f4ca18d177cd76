"""The Content-Security-Policy: on every kind of page, and pages that need nothing inline."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Alert, Notice
from supervision.services import sweep
from tests.approvals.factories import CaseFactory
from tests.disclosure.factories import published_article
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.factories import CategoryFactory
from tests.supervision.factories import start_clock

pytestmark = pytest.mark.django_db

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
# What the policy would block: a script that runs inline (JSON data blocks are not run), a style
# block or attribute, an inline event handler, a javascript: link.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_PIECES = [
    INLINE_SCRIPT,
    re.compile(r"<style[\s>]"),
    re.compile(r"\sstyle=[\"']"),
    re.compile(r"\son[a-z]+=[\"']"),
    re.compile(r"javascript:", re.IGNORECASE),
]


def directives_of(policy: str) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part for part in policy.split("; ")}


def directives(response) -> dict[str, str]:
    return directives_of(response.headers["Content-Security-Policy"])


def inline_pieces(html: str) -> list[str]:
    return [match.group(0) for pattern in INLINE_PIECES for match in pattern.finditer(html)]


def inspector():
    return StaffFactory(
        roles=[Role.DISCIPLINE_INSPECTOR, Role.ADMIN, Role.LEADER, Role.WINDOW_CLERK]
    )


def test_home_page_carries_the_policy(client):
    response = client.get(reverse("portal:home"))
    assert directives(response) == directives_of(POLICY)


def test_pillar_list_carries_the_policy(client):
    response = client.get(reverse("disclosure:index"))
    assert response.status_code == 200
    assert directives(response) == directives_of(POLICY)


def test_staff_page_carries_the_policy(client):
    client.force_login(inspector())
    response = client.get(reverse("supervision:dashboard"))
    assert response.status_code == 200
    assert directives(response) == directives_of(POLICY)


def test_not_found_page_carries_the_policy(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response) == directives_of(POLICY)


def test_policy_allows_no_inline_script_or_style(client):
    policy = client.get(reverse("portal:home")).headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_admin_may_inline_styles_but_not_scripts(client):
    admin = StaffFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    found = directives(client.get(reverse("admin:index")))
    assert found["style-src"] == "style-src 'self' 'unsafe-inline'"
    assert found["script-src"] == "script-src 'self'"


def test_rejected_form_token_answers_the_portal_page_without_inline_style(client):
    client.handler.enforce_csrf_checks = True
    response = client.post(reverse("portal:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "页面已过期" in html
    assert inline_pieces(html) == []


def test_no_template_holds_inline_script_or_style():
    templates = Path(settings.BASE_DIR) / "templates"
    found = {
        str(path.relative_to(templates)): pieces
        for path in sorted(templates.rglob("*.html"))
        if (pieces := inline_pieces(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def assert_pages_need_nothing_inline(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_pieces(response.content.decode()) == [], url


def test_public_pages_need_nothing_inline(client):
    CategoryFactory()
    person = RatedPersonFactory()
    article = published_article()
    assert_pages_need_nothing_inline(
        client,
        [
            reverse("portal:home"),
            reverse("portal:login"),
            reverse("portal:register"),
            reverse("disclosure:index"),
            reverse("disclosure:article", args=[article.pk]),
            reverse("approvals:track"),
            reverse("approvals:results"),
            reverse("disclosure:catalogue"),
            reverse("petitions:index"),
            reverse("petitions:file"),
            reverse("petitions:board"),
            reverse("evaluation:index"),
            reverse("evaluation:unit", args=[person.department.code]),
            reverse("evaluation:person", args=[person.pk]),
        ],
    )


def test_citizen_pages_need_nothing_inline(client):
    citizen = CitizenFactory()
    case = CaseFactory(applicant=citizen)
    message = InboxMessage.objects.create(recipient=citizen, subject="通知", body="第一行\n第二行")
    client.force_login(citizen)
    assert_pages_need_nothing_inline(
        client,
        [
            reverse("portal:account"),
            reverse("portal:inbox"),
            reverse("portal:inbox_message", args=[message.pk]),
            reverse("approvals:case", args=[case.pk]),
            reverse("approvals:mine"),
            reverse("petitions:mine"),
            reverse("disclosure:request_new"),
        ],
    )


def test_staff_pages_need_nothing_inline(client):
    market = DepartmentFactory()
    start_clock(department=market, started="2026-01-05 10:00")
    sweep.sweep_clocks()
    RatedPersonFactory(department=market)
    client.force_login(inspector())
    assert_pages_need_nothing_inline(
        client,
        [
            reverse("portal:workbench"),
            reverse("supervision:dashboard"),
            reverse("supervision:clocks"),
            reverse("supervision:notice", args=[Notice.objects.first().pk]),
            reverse("supervision:alert", args=[Alert.objects.first().pk]),
            reverse("supervision:brief"),
            reverse("evaluation:staff_statistics"),
            reverse("approvals:stats"),
            reverse("petitions:staff_queue"),
            reverse("disclosure:staff_articles"),
        ],
    )

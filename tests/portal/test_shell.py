"""The shell's navigation from the cache (issue 21): the same links for everyone per language,
the account's own links rendered each time, and a changed section shown at once."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import shell
from portal.roles import Role
from portal.templatetags import portal_tags
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _nav(client) -> str:
    page = client.get(reverse("portal:home")).content.decode()
    return page[page.index('id="portal-menu"') : page.index("</nav>")]


def test_the_shared_links_are_rendered_once_per_language(client, monkeypatch):
    renders = []
    render = portal_tags.pillar_sections

    def counted(context, name):
        renders.append(name)
        return render(context, name)

    monkeypatch.setattr(portal_tags, "pillar_sections", counted)
    for _ in range(3):
        assert "投诉举报" in _nav(client)
    client.cookies["django_language"] = "en"
    assert "投诉举报" not in _nav(client)
    assert renders.count("nav") == 2


def test_the_supervision_link_follows_the_account_not_the_cache(client):
    dashboard = reverse("supervision:dashboard")
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    assert dashboard in _nav(client)
    client.force_login(CitizenFactory(password=None))
    assert dashboard not in _nav(client)
    client.logout()
    assert dashboard not in _nav(client)


def test_a_release_that_changes_a_section_is_not_served_the_old_copy(client, monkeypatch):
    held = f"portal:shell:nav:zh-hans:{portal_tags._section_fingerprint('nav')}"
    cache.set(held, '<li class="nav-item">stale link</li>')
    assert "stale link" in _nav(client)  # what the cache holds is served...
    monkeypatch.setattr(portal_tags, "_section_fingerprint", lambda name: "next-release")
    nav = _nav(client)  # ...until the source of a section differs
    assert "stale link" not in nav and "投诉举报" in nav


def test_the_fingerprint_changes_with_the_source():
    templates = portal_tags._section_templates("nav")
    before = shell.fingerprint(templates)
    first = templates[0].template
    original = first.source
    first.source = original + "<!-- changed -->"
    try:
        assert shell.fingerprint(templates) != before
    finally:
        first.source = original


def test_the_fingerprint_changes_with_the_translations(monkeypatch, tmp_path):
    catalogue = tmp_path / "en" / "LC_MESSAGES" / "django.mo"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_bytes(b"first release")
    monkeypatch.setattr(shell, "settings", SimpleNamespace(LOCALE_PATHS=[tmp_path]))
    templates = portal_tags._section_templates("nav")
    before = shell.fingerprint(templates)
    catalogue.write_bytes(b"second release")
    assert shell.fingerprint(templates) != before

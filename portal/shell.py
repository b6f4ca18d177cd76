"""Cached pieces of the portal shell (页面框架): rendered once, served from the cache (issue 21).

The pillars' navigation links are the same for every visitor in a language: each pillar's
`_sections/nav.html` holds those, and links that depend on who is signed in live in its
`_sections/nav_account.html`, rendered on every page. A cached copy is keyed by the language and
by a fingerprint of the sections' source and the portal's translations, so a release that changes
either is served the new links at once, in every process, whatever the cache still holds.

The unread badge's count is kept per user the same way, and forgotten wherever inbox rows are
written or read (`forget_unread`).
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

# Seconds a cached section is kept (a new release uses new keys: this only bounds memory).
SHELL_SECONDS = 24 * 60 * 60
# Seconds an unread count is kept: every change forgets it, this bounds a lost race.
UNREAD_SECONDS = 10 * 60


def fingerprint(templates) -> str:
    """A short digest of the templates' source and of the portal's translations: it changes
    when any of them does."""
    digest = hashlib.blake2b(digest_size=8)
    for template in templates:
        digest.update(template.template.source.encode())
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(Path(folder).glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()


def cached_section(name: str, fingerprint: str, render) -> str:
    """Return the section from the cache, or `render()` it and keep it."""
    key = f"portal:shell:{name}:{get_language()}:{fingerprint}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, SHELL_SECONDS)
    return html


def _unread_key(user_id: int) -> str:
    return f"portal:shell:unread:{user_id}"


def unread_count(user) -> int:
    """The navigation's badge: the user's unread inbox messages, counted once until they change
    (`forget_unread`), instead of a COUNT on every page."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = user.inbox.filter(read_at__isnull=True).count()
        cache.set(key, count, UNREAD_SECONDS)
    return count


def forget_unread(user_ids) -> None:
    """Drop the users' cached unread counts: call it where inbox rows are written or read.

    Dropped now, so the rest of this request counts afresh, and again after the commit, since a
    page served meanwhile counted without the uncommitted rows.
    """
    keys = [_unread_key(user_id) for user_id in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))

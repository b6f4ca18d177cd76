"""A bounded breadth-first crawl of the portal as one signed-in user: every same-site page, file
and export reachable by a link, with each response's status and body kept for inspection."""

import html
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import reverse

LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
# Leaving, switching language and static assets show nothing of a complaint.
SKIPPED_PREFIXES = ("/static/", "/i18n/", "/media/")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
# Month pickers and pagers link on without end: a few query strings of each path are enough.
QUERY_VARIANTS = 3


@dataclass
class Crawl:
    statuses: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, bytes] = field(default_factory=dict)


def _body(response) -> bytes:
    content = (
        b"".join(response.streaming_content) if response.streaming else bytes(response.content)
    )
    headers = "\n".join(f"{key}: {value}" for key, value in response.headers.items())
    return headers.encode() + b"\n" + content


def _same_site(base: str, href: str) -> str | None:
    href = html.unescape(href.strip())
    if not href or href.startswith(SKIPPED_SCHEMES) or href.startswith("#"):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http", "https"):
        return None
    url = parts.path + (f"?{parts.query}" if parts.query else "")
    if url.startswith(SKIPPED_PREFIXES) or url.startswith(reverse("portal:logout")):
        return None
    return url


def crawl(user, seeds: list[str], *, limit: int, posts: dict[str, dict] | None = None) -> Crawl:
    """GET every page reachable from `seeds` by same-site links and redirects, at most `limit`;
    then submit each of `posts` (url → form data), as an insider trying a form would."""
    client = Client()
    client.force_login(user)
    found = Crawl()
    for url, data in (posts or {}).items():
        response = client.post(url, data)
        found.statuses[f"POST {url}"] = response.status_code
        found.bodies[f"POST {url}"] = _body(response)
    queue = deque(seeds)
    seen = set(seeds)
    variants = Counter(url.split("?")[0] for url in seeds)
    while queue and len(found.statuses) < limit:
        url = queue.popleft()
        response = client.get(url)
        body = _body(response)
        found.statuses[url] = response.status_code
        found.bodies[url] = body
        links = LINK.findall(body.decode("utf-8", "replace")) if _is_text(response) else []
        if response.has_header("Location"):
            links.append(response["Location"])
        for href in links:
            target = _same_site(url, href)
            if target is None or target in seen:
                continue
            seen.add(target)
            path = target.split("?")[0]
            if variants[path] < QUERY_VARIANTS:
                variants[path] += 1
                queue.append(target)
    return found


def _is_text(response) -> bool:
    return response.get("Content-Type", "").startswith(("text/html", "application/xhtml"))

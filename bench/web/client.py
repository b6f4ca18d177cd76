"""The bench's HTTP client: sign-ins with their cookies and CSRF token, a page's query count,
and its statements for its ceiling."""

import http.client
import json
import os
import re
import urllib.parse

from bench.web import targets

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "Demo#2026"


def fetch(port: int, path: str, *, method="GET", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode(errors="replace")
    finally:
        conn.close()


def cookies_of(headers) -> dict[str, str]:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";")[0]
            key, _, val = pair.partition("=")
            found[key.strip()] = val.strip()
    return found


def session_for(port: int, role: str | None, path: str) -> dict[str, str]:
    """Return the cookies and CSRF token of a client of `role` (signed in when a role is given)."""
    status, headers, page = fetch(port, "/login/" if role else path)
    jar = cookies_of(headers)
    token = CSRF_RE.search(page).group(1) if CSRF_RE.search(page) else ""
    if role:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": role, "password": PASSWORD}
        )
        status, headers, _page = fetch(
            port, "/login/", method="POST", body=body, headers=request_headers(port, jar, "/login/")
        )
        if status != 302:
            raise SystemExit(f"could not sign in as {role}: HTTP {status}")
        jar.update(cookies_of(headers))
        status, headers, page = fetch(port, path, headers=request_headers(port, jar, path))
        jar.update(cookies_of(headers))
        match = CSRF_RE.search(page)
        token = match.group(1) if match else token
    return {"jar": jar, "token": token}


def request_headers(port: int, jar: dict[str, str], path: str) -> dict[str, str]:
    headers = {"Referer": f"http://127.0.0.1:{port}{path}"}
    if jar:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    if "csrftoken" in jar:
        headers["X-CSRFToken"] = jar["csrftoken"]
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return headers


def count_queries(port: int, page: targets.Page, client: dict) -> tuple[int, int]:
    """Return the status and the queries of a request of the page with warm caches: the fewest
    of three, since each may reach a worker whose own caches are still cold."""
    headers = request_headers(port, client["jar"], page.path)
    if page.method != "POST":
        fetch(port, page.path, headers=headers)
    headers["X-Bench-Queries"] = "1"
    counts = []
    for _ in range(3):
        body = None
        if page.method == "POST":
            body = page.body.replace("{n}", "0").replace("{token}", os.urandom(16).hex())
            body += f"&csrfmiddlewaretoken={client['token']}"
        status, response_headers, _page = fetch(
            port, page.path, method=page.method, body=body, headers=headers
        )
        counts.append(int({k.lower(): v for k, v in response_headers}.get("x-bench-queries", "-1")))
    return status, min(counts)


def capture_statements(port: int, page: targets.Page, client: dict) -> None:
    """Keep the page's statements for its ceiling: the fewest of three requests, as the
    queries (a worker's caches warm)."""
    from bench.web import ceilings

    name = targets.capture_name(page.name)
    headers = {**request_headers(port, client["jar"], page.path), "X-Bench-Capture": name}
    headers.pop("Content-Type")
    fewest = None
    for _ in range(3):
        fetch(port, page.path, headers=headers)
        statements = json.loads(ceilings.statements_file(name).read_text())
        if fewest is None or len(statements) < len(fewest):
            fewest = statements
    ceilings.save_statements(name, fewest)

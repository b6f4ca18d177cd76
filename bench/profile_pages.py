"""Profile the logged-in pages in-process: Python calls, queries and time per request (issue 21).

Run against a seeded database, read-only (GET requests only):
`DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/profile_pages.py [--top N]`.
Each page is requested once to warm the caches, then timed over `--repeat` requests and profiled
once with cProfile; the bare page (50 rows of one query in `base.html`, the issue's yardstick)
is measured the same way. `--top N` prints the N costliest functions of each page.

`--split` divides each page's time: its outermost template rendered again with the same context
("render": its querysets are evaluated by then, so only the template's own work, and any query a
tag makes, shown as "r.q"), its statements sent again raw ("sql", `bench.inprocess.replay`), and
the rest (middleware, view, the ORM building queries and model rows).
"""

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import replay, setup
from bench.web.targets import clerk_open_case, operator_complaint

setup(__name__)

from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.backends.django import Template as DjangoTemplate  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path, reverse  # noqa: E402

BARE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<table>'
    "{% for row in rows %}<tr><td>{{ row.0 }}</td><td>{{ row.1 }}</td></tr>{% endfor %}"
    "</table>{% endblock %}"
)


def bare_page(request):
    """The yardstick: 50 rows of one query rendered in the shell."""
    from django.http import HttpResponse

    from portal.models import User

    rows = list(User.objects.order_by("pk").values_list("pk", "username")[:50])
    return HttpResponse(BARE.render({"rows": rows}, request))


# Django empties the query log when a request starts: the count would always be 0.
request_started.disconnect(reset_queries)

urlpatterns = [path("bench/bare/", bare_page, name="bench_bare"), path("", include("portal.urls"))]


def pages() -> list[tuple[str, str, str]]:
    """(label, username, url) of each page to profile, with objects the user may open."""
    from approvals.models import Case
    from petitions.models import Complaint
    from portal.models import User

    citizen = User.objects.get(username="13900000001")
    clerk = User.objects.get(username="clerk_a")
    own_case = (
        Case.objects.filter(applicant=citizen).exclude(status="draft").order_by("-pk").first()
    )
    staff_case = (
        Case.objects.filter(item__department=clerk.department)
        .exclude(status="draft")
        .order_by("-pk")
        .first()
    )
    complaint = Complaint.objects.filter(identity__account=citizen).order_by("-pk").first()
    open_case = clerk_open_case(clerk)
    open_complaint = operator_complaint()
    found = [
        ("bare 50-row page", "13900000001", reverse("bench_bare")),
        # The HTTP bench's yardstick is anonymous: what signing in adds to every page.
        ("shell: bare page, anonymous", None, reverse("bench_bare")),
        ("my account (citizen)", "13900000001", reverse("portal:account")),
        ("citizen case", "13900000001", reverse("approvals:case", args=[own_case.pk])),
        ("my cases", "13900000001", reverse("approvals:mine")),
        (
            "complaint tracking",
            "13900000001",
            reverse("petitions:track_detail", args=[complaint.number]),
        ),
        ("citizen complaints", "13900000001", reverse("petitions:mine")),
        ("clerk queue", "clerk_a", reverse("approvals:queue")),
        ("clerk case", "clerk_a", reverse("approvals:staff_case", args=[staff_case.pk])),
        # The case bench/web/targets.py opens as the clerk.
        ("clerk case (open)", "clerk_a", reverse("approvals:staff_case", args=[open_case.pk])),
        ("complaint queue (clerk)", "clerk_a", reverse("petitions:staff_queue")),
        ("workbench (clerk)", "clerk_a", reverse("portal:workbench")),
        ("my account (clerk)", "clerk_a", reverse("portal:account")),
        ("complaint queue (operator)", "operator", reverse("petitions:staff_queue")),
        ("complaint queue (head)", "head_market", reverse("petitions:staff_queue")),
        (
            "operator complaint",
            "operator",
            reverse("petitions:staff_detail", args=[open_complaint.number]),
        ),
        ("complaint board (anonymous)", None, reverse("petitions:board")),
        ("staff roster", "admin", reverse("evaluation:staff_roster")),
        ("inspector dashboard", "inspector", reverse("supervision:dashboard")),
        ("inspector clocks", "inspector", reverse("supervision:clocks")),
        ("inspector notices", "inspector", reverse("supervision:notices")),
    ]
    return found


def measure(client: Client, url: str, repeat: int, top: int, sort: str) -> dict:
    """Status, queries, Python calls and the median time of one page."""
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured.captured_queries)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    profile = cProfile.Profile()
    profile.enable()
    client.get(url)
    profile.disable()
    stats = pstats.Stats(profile)
    if top:
        stats.sort_stats(sort).print_stats(top)
    return {
        "status": first.status_code,
        "queries": queries,
        "calls": stats.total_calls,
        "ms": statistics.median(times) * 1000,
    }


def split(client: Client, url: str, repeat: int) -> dict:
    """The page's render and sql ms (see the module's docstring)."""
    with (
        mock.patch.object(
            DjangoTemplate, "render", autospec=True, side_effect=DjangoTemplate.render
        ) as spy,
        CaptureQueriesContext(connection) as captured,
    ):
        client.get(url)
    template, context, request = spy.call_args_list[0].args
    with CaptureQueriesContext(connection) as in_render:
        template.render(context, request)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        template.render(context, request)
        times.append(time.perf_counter() - start)
    statements = [query["sql"] for query in captured.captured_queries]
    return {
        "render": statistics.median(times) * 1000,
        "render_queries": len(in_render),
        "sql": replay(statements, repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--sort", default="cumulative", help="order of --top (pstats keys)")
    parser.add_argument("--only", default="", help="profile only pages whose label contains this")
    parser.add_argument("--split", action="store_true", help="render, sql and the rest of each")
    options = parser.parse_args()
    from portal.models import User

    clients: dict[str, Client] = {}
    rows = []
    for label, username, url in pages():
        if options.only and options.only not in label and not label.startswith("bare"):
            continue
        if username not in clients:
            clients[username] = Client()
            if username:  # None: not signed in
                clients[username].force_login(User.objects.get(username=username))
        if options.top:
            print(f"=== {label} {url}")
        row = measure(clients[username], url, options.repeat, options.top, options.sort)
        if options.split:
            row.update(split(clients[username], url, options.repeat))
        rows.append((label, row))
    bare = rows[0][1]["ms"]
    heading = f"{'page':32} {'status':>6} {'queries':>7} {'calls':>8} {'ms':>7} {'÷bare':>6}"
    if options.split:
        heading += f" {'render':>7} {'r.q':>3} {'sql':>6} {'rest':>6}"
    print(heading)
    for label, row in rows:
        line = (
            f"{label:32} {row['status']:>6} {row['queries']:>7} {row['calls']:>8} "
            f"{row['ms']:>7.1f} {row['ms'] / bare:>6.2f}"
        )
        if options.split:
            rest = row["ms"] - row["render"] - row["sql"]
            line += (
                f" {row['render']:>7.1f} {row['render_queries']:>3} {row['sql']:>6.1f} {rest:>6.1f}"
            )
        print(line)


if __name__ == "__main__":
    main()

"""Benchmark: the clerk queue and the citizen's case page with 100,000 cases.

Run: `.venv/bin/python bench/bench_approvals.py` (PostgreSQL on 127.0.0.1:5432, database
`bench_approvals`, recreated). In-process requests through the full middleware stack (Django test
client, DEBUG off). Each page is compared with a bare page of the portal shell listing 50 rows of
the cases table, measured in the same run; query counts are taken at 1,000 cases and again at full
size. The cases come from `bench/loaders/approvals_cases.py`. Writes its section of
docs/PERFORMANCE.md.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = "bench_approvals"
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-approvals-not-secret")
os.environ.setdefault("SMS_BACKEND", "file")
os.environ.setdefault("CONN_MAX_AGE", "600")

BARE_TEMPLATE = """{% extends "base.html" %}{% block content %}<table class="table">
{% for row in rows %}<tr><td>{{ row.0 }}</td><td>{{ row.1 }}</td><td>{{ row.2 }}</td></tr>{% endfor %}
</table>{% endblock %}"""


def bare_page(request):
    """The floor: the portal shell with 50 rows of the cases table, one query, nothing else."""
    from django.db import connection
    from django.http import HttpResponse
    from django.template import engines

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, number, status FROM approvals_case ORDER BY id DESC LIMIT 50")
        rows = cursor.fetchall()
    template = engines["django"].from_string(BARE_TEMPLATE)
    return HttpResponse(template.render({"rows": rows}, request))


urlpatterns = []  # filled in main(), after django.setup(): this module is the bench URLconf


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def measure(client, path: str, repeat: int) -> tuple[float, int]:
    """Median latency in ms after 3 warm-ups, and the worst status seen."""
    for _ in range(3):
        client.get(path)
    times, status = [], 200
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        status = max(status, response.status_code)
    return statistics.median(times), status


def query_count(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args()

    recreate_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import include, path

    from bench.loaders import approvals_cases
    from portal.models import User

    print(f"migrating {DB_NAME} …", flush=True)
    call_command("migrate", verbosity=0)
    settings.DEBUG = False
    urlpatterns.extend([path("bench/bare/", bare_page), path("", include("portal.urls"))])
    small = min(1000, args.cases)
    paths = approvals_cases.load(small)
    pages = [
        ("clerk queue", paths["queue"], paths["user"]),
        ("clerk case page", paths["case"], paths["user"]),
        ("citizen case page", paths["citizen_case"], paths["citizen"]),
    ]
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"], STORAGES=storages):
        clients = {}
        for _label, _path, username in pages:
            if username not in clients:
                clients[username] = Client()
                clients[username].force_login(User.objects.get(username=username))
        for _label, page, username in pages:
            clients[username].get(page)
        small_counts = {label: query_count(clients[u], p) for label, p, u in pages}
        print(f"loading {args.cases:,} cases …", flush=True)
        started = time.monotonic()
        if args.cases > small:
            again = approvals_cases.load(args.cases - small)
            assert again == paths, "the loader must add to the same department and citizen"
        with django.db.connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("SELECT count(*) FROM approvals_case")
            total = cursor.fetchone()[0]
        load_seconds = time.monotonic() - started
        bare_client = next(iter(clients.values()))
        bare, _ = measure(bare_client, "/bench/bare/", args.repeat)
        rows = []
        for label, page, username in pages:
            median, status = measure(clients[username], page, args.repeat)
            rows.append(
                (
                    label,
                    page,
                    median,
                    median / bare,
                    small_counts[label],
                    query_count(clients[username], page),
                    status,
                )
            )

    ok_ratio = all(r[3] <= 2.0 for r in rows)
    ok_queries = all(r[4] == r[5] for r in rows)
    ok_status = all(r[6] == 200 for r in rows)
    lines = "\n".join(
        f"| {label} (`{page}`) | {median:.1f} | {ratio:.2f} | {small_q} | {full_q} |"
        for label, page, median, ratio, small_q, full_q, _s in rows
    )
    report = f"""## Approvals: the clerk queue and the citizen's case page

Command: `.venv/bin/python bench/bench_approvals.py --cases {args.cases} --repeat {args.repeat}`
Machine: {os.cpu_count()} cores, PostgreSQL on loopback, in-process requests
through the full middleware stack (Django test client, DEBUG off, logged-in sessions), median of {args.repeat}
requests after 3 warm-ups.
Data: {total:,} cases from `bench/loaders/approvals_cases.py` in one department (so the queue filters nothing away);
loading took {load_seconds:.0f} s.
Date: {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}

| page | median ms | × bare | queries at {small:,} cases | queries at full size |
|---|---:|---:|---:|---:|
{lines}
| bare page, 50 rows of `approvals_case` (one query) | {bare:.1f} | 1.00 | | |

Result: latency target (≤ 2× the bare page) **{"met" if ok_ratio else "NOT met"}**{"" if ok_ratio else " for: " + ", ".join(r[0] for r in rows if r[3] > 2.0)};
query counts {"do not grow with the data" if ok_queries else "GROW with the data"}; every page answered {"200" if ok_status else "with errors"}.
"""
    print(report)
    if not args.no_report:
        from bench.report import write_section

        write_section("approvals", report)
    return 0 if ok_ratio and ok_queries and ok_status else 1


if __name__ == "__main__":
    sys.exit(main())

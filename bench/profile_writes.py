"""Profile the two public writes of the HTTP bench in-process: a vote and filing a complaint.

Posts exactly what `bench/web/targets.py` posts (anonymous, CSRF enforced, a fresh submission
token each time) through the test client, and the plain form POST floor of
`bench/web/server.py`, then prints each one's status, statements, Python calls and median CPU ms.
It writes: run it against a database of your own, never the shared bench database:
`DATABASE_URL=postgres://.../portal_writes REDIS_URL=redis://.../7 .venv/bin/python
bench/profile_writes.py [--repeat 50] [--top 30] [--sql] [--replay]`.

`--replay` sends each write's captured statements again as they were sent, straight to psycopg
in a transaction rolled back each time: the database's part of the write with no view, form, ORM
or template in front of it. From it, the ceiling: the write's rate over the plain form POST's if
everything but its statements cost what the plain form POST's does.
"""

import argparse
import cProfile
import os
import pstats
import re
import secrets
import statistics
import sys
import time
from contextlib import suppress
from pathlib import Path

# It writes: never to the SQLite of `make run` (no DATABASE_URL) or the HTTP bench's database.
if not os.environ.get("DATABASE_URL") or os.environ["DATABASE_URL"].endswith("/bench_http"):
    raise SystemExit("profile_writes.py writes: name a database of its own in DATABASE_URL")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import replay, setup

setup(__name__, unlimited_posts=True)

from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from bench.web import server  # noqa: E402

request_started.disconnect(reset_queries)
urlpatterns = [path("bench/form/", server.bare_form), path("", include("portal.urls"))]
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def targets() -> list[tuple[str, str, dict]]:
    from evaluation.models import RatedPerson
    from petitions.models import Category

    person = RatedPerson.objects.filter(is_active=True).order_by("id").first()
    category = Category.objects.filter(kind="complaint").order_by("id").first()
    return [
        ("plain form POST (floor)", "/bench/form/", {"body": "bench"}),
        (
            "a vote",
            f"/evaluation/people/{person.pk}/",
            {"attitude": "satisfied", "efficiency": "fair", "style": "satisfied", "reason": ""},
        ),
        (
            "file a complaint",
            "/petitions/file/",
            {
                "category": category.pk,
                "title": "压测投诉",
                "content": "压测投诉内容：超市销售过期食品。",
                "is_anonymous": "on",
                "contact_method": "none",
            },
        ),
    ]


def ensure_floor_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {server.BARE_TABLE} (id bigserial PRIMARY KEY, body text)"
        )


def post(client: Client, url: str, data: dict, token: str):
    body = {**data, "csrfmiddlewaretoken": token}
    if url != "/bench/form/":
        body["submission_token"] = secrets.token_hex(16)
    return client.post(url, body)


def measure(url: str, data: dict, repeat: int, top: int, show_sql: bool) -> dict:
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    token = CSRF_RE.search(page.content.decode()).group(1)
    first = post(client, url, data, token)
    with CaptureQueriesContext(connection) as captured:
        post(client, url, data, token)
    queries = len(captured)
    if show_sql:
        for query in captured.captured_queries:
            print("   ", query["sql"][:300])
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        post(client, url, data, token)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    profile = cProfile.Profile()
    profile.enable()
    post(client, url, data, token)
    profile.disable()
    stats = pstats.Stats(profile)
    if top:
        stats.sort_stats("cumulative").print_stats(top)
    return {
        "status": first.status_code,
        "queries": queries,
        "calls": stats.total_calls,
        "cpu": statistics.median(cpu) * 1000,
        "wall": statistics.median(wall) * 1000,
        "statements": statements_of(client, url, data, token),
    }


class _Undo(Exception):
    pass


def statements_of(client: Client, url: str, data: dict, token: str) -> list[str]:
    """The statements of one more write, captured in a transaction then rolled back, so that
    `replay` can send them again; its own atomic blocks became savepoints, left out here."""
    with CaptureQueriesContext(connection) as captured, suppress(_Undo), transaction.atomic():
        post(client, url, data, token)
        raise _Undo
    control = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "BEGIN", "COMMIT")
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(control)]


def throughput(url: str, data: dict, procs: int, seconds: float) -> float:
    """Requests per second of `procs` processes posting at once, as the server's workers do:
    what lock waits between concurrent writes cost, which one process never sees."""
    connection.close()
    pids = []
    read, write = os.pipe()
    for _ in range(procs):
        pid = os.fork()
        if pid == 0:
            client = Client(enforce_csrf_checks=True)
            token = CSRF_RE.search(client.get(url).content.decode()).group(1)
            done, stop = 0, time.perf_counter() + seconds
            while time.perf_counter() < stop:
                post(client, url, data, token)
                done += 1
            os.write(write, f"{done}\n".encode())
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    os.close(write)
    with os.fdopen(read) as counts:
        return sum(int(line) for line in counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--sql", action="store_true", help="print each write's statements")
    parser.add_argument("--only", default="", help="only the writes whose label contains this")
    parser.add_argument("--procs", type=int, default=0, help="also run N processes at once")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--replay", action="store_true", help="time the statements alone")
    options = parser.parse_args()
    ensure_floor_table()
    rows = []
    for label, url, data in targets():
        if options.only and options.only not in label and "floor" not in label:
            continue
        print(f"=== {label} {url}")
        row = measure(url, data, options.repeat, options.top, options.sql)
        if options.procs:
            row["rate"] = throughput(url, data, options.procs, options.seconds)
        rows.append((label, row))
    floor = rows[0][1]
    print(
        f"{'write':26} {'status':>6} {'queries':>7} {'calls':>7} {'cpu ms':>7} {'wall ms':>7}"
        f" {'÷floor':>6} {'req/s':>7} {'×floor':>6}"
    )
    for label, row in rows:
        rate = row.get("rate", 0.0)
        print(
            f"{label:26} {row['status']:>6} {row['queries']:>7} {row['calls']:>7} "
            f"{row['cpu']:>7.2f} {row['wall']:>7.2f} {row['cpu'] / floor['cpu']:>6.2f}"
            f" {rate:>7.0f} {rate / floor.get('rate', 1) if rate else 0:>6.2f}"
        )
    if options.replay:
        sql_ms = {label: replay(row["statements"], options.repeat) for label, row in rows}
        rest = floor["wall"] - sql_ms[rows[0][0]]
        print(f"{'write':26} {'sql ms':>7} {'ceiling':>7}")
        for label, _row in rows:
            print(
                f"{label:26} {sql_ms[label]:>7.2f} {floor['wall'] / (rest + sql_ms[label]):>7.2f}"
            )


if __name__ == "__main__":
    main()

"""Benchmark of the supervision sweep and dashboard at county scale (1,000,000 clocks).

Run: .venv/bin/python bench/bench_supervision.py [--clocks 1000000] [--rounds 3]
Needs PostgreSQL on 127.0.0.1:5432 (`BENCH_PG`; database `bench_supervision`, created and migrated
here, whatever DATABASE_URL says).
Writes its section of docs/PERFORMANCE.md.
"""

import argparse
import datetime
import logging
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = "bench_supervision"
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# Its own database whatever DATABASE_URL says: the data is made by TRUNCATE … CASCADE of the
# clocks, which empties every case and complaint with them, and `bench_http.py --sweep` runs
# this script with the HTTP bench's database in its environment.
os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal import sms  # noqa: E402
from portal.celery import app  # noqa: E402
from portal.models import Department, InboxMessage, OutboxMessage, User  # noqa: E402
from portal.roles import Role  # noqa: E402
from supervision.models import OPEN_NOTICE_STATUSES, Alert, Clock, ClockEvent, Notice  # noqa: E402
from supervision.services import sweep  # noqa: E402
from supervision.tasks import notify_notices  # noqa: E402

NOW = timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0))
TURN_YELLOW = 10_000
TURN_RED = 10_000


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    call_command("migrate", verbosity=0)


def generate(total: int) -> None:
    """Fill the clock table with SQL: 30 % open, of which 10,000 due to turn yellow and 10,000 red."""
    departments = list(
        Department.objects.filter(code__startswith="bench-").values_list("id", flat=True)
    )
    if len(departments) < 30:
        county, _ = Department.objects.get_or_create(
            code="bench-county", defaults={"name": "基准县", "kind": "county"}
        )
        for i in range(30 - len(departments)):
            Department.objects.get_or_create(
                code=f"bench-{i}",
                defaults={"name": f"基准局{i}", "kind": "bureau", "parent": county},
            )
        departments = list(
            Department.objects.filter(code__startswith="bench-").values_list("id", flat=True)
        )
    table = Clock._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        if cursor.fetchone()[0] == total:
            return
        cursor.execute(f"TRUNCATE {table} RESTART IDENTITY CASCADE")
        open_count = int(total * 0.3)
        cursor.execute(
            f"""
            INSERT INTO {table} (kind, subject_ref, subject_label, subject_url, department_id, unit, "limit",
                extension, extension_reason, used, segment_started_at, started_at, warn_at, due_at, escalate_at,
                state, light, pause_reason, stopped_at, provisional)
            SELECT 'bench.case', 'B-' || g, '基准事项 ' || g, '/bench/' || g || '/',
                (ARRAY[{",".join(map(str, departments))}])[1 + g %% {len(departments)}],
                'workdays', 20, 0, '', 0, s.started, s.started,
                CASE WHEN g <= {TURN_YELLOW} THEN %(now)s - interval '1 hour'
                     WHEN g <= {TURN_YELLOW + TURN_RED} THEN %(now)s - interval '3 days'
                     ELSE s.started + interval '25 days' END,
                CASE WHEN g <= {TURN_YELLOW} THEN %(now)s + interval '1 day'
                     WHEN g <= {TURN_YELLOW + TURN_RED} THEN %(now)s - interval '1 hour'
                     ELSE s.started + interval '28 days' END,
                s.started + interval '35 days',
                CASE WHEN g <= {open_count} THEN 'running' ELSE 'stopped' END,
                CASE WHEN g > {TURN_YELLOW} AND g <= {TURN_YELLOW + TURN_RED} THEN 'yellow' ELSE 'green' END,
                '',
                CASE WHEN g <= {open_count} THEN NULL ELSE s.started + (g %% 32) * interval '1 day' END,
                false
            FROM generate_series(1, %(total)s) AS g,
            -- Open work started in the last three weeks; finished work over the last two years.
            LATERAL (SELECT CASE WHEN g <= {open_count} THEN %(now)s - (g %% 21) * interval '1 day'
                                 ELSE %(now)s - (30 + g %% 700) * interval '1 day' END AS started) AS s
            """,
            {"now": NOW, "total": total},
        )
        # Index-only scans need the visibility map a real table gets from autovacuum.
        cursor.execute(f"VACUUM ANALYZE {table}")


def reset() -> None:
    """Put the 20,000 moved clocks back and forget what the sweep wrote."""
    table = Clock._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET light = CASE WHEN id <= {TURN_YELLOW} THEN 'green' ELSE 'yellow' END "
            f"WHERE id <= {TURN_YELLOW + TURN_RED}"
        )
        for model in (ClockEvent, Notice, Alert):
            cursor.execute(f"TRUNCATE {model._meta.db_table} CASCADE")


def time_sweep() -> tuple[float, object]:
    started = time.perf_counter()
    result = sweep.sweep_clocks(now=NOW)
    return time.perf_counter() - started, result


def time_bare_update() -> float:
    """The same rows moved by one UPDATE and nothing else."""
    table = Clock._meta.db_table
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET light = CASE WHEN due_at < %(now)s THEN 'red' ELSE 'yellow' END "
            f"WHERE state = 'running' AND ((light = 'green' AND warn_at < %(now)s) "
            f"OR (light <> 'red' AND due_at < %(now)s))",
            {"now": NOW},
        )
        moved = cursor.rowcount
    elapsed = time.perf_counter() - started
    assert moved == TURN_YELLOW + TURN_RED, moved
    return elapsed


def explain() -> None:
    """Print each sweep statement's plan with its run time, in a transaction rolled back."""
    reset()
    value = connection.ops.adapt_datetimefield_value(NOW)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('jit', 'off', true)")  # as `sweep_clocks` does
        for name, text in sweep.statements():
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {text}", {"now": value})
            print(f"-- {name}\n" + "\n".join(row[0] for row in cursor.fetchall()))
        transaction.set_rollback(True)


def ensure_heads() -> int:
    """One department head with a mobile number per department, as in the demo county."""
    head = Group.objects.get_or_create(name=Role.DEPARTMENT_HEAD.value)[0]
    departments = Department.objects.filter(code__startswith="bench-").order_by("pk")
    for index, department in enumerate(departments):
        user, created = User.objects.get_or_create(
            username=f"bench-head-{department.code}",
            defaults={"kind": "staff", "department": department, "mobile": f"1380000{index:04d}"},
        )
        if created:
            user.groups.add(head)
    return departments.count()


def time_delivery() -> tuple[float, int, int]:
    """After a sweep, run what the worker runs until nothing is pending: the notify task the
    sweep hands over (inbox and outbox rows, in batches) and the outbox delivery tasks handed
    over after each batch's commit; the broker's transport is left out (eager tasks) and SMS go
    to the memory backend. Returns seconds, SQL statements and notify runs (a run stops at its
    time budget and the next comes with the next minute's sweep)."""
    with connection.cursor() as cursor:
        for model in (InboxMessage, OutboxMessage):
            cursor.execute(f"TRUNCATE {model._meta.db_table}")
    unannounced = Notice.objects.filter(notified_at__isnull=True, status__in=OPEN_NOTICE_STATUSES)
    statements, runs = [], 0

    def counted(execute, *args):
        statements.append(1)
        return execute(*args)

    logging.getLogger("celery.app.trace").setLevel(logging.WARNING)  # a line per task otherwise
    app.conf.task_always_eager = True
    try:
        with override_settings(SMS_BACKEND="memory"):
            started = time.perf_counter()
            while not runs or unannounced.exists():
                with connection.execute_wrapper(counted):
                    notify_notices.delay()
                runs += 1
            elapsed = time.perf_counter() - started
    finally:
        app.conf.task_always_eager = False
    sent = OutboxMessage.objects.filter(status="sent").count()
    assert sent == len(sms.outbox) == Notice.objects.count(), (sent, len(sms.outbox))
    sms.outbox.clear()
    return elapsed, len(statements), runs


def time_dashboard(rounds: int) -> tuple[float, int]:
    inspector, created = User.objects.get_or_create(
        username="bench-inspector",
        defaults={"kind": "staff", "department": Department.objects.get(code="bench-county")},
    )
    if created:
        inspector.groups.add(Group.objects.get_or_create(name=Role.DISCIPLINE_INSPECTOR.value)[0])
    client = Client()
    client.force_login(inspector)
    static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    timings = []
    with override_settings(STORAGES={**django.conf.settings.STORAGES, **static}):
        client.get("/supervision/")  # warm the template cache
        for _ in range(rounds):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get("/supervision/")
                timings.append(time.perf_counter() - started)
            assert response.status_code == 200
    return statistics.median(timings), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clocks", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--explain", action="store_true", help="print the sweep's plans and stop")
    args = parser.parse_args()

    ensure_database()
    started = time.perf_counter()
    generate(args.clocks)
    heads = ensure_heads()
    print(f"data ready in {time.perf_counter() - started:.1f} s")
    if args.explain:
        explain()
        return

    sweeps, bares = [], []
    for _ in range(args.rounds):
        reset()
        elapsed, result = time_sweep()
        assert (result.yellow, result.red) == (TURN_YELLOW, TURN_RED), result
        sweeps.append(elapsed)
        reset()
        bares.append(time_bare_update())
    reset()
    sweep.sweep_clocks(now=NOW)
    delivery_s, delivery_statements, delivery_runs = time_delivery()
    with connection.cursor() as cursor:
        # What autovacuum does to a live table after a burst of updates: the dashboard's
        # index-only scans need the visibility map.
        for model in (Clock, Notice, Alert):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    dashboard_ms, dashboard_queries = time_dashboard(max(5, args.rounds * 3))

    sweep_s, bare_s = statistics.median(sweeps), statistics.median(bares)
    ratio = sweep_s / bare_s
    command = (
        f".venv/bin/python bench/bench_supervision.py --clocks {args.clocks} --rounds {args.rounds}"
    )
    text = f"""## Supervision: the sweep and the dashboard

Command: `{command}`
Machine: {os.cpu_count()} cores, {platform.machine()}, PostgreSQL on loopback (the same machine).
Data: {args.clocks:,} clocks, 30 % open, 30 departments; at the sweep moment {TURN_YELLOW:,} open clocks
cross their warning time and {TURN_RED:,} their due time. Median of {args.rounds} rounds, the data reset between rounds.

| what | median | target |
|---|---:|---|
| one sweep (urge and supervision notices, overdue alerts, lights, second grade: {len(sweep.statements())} statements in one transaction) | {sweep_s * 1000:.0f} ms | |
| bare `UPDATE` of the same 20,000 lights, same data, same run | {bare_s * 1000:.0f} ms | |
| sweep ÷ bare update | {ratio:.2f}× | ≤ 2× — **{"met" if ratio <= 2 else "NOT met"}** |
| dashboard page (inspector, all departments; in-process client) | {dashboard_ms * 1000:.0f} ms | ≤ 150 ms — **{"met" if dashboard_ms <= 0.150 else "NOT met"}** |
| dashboard queries | {dashboard_queries} | fixed by the page: pinned at ≤ 12 (cold caches) with a handful of clocks in `tests/supervision/test_views.py` |
| notifications of one sweep's {TURN_YELLOW + TURN_RED:,} notices, notified and delivered (one run, after the last round's sweep) | {delivery_s:.1f} s | ≤ 120 s — **{"met" if delivery_s <= 120 else "NOT met"}** |
| SQL statements of that delivery; notify runs it took | {delivery_statements:,}; {delivery_runs} | one run (a run stops after 50 s) |

Delivery: one department head (with a mobile number) per department, so one inbox message and
one SMS per notice ({heads} heads). It runs in this process what the worker runs until no notice
is left unannounced and no message unsent: the notify task the sweep hands over, then each
message's delivery task handed over after each batch commits. Left out: the broker's transport
(tasks run eagerly) and the SMS gateway's own time (the memory backend).
"""
    print(text)
    from bench.report import write_section

    write_section("supervision", text)


if __name__ == "__main__":
    main()

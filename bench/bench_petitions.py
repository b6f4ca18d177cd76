"""Benchmark: 200 concurrent complaint submissions for 60 s against gunicorn and PostgreSQL.

Run: `.venv/bin/python bench/bench_petitions.py` (PostgreSQL on 127.0.0.1:5432, database
`bench_petitions`, recreated). The script starts gunicorn on a free loopback port, drives the
real filing form (GET for the CSRF token once per client, then POST after POST) from 200 client
threads, then drives a bare view that inserts one row with one SQL statement, in the same run.
It checks that nothing failed and that every accepted complaint is stored exactly once with a
unique number, and writes the figures into its section of docs/PERFORMANCE.md.

This one file is also the settings module and URLconf of the benchmarked server (imported by
gunicorn with BENCH_PETITIONS_SERVER=1): the bare view never ships with the product.
"""

import os
import sys

if os.environ.get("BENCH_PETITIONS_SERVER"):
    # --- Imported by gunicorn: settings and URLconf of the server under test ------------------
    from portal.settings import *  # noqa: F403

    DEBUG = False
    ROOT_URLCONF = "bench_petitions"
    ALLOWED_HOSTS = ["127.0.0.1"]
    # No collectstatic in a benchmark run: plain static names instead of the manifest.
    STORAGES = {
        **STORAGES,  # noqa: F405
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

    def bare_insert(request):
        """The floor: one INSERT, no form, no session, no template."""
        from django.db import connection
        from django.http import HttpResponse

        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO bench_bare (body) VALUES (%s)", [request.POST.get("body", "")]
            )
        return HttpResponse("ok", content_type="text/plain")

    bare_insert.csrf_exempt = True

    def __getattr__(name):
        # The URLconf is read after the apps are loaded; building it at settings time would be too early.
        if name == "urlpatterns":
            from django.urls import include, path

            return [path("bench/bare/", bare_insert), path("", include("portal.urls"))]
        raise AttributeError(name)
else:
    import argparse
    import http.client
    import re
    import shutil
    import signal
    import socket
    import subprocess
    import threading
    import time
    import urllib.parse
    from pathlib import Path

    ROOT = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(ROOT))
    DB_NAME = "bench_petitions"
    PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    DATABASE_URL = f"{PG}/{DB_NAME}"
    CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def free_port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def env() -> dict:
        return {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "bench-petitions-not-secret",
            "CONN_MAX_AGE": "600",
            "SMS_BACKEND": "file",
        }

    def manage(*args: str) -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def prepare() -> int:
        """Recreate the database, migrate, and create the category, rule and departments."""
        import psycopg

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DB_NAME}")
        manage("migrate", "--verbosity", "0")
        script = (
            "from portal.models import Department;"
            "from petitions.models import Category, RoutingRule;"
            "from django.db import connection;"
            "county=Department.objects.create(code='county', name='县', kind='county');"
            "Department.objects.create(code='gov-office', name='热线办', kind='bureau', parent=county);"
            "market=Department.objects.create(code='market', name='市场局', kind='bureau', parent=county);"
            "category=Category.objects.create(code='complaint', name='投诉', kind='complaint');"
            "RoutingRule.objects.create(category=category, department=market);"
            "connection.cursor().execute('CREATE TABLE bench_bare (id bigserial PRIMARY KEY, body text NOT NULL)');"
            "print(category.pk)"
        )
        out = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
            cwd=ROOT,
            env=env(),
            check=True,
            capture_output=True,
            text=True,
        )
        return int(out.stdout.strip().splitlines()[-1])

    def start_server(port: int, workers: int) -> subprocess.Popen:
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        server_env = {
            **env(),
            "BENCH_PETITIONS_SERVER": "1",
            "DJANGO_SETTINGS_MODULE": "bench_petitions",
            "PYTHONPATH": os.pathsep.join(
                [str(ROOT / "bench"), str(ROOT), os.environ.get("PYTHONPATH", "")]
            ),
        }
        process = subprocess.Popen(
            [
                gunicorn,
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--backlog",
                "2048",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=server_env,
            start_new_session=True,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status < 500:
                    return process
            except OSError:
                time.sleep(0.3)
        process.terminate()
        raise SystemExit("gunicorn did not start")

    class Tally:
        def __init__(self):
            self.lock = threading.Lock()
            self.ok = 0
            self.errors: dict[str, int] = {}
            self.titles: list[str] = []
            self.latencies: list[float] = []

        def add(self, *, ok: bool, reason: str = "", title: str = "", latency: float = 0.0):
            with self.lock:
                if ok:
                    self.ok += 1
                    self.latencies.append(latency)
                    if title:
                        self.titles.append(title)
                else:
                    self.errors[reason] = self.errors.get(reason, 0) + 1

    def complaint_client(index: int, port: int, category: int, stop: float, tally: Tally) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("GET", "/petitions/file/")
            response = conn.getresponse()
            page = response.read().decode()
            token = CSRF_RE.search(page).group(1)
            cookie = response.getheader("Set-Cookie").split(";")[0]
        except Exception as error:
            tally.add(ok=False, reason=f"setup: {error!r}"[:120])
            return
        sequence = 0
        while time.time() < stop:
            sequence += 1
            title = f"bench-{index}-{sequence}"
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "category": category,
                    "title": title,
                    "content": "压测投诉内容：超市销售过期食品。",
                    "is_anonymous": "on",
                    "contact_method": "none",
                }
            )
            started = time.perf_counter()
            try:
                conn.request(
                    "POST",
                    "/petitions/file/",
                    body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": cookie,
                        "Referer": f"http://127.0.0.1:{port}/petitions/file/",
                    },
                )
                response = conn.getresponse()
                response.read()
                location = response.getheader("Location", "")
            except Exception as error:
                tally.add(ok=False, reason=repr(error)[:80])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if response.status == 302 and location.endswith("/petitions/filed/"):
                tally.add(ok=True, title=title, latency=time.perf_counter() - started)
            else:
                tally.add(ok=False, reason=f"HTTP {response.status}")
        conn.close()

    def bare_client(index: int, port: int, stop: float, tally: Tally) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        sequence = 0
        while time.time() < stop:
            sequence += 1
            started = time.perf_counter()
            try:
                conn.request(
                    "POST",
                    "/bench/bare/",
                    body=f"body=bare-{index}-{sequence}",
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                response = conn.getresponse()
                response.read()
            except Exception as error:
                tally.add(ok=False, reason=repr(error)[:80])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            tally.add(
                ok=response.status == 200,
                reason=f"HTTP {response.status}",
                latency=time.perf_counter() - started,
            )
        conn.close()

    def drive(target, clients: int, seconds: float, *args) -> tuple[Tally, float]:
        tally = Tally()
        stop = time.time() + seconds
        threads = [
            threading.Thread(target=target, args=(i, *args, stop, tally)) for i in range(clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return tally, time.perf_counter() - started

    def percentile(values: list[float], p: float) -> float:
        if not values:
            return 0.0
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    def verify(tally: Tally) -> dict:
        """Every accepted submission is stored exactly once, with a unique number."""
        import psycopg

        with psycopg.connect(DATABASE_URL) as conn:
            rows = conn.execute("SELECT title, number FROM petitions_complaint").fetchall()
            identities = conn.execute(
                "SELECT count(*) FROM petitions_complainantidentity"
            ).fetchone()[0]
        titles = [title for title, _ in rows]
        numbers = [number for _, number in rows]
        return {
            "stored": len(rows),
            "accepted": tally.ok,
            "duplicated_titles": len(titles) - len(set(titles)),
            "missing": len(set(tally.titles) - set(titles)),
            "unexpected": len(set(titles) - set(tally.titles)),
            "null_numbers": sum(1 for n in numbers if not n),
            "duplicate_numbers": len(numbers) - len(set(numbers)),
            "identities": identities,
        }

    def main() -> int:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--clients", type=int, default=200)
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--bare-seconds", type=float, default=20)
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument(
            "--no-report", action="store_true", help="do not write docs/PERFORMANCE.md"
        )
        args = parser.parse_args()

        print(f"preparing database {DB_NAME} …", flush=True)
        category = prepare()
        port = free_port()
        server = start_server(port, args.workers)
        try:
            print(
                f"complaints: {args.clients} clients for {args.seconds:.0f} s on 127.0.0.1:{port}",
                flush=True,
            )
            complaints, complaint_time = drive(
                complaint_client, args.clients, args.seconds, port, category
            )
            print(f"bare insert: {args.clients} clients for {args.bare_seconds:.0f} s", flush=True)
            bare, bare_time = drive(bare_client, args.clients, args.bare_seconds, port)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        check = verify(complaints)
        complaint_rate = complaints.ok / complaint_time
        bare_rate = bare.ok / bare_time
        passed = (
            not complaints.errors
            and not bare.errors
            and check["stored"] == check["accepted"]
            and check["duplicated_titles"] == 0
            and check["missing"] == 0
            and check["unexpected"] == 0
            and check["null_numbers"] == 0
            and check["duplicate_numbers"] == 0
            and check["identities"] == check["stored"]
        )
        cores = os.cpu_count()
        report = f"""## Complaints (petitions): concurrent filing

Command: `.venv/bin/python bench/bench_petitions.py --clients {args.clients} --seconds {args.seconds:.0f} --workers {args.workers}`
Machine: {cores} cores (shared), PostgreSQL and gunicorn ({args.workers} gthread workers × 4 threads) on loopback;
the load generator runs on the same machine. Data: an empty `{DB_NAME}` database, one category routed to one
department, so each filing also dispatches, grants the department and starts a clock.

| what | requests ok | errors | throughput | p50 | p95 |
|---|---:|---:|---:|---:|---:|
| file a complaint (form POST: validate, insert complaint + identity + events, route, clock, grant, history) | {complaints.ok} | {sum(complaints.errors.values())} | {complaint_rate:.0f}/s | {percentile(complaints.latencies, 0.5):.0f} ms | {percentile(complaints.latencies, 0.95):.0f} ms |
| bare insert view (one INSERT, same server, same run) | {bare.ok} | {sum(bare.errors.values())} | {bare_rate:.0f}/s | {percentile(bare.latencies, 0.5):.0f} ms | {percentile(bare.latencies, 0.95):.0f} ms |

Integrity: {check["accepted"]} accepted, {check["stored"]} stored, {check["missing"]} missing,
{check["duplicated_titles"]} duplicated, {check["duplicate_numbers"]} duplicate numbers, {check["null_numbers"]} without a number,
{check["identities"]} identity rows. Result: **{"PASS" if passed else "FAIL"}**{"" if not complaints.errors else " — errors: " + str(complaints.errors)}.
The filing costs about {bare_rate / complaint_rate if complaint_rate else 0:.0f}× the bare insert: about 25
statements in one transaction (complaint, identity, event rows, routing rules, guardian grant,
clock and its event, simple-history rows) plus form validation, the session write and the
template. The load generator (Python threads) shares the 2 cores with gunicorn and PostgreSQL,
and other engineers' test runs share the machine, so the figures are a floor.
"""
        print(report)
        if not args.no_report:
            from bench.report import write_section

            write_section("petitions", report)
        return 0 if passed else 1

    if __name__ == "__main__":
        sys.exit(main())

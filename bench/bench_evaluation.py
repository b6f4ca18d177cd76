"""Benchmark: dissatisfied votes stored per second under concurrent load, warnings evaluated.

Run: `.venv/bin/python bench/bench_evaluation.py` (PostgreSQL on 127.0.0.1:5432, database
`bench_evaluation`, recreated; Redis on 127.0.0.1:6379 db 6 for the rate-limit cache). The script
starts gunicorn on a free loopback port and drives the real public vote form (anonymous, the rate
limit raised out of the way) from client threads spread over the roster, then a bare view that
inserts one row, in the same run. It checks that every accepted vote is stored, that each
person's tallies equal their stored votes, and that each person has exactly the warnings their
count crossed, then writes the figures into its section of docs/PERFORMANCE.md.

This file is also the settings module and URLconf of the server under test (imported by gunicorn
with BENCH_EVALUATION_SERVER=1), so the bare view never ships with the product.
"""

import os
import sys

if os.environ.get("BENCH_EVALUATION_SERVER"):
    from portal.settings import *  # noqa: F403

    DEBUG = False
    ROOT_URLCONF = "bench_evaluation"
    ALLOWED_HOSTS = ["127.0.0.1"]
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
            cursor.execute("INSERT INTO bench_bare (body) VALUES (%s)", [request.POST.get("b", "")])
        return HttpResponse("ok", content_type="text/plain")

    bare_insert.csrf_exempt = True

    def plain_vote(request, pk):
        """The vote page's own work without the rating's: the same form POST (CSRF, lookup,
        validation, message, redirect) storing the vote row alone: no rate limit, event, tallies
        or warnings. The gap between this and a real vote is what race-free warnings cost."""
        from django.contrib import messages
        from django.shortcuts import get_object_or_404, redirect
        from django.utils import timezone

        from evaluation.forms import VoteForm
        from evaluation.models import RatedPerson, Rating, Vote, month_of

        person = get_object_or_404(RatedPerson, pk=pk, is_active=True)
        form = VoteForm(request.POST)
        if not form.is_valid():
            return redirect(person)
        choice = dict(form.cleaned_data)
        choice.pop("submission_token")
        Vote.objects.create(
            person=person,
            month=month_of(timezone.now()),
            is_dissatisfied=Rating.DISSATISFIED in choice.values(),
            reason_status=Vote.ReasonStatus.PENDING,
            **choice,
        )
        messages.success(request, "ok")
        return redirect(person)

    def __getattr__(name):
        if name == "urlpatterns":
            from django.urls import include, path

            return [
                path("bench/bare/", bare_insert),
                path("bench/plain-vote/<int:pk>/", plain_vote),
                path("", include("portal.urls")),
            ]
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
    DB_NAME = "bench_evaluation"
    PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    DATABASE_URL = f"{PG}/{DB_NAME}"
    REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/6")
    CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    MONTH = {1: 10, 2: 20, 3: 40}  # default month thresholds by tier, for the check
    YEAR = {1: 40, 2: 80, 3: 120}

    def free_port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def env() -> dict:
        return {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "bench-evaluation-not-secret",
            "CONN_MAX_AGE": "600",
            "SMS_BACKEND": "file",
            "EVALUATION_ANONYMOUS_VOTING": "1",
            "EVALUATION_ANONYMOUS_RATE_VOTES": "1000000000",
        }

    def prepare(people: int) -> list[int]:
        """Recreate the database, migrate, create the roster and the bare table."""
        import psycopg

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DB_NAME}")
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v", "0"],
            cwd=ROOT,
            env=env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        script = (
            "from portal.models import Department as D;"
            "from evaluation.models import RatedPerson as P;"
            "from django.db import connection;"
            "c=D.objects.create(code='county', name='县', kind='county');"
            "m=D.objects.create(code='market', name='市场局', kind='bureau', parent=c);"
            f"ids=[P.objects.create(name=f'对象{{i}}', gender='male', position='科员', department=m).pk for i in range({people})];"
            "connection.cursor().execute('CREATE TABLE bench_bare (id bigserial PRIMARY KEY, body text NOT NULL)');"
            "print(','.join(map(str, ids)))"
        )
        out = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env(),
            check=True,
            capture_output=True,
            text=True,
        )
        return [int(x) for x in out.stdout.strip().splitlines()[-1].split(",")]

    def start_server(port: int, workers: int, threads: int) -> subprocess.Popen:
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        server_env = {
            **env(),
            "BENCH_EVALUATION_SERVER": "1",
            "DJANGO_SETTINGS_MODULE": "bench_evaluation",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
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
                str(threads),
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
        os.killpg(process.pid, signal.SIGTERM)
        raise SystemExit("gunicorn did not start")

    class Counter:
        def __init__(self):
            self.lock = threading.Lock()
            self.ok = 0
            self.errors: dict[str, int] = {}
            self.latencies: list[float] = []
            self.per_person: dict[int, int] = {}

        def add(self, ok: bool, reason: str = "", latency: float = 0.0, person: int = 0):
            with self.lock:
                if ok:
                    self.ok += 1
                    self.latencies.append(latency)
                    self.per_person[person] = self.per_person.get(person, 0) + 1
                else:
                    self.errors[reason] = self.errors.get(reason, 0) + 1

    def vote_client(index: int, port: int, people: list[int], stop: float, counter: Counter):
        post_votes(index, port, people, stop, counter, "/evaluation/people/{}/")

    def plain_vote_client(index: int, port: int, people: list[int], stop: float, counter: Counter):
        post_votes(index, port, people, stop, counter, "/bench/plain-vote/{}/")

    def post_votes(index, port, people, stop, counter, target: str):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        first = people[index % len(people)]
        try:
            conn.request("GET", f"/evaluation/people/{first}/")
            response = conn.getresponse()
            token = CSRF_RE.search(response.read().decode()).group(1)
            cookie = response.getheader("Set-Cookie").split(";")[0]
        except Exception as error:
            counter.add(False, f"setup: {error!r}"[:100])
            return
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "attitude": "dissatisfied",
                "efficiency": "fair",
                "style": "satisfied",
                "reason": "压测：办事拖拉",
            }
        )
        n = index
        while time.time() < stop:
            person = people[n % len(people)]
            n += 7
            path = target.format(person)
            started = time.perf_counter()
            try:
                conn.request(
                    "POST",
                    path,
                    body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": cookie,
                        "Referer": f"http://127.0.0.1:{port}{path}",
                    },
                )
                response = conn.getresponse()
                response.read()
            except Exception as error:
                counter.add(False, repr(error)[:80])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if response.status == 302:
                counter.add(True, latency=time.perf_counter() - started, person=person)
            else:
                counter.add(False, f"HTTP {response.status}")
        conn.close()

    def bare_client(index: int, port: int, stop: float, counter: Counter):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.time() < stop:
            started = time.perf_counter()
            try:
                conn.request(
                    "POST",
                    "/bench/bare/",
                    body=f"b=bare-{index}",
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                response = conn.getresponse()
                response.read()
            except Exception as error:
                counter.add(False, repr(error)[:80])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            counter.add(
                response.status == 200, f"HTTP {response.status}", time.perf_counter() - started
            )
        conn.close()

    def cpu_seconds(commands: tuple[str, ...]) -> dict[str, float]:
        """CPU time (user + system) used so far by the processes whose command line starts
        with each of `commands`, from /proc (Linux)."""
        used = dict.fromkeys(commands, 0.0)
        tick = os.sysconf("SC_CLK_TCK")
        for entry in Path("/proc").iterdir():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            for command in commands:
                if command in cmdline.split(" ", 2)[:2] or cmdline.startswith(command):
                    used[command] += (int(fields[11]) + int(fields[12])) / tick
        return used

    def drive(target, clients: int, seconds: float, *args) -> tuple[Counter, float, dict]:
        """Run `clients` threads of `target` for `seconds`; return the counts, the elapsed time
        and the CPU milliseconds per accepted request of the server and the database."""
        counter = Counter()
        stop = time.time() + seconds
        threads = [
            threading.Thread(target=target, args=(i, *args, stop, counter)) for i in range(clients)
        ]
        watched = (str(Path(sys.executable).parent / "gunicorn"), "postgres:")
        before = cpu_seconds(watched)
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        after = cpu_seconds(watched)
        per_request = {
            name: (after[key] - before[key]) * 1000 / max(counter.ok, 1)
            for name, key in zip(("server", "database"), watched, strict=True)
        }
        return counter, elapsed, per_request

    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    def expected_bases(count: int) -> set[tuple[str, int]]:
        """The (basis, tier) rows a person with `count` votes in one month must have."""
        month = {t for t, n in MONTH.items() if count >= n}
        year = {t for t, n in YEAR.items() if count >= n}
        return {("month", t) for t in month} | {("year", t) for t in year}

    def verify(votes: Counter) -> dict:
        import psycopg

        with psycopg.connect(DATABASE_URL) as conn:
            stored = dict(
                conn.execute(
                    "SELECT person_id, count(*) FROM evaluation_vote GROUP BY person_id"
                ).fetchall()
            )
            tallies = conn.execute(
                "SELECT person_id, basis, dissatisfied FROM evaluation_tally"
            ).fetchall()
            bases = conn.execute(
                "SELECT person_id, basis, tier FROM evaluation_warningbasis"
            ).fetchall()
            warnings = conn.execute("SELECT count(*) FROM evaluation_ratingwarning").fetchone()[0]
            alerts = conn.execute(
                "SELECT count(*) FROM supervision_alert WHERE kind='rating_warning'"
            ).fetchone()[0]
        wrong_tallies = sum(1 for p, _b, n in tallies if n != stored.get(p, 0))
        got: dict[int, set] = {}
        for p, b, t in bases:
            got.setdefault(p, set()).add((b, t))
        # Lower tiers crossed by the same vote as a higher one are covered, not raised: compare
        # the highest tier per basis, which must always be present.
        wrong_warnings = 0
        for p, n in stored.items():
            exp = expected_bases(n)
            for basis in ("month", "year"):
                e = max((t for b, t in exp if b == basis), default=0)
                g = max((t for b, t in got.get(p, set()) if b == basis), default=0)
                wrong_warnings += e != g
        return {
            "accepted": votes.ok,
            "stored": sum(stored.values()),
            "lost": sum(1 for p, n in votes.per_person.items() if stored.get(p, 0) < n),
            "wrong_tallies": wrong_tallies,
            "wrong_warnings": wrong_warnings,
            "warnings": warnings,
            "alerts": alerts,
        }

    def main() -> int:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--people", type=int, default=20)
        parser.add_argument("--seconds", type=float, default=30)
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--no-report", action="store_true")
        args = parser.parse_args()

        print(f"preparing {DB_NAME} …", flush=True)
        people = prepare(args.people)
        port = free_port()
        server = start_server(port, args.workers, args.threads)
        try:
            print(f"votes: {args.clients} clients × {args.seconds:.0f} s", flush=True)
            votes, vote_time, vote_cpu = drive(
                vote_client, args.clients, args.seconds, port, people
            )
            # Checked before the plain votes below add rows that no tally counts.
            check = verify(votes)
            print(f"plain votes: {args.clients} clients × {args.seconds:.0f} s", flush=True)
            plain, plain_time, plain_cpu = drive(
                plain_vote_client, args.clients, args.seconds, port, people
            )
            print(f"bare: {args.clients} clients × {args.seconds:.0f} s", flush=True)
            bare, bare_time, bare_cpu = drive(bare_client, args.clients, args.seconds, port)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        vote_rate, bare_rate = votes.ok / vote_time, bare.ok / bare_time
        plain_rate = plain.ok / plain_time
        ratio = vote_rate / bare_rate if bare_rate else 0
        passed = (
            not votes.errors
            and not plain.errors
            and not bare.errors
            and check["stored"] == check["accepted"]
            and not check["lost"]
            and not check["wrong_tallies"]
            and not check["wrong_warnings"]
            and check["alerts"] == check["warnings"]
        )
        report = f"""## Efficiency rating (evaluation): concurrent votes with warnings evaluated

Measured on {time.strftime("%Y-%m-%d")}. Command: `.venv/bin/python bench/bench_evaluation.py --clients {args.clients} --people {args.people} --seconds {args.seconds:.0f} --workers {args.workers} --threads {args.threads}`
Machine: {os.cpu_count()} cores, PostgreSQL, Redis (rate-limit cache) and gunicorn ({args.workers} gthread workers ×
{args.threads} threads) on loopback; the load generator runs on the same machine and takes its share of the cores.
Data: an empty `{DB_NAME}` database with {args.people} rated people; every vote is an anonymous dissatisfied
vote through the public form, so each one adds to its person's month and year tallies (the row lock
every vote for that person passes) and evaluates the thresholds: warnings and supervision alerts
are raised as the counts cross 10/20/40 and 40/80/120. The three phases run one after another on
the same server.

| what | requests ok | errors | throughput | p50 | p95 | CPU per request: server, database |
|---|---:|---:|---:|---:|---:|---:|
| cast a vote (form POST: CSRF, lookup, validate, rate limit, vote + event, tallies, thresholds, message, redirect) | {votes.ok} | {sum(votes.errors.values())} | {vote_rate:.0f}/s | {pct(votes.latencies, 0.5):.0f} ms | {pct(votes.latencies, 0.95):.0f} ms | {vote_cpu["server"]:.1f} ms, {vote_cpu["database"]:.1f} ms |
| plain vote (the same form POST storing the vote row only: no rate limit, event, tallies or warnings) | {plain.ok} | {sum(plain.errors.values())} | {plain_rate:.0f}/s | {pct(plain.latencies, 0.5):.0f} ms | {pct(plain.latencies, 0.95):.0f} ms | {plain_cpu["server"]:.1f} ms, {plain_cpu["database"]:.1f} ms |
| bare insert view (one INSERT by cursor, through the same middleware: no cookie, CSRF check, form or ORM) | {bare.ok} | {sum(bare.errors.values())} | {bare_rate:.0f}/s | {pct(bare.latencies, 0.5):.0f} ms | {pct(bare.latencies, 0.95):.0f} ms | {bare_cpu["server"]:.1f} ms, {bare_cpu["database"]:.1f} ms |

Votes reach **{ratio:.0%}** of the bare rate (target: at least 50%: **{"met" if ratio >= 0.5 else "not met"}**) and
{vote_rate / plain_rate if plain_rate else 0:.0%} of the plain-vote rate. The plain vote alone reaches {plain_rate / bare_rate if bare_rate else 0:.0%} of the bare
rate: that is the floor of a CSRF-checked form POST with a lookup, a validated form, one ORM
insert, a message and a redirect on this stack, before any rating logic runs.
Integrity: {check["accepted"]} accepted, {check["stored"]} stored, {check["wrong_tallies"]} tallies off,
{check["wrong_warnings"]} people with a wrong highest tier, {check["warnings"]} warnings and {check["alerts"]} alerts.
Result: **{"PASS" if passed else "FAIL"}** (integrity; the 50% target is reported above, not asserted){"" if not votes.errors else " — errors: " + str(votes.errors)}.
"""
        print(report)
        if not args.no_report:
            from bench.report import write_section

            write_section("evaluation", report)
        return 0 if passed else 1

    if __name__ == "__main__":
        sys.exit(main())

"""The driver of `bench/bench_http.py`: database, server, wrk, memory, report (the HTTP client:
`bench/web/client.py`)."""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.web import targets
from bench.web.client import (
    capture_statements,
    count_queries,
    fetch,
    request_headers,
    session_for,
)
from bench.web.server import BARE_TABLE

ROOT = Path(__file__).resolve().parent.parent.parent
DB_NAME = os.environ.get("BENCH_HTTP_DB", "bench_http")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE_URL = f"{PG}/{DB_NAME}"
# A Redis database of its own: sessions, cache and broker as in production.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
WRK = os.environ.get("WRK", "/usr/bin/wrk")
LUA = Path(__file__).with_name("wrk.lua")
TARGET = 2.0  # issue 21: every page within 2x of the bare page


def env() -> dict:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "bench-http-not-secret",
        "CONN_MAX_AGE": "600",
        "SMS_BACKEND": "file",
        "PORTAL_VAR_DIR": os.environ.get("PORTAL_VAR_DIR", "/tmp/bench_http_var"),
    }


def manage(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def prepare(scale: str) -> float:
    """Recreate the database, migrate and seed it at `scale`; return the seeding seconds."""
    import psycopg
    import redis

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage("migrate", "--verbosity", "0")
    started = time.monotonic()
    output = manage("seed_demo", "--scale", scale)
    seconds = time.monotonic() - started
    print("\n".join(output.splitlines()[-10:]), flush=True)
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        # What autovacuum leaves a live database: statistics and visibility maps.
        conn.execute("VACUUM ANALYZE")
    return seconds


def ensure_floor_table() -> None:
    """The bare insert's table and the vote ceiling's (after django.setup())."""
    import psycopg

    from bench.web import ceilings

    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {BARE_TABLE} (id bigserial PRIMARY KEY, body text)"
        )
        ceilings.create_tables(conn.cursor())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server_env = {
        **env(),
        "BENCH_HTTP_SERVER": "1",
        "DJANGO_SETTINGS_MODULE": "bench_http",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
    }
    process = subprocess.Popen(
        [
            gunicorn,
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--backlog",
            "2048",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            status, _headers, _body = fetch(port, "/bench/tiny/")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    stop_server(process)
    raise SystemExit("gunicorn did not start")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def run_wrk(
    port: int, page: targets.Page, client: dict, seconds: float, connections: int = 16
) -> dict:
    headers = request_headers(port, client["jar"], page.path)
    if page.method == "GET":
        headers.pop("Content-Type")
    body = page.body
    if page.method == "POST" and client["token"]:
        body += f"&csrfmiddlewaretoken={client['token']}"
    command = [
        WRK,
        "-t2",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
    ]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    command += [
        f"http://127.0.0.1:{port}{page.path}",
        "--",
        page.method,
        str(page.expect),
        body,
        *page.paths,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line[len("BENCH ") :])
    figures["rate"] = figures["requests"] / figures["seconds"] if figures["seconds"] else 0.0
    return figures


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory = next(
        int(line.split()[1]) // (1024 * 1024)
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({model}), {memory} GB memory"


def sizes() -> dict[str, int]:
    import psycopg

    tables = {
        "catalogue items": "disclosure_catalogueitem",
        "articles": "disclosure_article",
        "cases": "approvals_case",
        "complaints": "petitions_complaint",
        "officials": "evaluation_ratedperson",
        "votes": "evaluation_vote",
        "clocks": "supervision_clock",
        "users": "portal_user",
    }
    with psycopg.connect(DATABASE_URL) as conn:
        return {
            name: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for name, table in tables.items()
        }


def memory_run(
    port: int, server: subprocess.Popen, pages, clients, minutes: float
) -> list[list[float]]:
    """Drive every GET page at once (one wrk per page, 2 connections each) and sample RSS."""
    gets = [page for page in pages if page.method == "GET"]
    processes = []
    for page in gets:
        headers = request_headers(port, clients[page.role]["jar"], page.path)
        headers.pop("Content-Type")
        command = [WRK, "-t1", "-c1", f"-d{round(minutes * 60)}s", "-s", str(LUA)]
        for key, value in headers.items():
            command += ["-H", f"{key}: {value}"]
        command += [f"http://127.0.0.1:{port}{page.path}", "--", "GET", "200", ""]
        processes.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
    samples = []
    deadline = time.time() + minutes * 60
    while time.time() < deadline:
        samples.append([round(rss_mb(pid), 1) for pid in worker_pids(server.pid)])
        print(f"  RSS MB per worker: {samples[-1]}", flush=True)
        time.sleep(min(30, max(1, deadline - time.time())))
    for process in processes:
        process.wait()
    samples.append([round(rss_mb(pid), 1) for pid in worker_pids(server.pid)])
    return samples


def main() -> int:
    from bench.web import report

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", default="county", choices=["small", "county", "10x"])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--reuse", action="store_true", help="use the seeded database as it is")
    parser.add_argument("--quick", action="store_true", help="small scale, 2 s per page")
    parser.add_argument("--memory", action="store_true", help="10-minute mixed run, worker RSS")
    parser.add_argument("--memory-minutes", type=float, default=10)
    parser.add_argument("--sweep", action="store_true", help="also run bench/bench_supervision.py")
    parser.add_argument("--only", default="", help="comma-separated page names (substring match)")
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.scale, args.seconds = "small", 2

    seed_seconds = None
    if not args.reuse:
        print(f"preparing {DB_NAME} at scale {args.scale} …", flush=True)
        seed_seconds = prepare(args.scale)
        print(f"seeded in {seed_seconds:.0f} s", flush=True)
    os.environ.update(env())
    import django

    django.setup()
    ensure_floor_table()
    every_page = pages = targets.FLOORS + targets.pages()
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        pages = [p for p in pages if not p.floor or any(w in p.name for w in wanted)]
    port = free_port()
    server = start_server(port)
    results = []
    memory = None
    try:
        clients = {
            role: session_for(port, role, next(p.path for p in every_page if p.role == role))
            for role in {page.role for page in every_page}
        }
        floors = {
            "bare": next(page for page in every_page if page.path == "/bench/bare/"),
            "form": next(page for page in every_page if page.path == "/bench/form/"),
        }
        adjacent = {}
        by_name = {page.name: page for page in every_page}
        for page in pages:
            if page.of:
                captured = by_name[page.of]
                capture_statements(port, captured, clients[captured.role])
            # A form is posted with the cookie and token its own page gave.
            client = (
                session_for(port, page.role, page.path)
                if page.method == "POST"
                else clients[page.role]
            )
            floor = floors.get(page.floor)
            if floor is not None:
                # The page's floor again just before it: the machine's speed drifts within a run
                # (the bare page's median went from 46 to 64 ms in one), so a ratio to a floor
                # measured minutes earlier moves with the drift, not with the page.
                floor_client = (
                    session_for(port, floor.role, floor.path)
                    if floor.method == "POST"
                    else clients[floor.role]
                )
                adjacent[page.name] = run_wrk(port, floor, floor_client, args.seconds / 2)
            status, queries = count_queries(port, page, client)
            figures = run_wrk(port, page, client, args.seconds)
            results.append((page, status, queries, figures))
            print(
                f"{page.name:28} {status} {queries:3}q {figures['rate']:8.1f}/s "
                f"p50 {figures['p50']:7.1f} ms p99 {figures['p99']:7.1f} ms wrong {figures['wrong']}",
                flush=True,
            )
        if args.memory:
            memory = memory_run(port, server, every_page, clients, args.memory_minutes)
    finally:
        stop_server(server)
    text = report.render(
        results,
        adjacent=adjacent,
        scale=args.scale,
        seconds=args.seconds,
        seed_seconds=seed_seconds,
        sizes=sizes(),
        machine=machine(),
        memory=memory,
        command=" ".join(["bench/bench_http.py", *sys.argv[1:]]),
    )
    print(text)
    if not args.no_report and not args.quick:
        from bench.report import write_section

        # The county run is the headline; other scales keep a section of their own beside it.
        write_section("http" if args.scale == "county" else f"http-{args.scale}", text)
    if args.sweep:
        subprocess.run([sys.executable, str(ROOT / "bench" / "bench_supervision.py")], check=True)
    bad = [
        page.name
        for page, status, _q, figures in results
        if status >= 400 or figures["wrong"] or figures["socket_errors"]
    ]
    if bad:
        print("pages with errors: " + ", ".join(bad))
    return 1 if bad else 0

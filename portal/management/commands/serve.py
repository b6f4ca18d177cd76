"""Serve the portal with a Celery worker and beat beside it; Ctrl-C stops all three."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def child_environment(host: str, port: int) -> dict[str, str]:
    """The environment of the server and worker: links in SMS and e-mail point at this server
    (host and port) unless SITE_URL names the public address."""
    environment = dict(os.environ)
    if not environment.get("SITE_URL", "").strip():
        # A server listening on every interface is reached locally on the loopback address.
        shown = "127.0.0.1" if host in {"", "0.0.0.0", "::"} else host
        environment["SITE_URL"] = f"http://{shown}:{port}"
    return environment


class Command(BaseCommand):
    help = "Run the web server (gunicorn), a Celery worker and Celery beat until interrupted."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, port: int, host: str, workers: int, **options):
        bin_dir = os.path.dirname(sys.executable)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        commands = {
            "web": [
                os.path.join(bin_dir, "gunicorn"),
                "portal.wsgi:application",
                "--bind",
                f"{host}:{port}",
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
            ],
            # One process for the worker with embedded beat: the file broker and SQLite need
            # no server, and beat must run exactly once.
            "worker": [
                os.path.join(bin_dir, "celery"),
                "-A",
                "portal",
                "worker",
                "--beat",
                "--loglevel",
                "INFO",
                "--concurrency",
                "2",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        # A `kill` or a closed terminal stops the children too, as Ctrl-C does: they run in
        # sessions of their own, so nothing else would, and an orphaned gunicorn keeps the port.
        for stop_signal in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop_signal, _interrupt)
        environment = child_environment(host, port)
        processes = {
            name: subprocess.Popen(cmd, start_new_session=True, env=environment)
            for name, cmd in commands.items()
        }
        self.stdout.write(
            self.style.SUCCESS(
                f"Portal on http://{host}:{port}/ with worker and beat (links in SMS and e-mail:"
                f" {environment['SITE_URL']}). Ctrl-C stops all."
            )
        )
        try:
            while all(p.poll() is None for p in processes.values()):
                time.sleep(0.5)
            failed = [name for name, p in processes.items() if p.poll() is not None]
            self.stderr.write(f"{', '.join(failed)} stopped; stopping the rest.")
        except KeyboardInterrupt:
            self.stdout.write("Stopping…")
        finally:
            for process in processes.values():
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

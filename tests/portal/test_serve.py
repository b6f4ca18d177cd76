"""`manage.py serve` (the web server, worker and beat of `make run`) stops as a whole."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import free_port, listening, wait_until

ROOT = Path(__file__).resolve().parents[2]


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, parent, ...); None if gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return None


def _alive(pid: int) -> bool:
    # A child that exited but was not reaped yet (state Z) is gone for our purpose.
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def _children(pid: int) -> list[int]:
    return [
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[1] == str(pid)
    ]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_serve_stops_the_web_server_and_the_worker(tmp_path, stop_signal):
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(PORTAL_VAR_DIR=str(tmp_path), SECRET_KEY="serve-test-not-secret")
    serve = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children = []
    try:
        assert wait_until(lambda: listening(port), 30), "the web server did not start"
        children = _children(serve.pid)
        assert len(children) == 2
        serve.send_signal(stop_signal)
        serve.wait(timeout=30)
        assert wait_until(lambda: not any(_alive(pid) for pid in children), 20)
        assert not listening(port)
    finally:
        serve.kill()
        # Each child leads a process group of its own (its workers): leave none behind.
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)

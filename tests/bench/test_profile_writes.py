"""`bench/profile_writes.py` stores votes and complaints where it runs: it must refuse the
databases that are not its own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "database_url",
    [None, "postgres://postgres@127.0.0.1:5432/bench_http"],
    ids=["make run's SQLite", "the HTTP bench's database"],
)
def test_the_writes_profiler_refuses_a_database_that_is_not_its_own(database_url):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url

    run = subprocess.run(
        [sys.executable, "bench/profile_writes.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert run.returncode == 1
    assert "name a database of its own in DATABASE_URL" in run.stderr

"""`bench/bench_supervision.py` makes its data by truncating the clocks (CASCADE): it must never
run on a database named by the environment, as `bench_http.py --sweep` once let it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Loads the script without running it and prints the database Django would use.
LOAD = (
    "import runpy; runpy.run_path('bench/bench_supervision.py', run_name='loaded'); "
    "from django.db import connection; print(connection.settings_dict['NAME'])"
)


def test_the_sweep_bench_uses_its_own_database_whatever_database_url_says():
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/bench_http"}
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert loaded.stdout.split() == ["bench_supervision"]

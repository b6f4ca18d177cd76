"""Give each pytest-xdist worker its own Redis database and var folder.

Loaded with `-p tests.workers` (pyproject.toml), so it runs before pytest-django reads the
settings. Every test clears the cache, and the cache is Redis or, without Redis, a folder of
files: two workers sharing one would clear each other's rate limits and sessions mid-test.
The test database needs nothing here: pytest-django gives each worker its own.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# As portal/env.py reads it; importing that module here would fix its value before the change.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", Path(__file__).resolve().parents[1] / "var"))


def worker_number() -> int | None:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker.removeprefix("gw")) if worker.startswith("gw") else None


def redis_database(url: str, offset: int) -> str:
    """Return `url` pointing `offset` databases after the one it names (0 when none), within
    the 16 databases a Redis server has unless configured otherwise."""
    parts = urlsplit(url)
    database = (int(parts.path.strip("/") or 0) + offset) % 16
    return urlunsplit(parts._replace(path=f"/{database}"))


number = worker_number()
if number is not None:
    if os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = redis_database(os.environ["REDIS_URL"], number)
    os.environ["PORTAL_VAR_DIR"] = str(VAR_DIR / f"test-gw{number}")

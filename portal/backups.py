"""Backups of the PostgreSQL database (pg_dump custom format) and their restore (备份与恢复).

The connection is the one of DATABASE_URL (settings.DATABASES["default"]); a restore goes into
a database named by the operator and refuses one that already holds tables unless forced, so
a mistyped name never overwrites the live portal.
"""

import datetime
import os
import subprocess
from pathlib import Path

import psycopg
from django.conf import settings
from psycopg import sql


class BackupError(Exception):
    """A backup or restore refused (wrong database, target not empty) or missing its file."""


def _database() -> dict:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups need PostgreSQL: DATABASE_URL does not point at one.")
    return db


def libpq_environment(database: str | None = None) -> dict[str, str]:
    """Return the environment that points pg_dump / pg_restore at DATABASE_URL's server."""
    db = _database()
    return {
        **os.environ,
        "PGHOST": db["HOST"] or "127.0.0.1",
        "PGPORT": str(db["PORT"] or 5432),
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"] or "",
        "PGDATABASE": database or db["NAME"],
    }


def backup(*, directory: Path, at: datetime.datetime | None = None) -> Path:
    """Dump the portal's database into `directory`; return the file (named with a UTC stamp)."""
    name = _database()["NAME"]
    stamp = (at or datetime.datetime.now(datetime.UTC)).strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}-{stamp}.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={path}"],
        env=libpq_environment(),
        check=True,
    )
    return path


def _connect(database: str):
    env = libpq_environment(database)
    return psycopg.connect(
        host=env["PGHOST"],
        port=env["PGPORT"],
        user=env["PGUSER"],
        password=env["PGPASSWORD"],
        dbname=database,
        autocommit=True,
    )


def table_count(database: str) -> int | None:
    """Return how many tables `database` holds in its public schema, or None if it is absent."""
    with _connect("postgres") as server:
        if not server.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone():
            return None
    with _connect(database) as target:
        return target.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()[0]


def restore(*, path: Path, database: str, force: bool = False) -> None:
    """Restore a dump into `database` (created if absent); refuse a non-empty one unless forced."""
    tables = table_count(database)
    if tables and not force:
        raise BackupError(
            f"Database {database!r} already holds {tables} tables: "
            "pass --force to overwrite it, or name an empty or new database."
        )
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    if tables is None:
        with _connect("postgres") as server:
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    command = ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={database}"]
    if tables:
        command += ["--clean", "--if-exists"]
    subprocess.run([*command, str(path)], env=libpq_environment(database), check=True)


def drop(database: str) -> None:
    """Drop a database made by a restore (the drill's); never the portal's own."""
    if database == _database()["NAME"]:
        raise BackupError("Refusing to drop the portal's own database.")
    with _connect("postgres") as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )

"""A throwaway PostgreSQL cluster on a spare port, for tests that stop or restart the database:
the shared server is never touched. Its files live in a temporary folder owned by `postgres`
(the server refuses to run as root)."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.processes import free_port

BIN_DIRS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)


def server_bin() -> Path | None:
    """The folder of the newest installed initdb and pg_ctl, or None."""
    for folder in BIN_DIRS:
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    return None


class PostgresCluster:
    """initdb, start, restart and remove a cluster of our own."""

    def __init__(self):
        self.bin = server_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.folder / "data"
        self.as_server_user = os.geteuid() == 0
        if self.as_server_user:
            shutil.chown(self.folder, "postgres")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_server_user:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def create(self) -> None:
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            options,
            *extra,
            action,
        )

    def start(self) -> None:
        self.pg_ctl("start")

    def restart(self) -> None:
        """Stop the way an operator does (open sessions are cut off), then start again."""
        self.pg_ctl("restart", "-m", "fast")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def copy_database(self, source_url: str, name: str) -> None:
        """Create database `name` here as a copy of the one at `source_url` (schema and rows)."""
        subprocess.run(
            ["psql", "-q", self.url("postgres"), "-c", f'CREATE DATABASE "{name}"'],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        dump = subprocess.Popen(["pg_dump", "-Fc", source_url], stdout=subprocess.PIPE)
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", self.url(name)],
            stdin=dump.stdout,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        dump.stdout.close()
        if dump.wait() != 0:
            raise RuntimeError("pg_dump failed")

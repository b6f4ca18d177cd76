"""The restore drill: dump the database, restore it into a fresh one, verify the audit chains
there and sign in against it."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from portal import backups
from portal import settings as portal_settings
from supervision.models import Alert, AlertEvent
from supervision.services import alerts as alert_services
from tests.factories import PASSWORD, CitizenFactory

pytestmark = pytest.mark.postgres

# Signs in through the portal's authentication backends (axes included), as the login page does.
LOGIN = f"""
from django.contrib.auth import authenticate
from django.test import RequestFactory
request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="10.0.0.9")
user = authenticate(request, username="drill-citizen", password="{PASSWORD}")
print(user.username if user else "refused")
"""


def run_against(database: str, *arguments: str) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{database}"
    environment = {**os.environ, "DATABASE_URL": url}
    environment.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_that_verifies_and_signs_in(tmp_path, settings):
    # The suite hashes with MD5 (tests/conftest.py); the restored portal signs in with its own.
    settings.PASSWORD_HASHERS = portal_settings.PASSWORD_HASHERS
    CitizenFactory(username="drill-citizen")
    alert = alert_services.alert_raise(
        kind=Alert.Kind.OTHER,
        severity=Alert.Severity.INFO,
        department=None,
        subject_ref="drill",
        subject_url="",
        message="演练",
        dedup_key="drill",
    )
    AlertEvent.record(alert, AlertEvent.Code.ACKNOWLEDGED, note="演练")
    drill = f"{connection.settings_dict['NAME']}_drill"
    backups.drop(drill)
    out = io.StringIO()
    call_command("backup_database", "--dir", str(tmp_path), stdout=out)
    dump = next(tmp_path.glob("*.dump"))
    try:
        call_command("restore_database", str(dump), "--database", drill, stdout=out)
        verified = run_against(drill, "verify_audit")
        signed_in = run_against(drill, "shell", "-c", LOGIN)
    finally:
        backups.drop(drill)
    assert verified.returncode == 0, verified.stderr
    assert "ok, 2 rows in" in verified.stdout
    assert signed_in.stdout.split()[-1:] == ["drill-citizen"], signed_in.stderr


@pytest.mark.django_db
def test_a_restore_refuses_a_database_that_holds_tables(tmp_path):
    with pytest.raises(CommandError, match="pass --force"):
        call_command(
            "restore_database",
            str(tmp_path / "none.dump"),
            "--database",
            connection.settings_dict["NAME"],
        )


@pytest.mark.django_db
def test_the_drill_never_drops_the_portal_database():
    with pytest.raises(backups.BackupError):
        backups.drop(connection.settings_dict["NAME"])

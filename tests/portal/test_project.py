"""Promises about the project as a whole: migrations, deploy checks, error pages, no CDN."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import path

BASE = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_deploy_check_is_clean_with_production_settings():
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for this process only; a
    # production server never has it.
    env = {
        **{
            name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"
        },
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": "k" * 20 + "-not-a-real-key-but-long-and-varied-0123456789-ABCDEFGHIJ",
        "ALLOWED_HOSTS": "www.qingshan.gov.cn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_templates_load_nothing_from_the_internet():
    pattern = re.compile(r"""(src|href)=["']https?://""")
    offenders = [
        str(template.relative_to(BASE))
        for template in BASE.glob("templates/**/*.html")
        if pattern.search(template.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _boom(request):
    raise RuntimeError("the database fell over")


urlpatterns = [path("boom/", _boom)]
handler500 = "portal.views.errors.server_error"


@pytest.mark.django_db
@pytest.mark.urls("tests.portal.test_project")
def test_an_unexpected_error_gets_the_portal_500_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "系统繁忙" in body
    assert "the database fell over" not in body


def test_every_beat_entry_names_a_task_the_worker_knows():
    from portal.celery import app

    app.loader.import_default_modules()
    missing = [
        entry["task"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] not in app.tasks
    ]
    assert missing == []

"""`make run PORT=…` links SMS and e-mail to the port it serves on."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portal.management.commands.serve import child_environment
from portal.models import OutboxMessage
from portal.notifications import notify
from portal.texts import plain
from tests.factories import CitizenFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_site_url(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)


def test_serve_points_the_links_of_its_server_and_worker_at_its_port(no_site_url):
    assert child_environment("127.0.0.1", 8123)["SITE_URL"] == "http://127.0.0.1:8123"


def test_a_server_on_every_interface_links_to_the_loopback_address(no_site_url):
    assert child_environment("0.0.0.0", 8123)["SITE_URL"] == "http://127.0.0.1:8123"


def test_a_configured_public_address_wins_over_the_port(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://zwfw.qingshan.gov.cn")
    assert child_environment("127.0.0.1", 8123)["SITE_URL"] == "https://zwfw.qingshan.gov.cn"


def test_the_served_settings_read_the_port_link(no_site_url):
    env = child_environment("127.0.0.1", 8123)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "http://127.0.0.1:8123"


@pytest.mark.django_db
def test_sms_and_email_link_to_the_site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    citizen = CitizenFactory(email="a@example.com")
    notify(
        [citizen], subject=plain("办件已受理"), body=plain("您的办件已受理。"), url="/approvals/1/"
    )
    for message in OutboxMessage.objects.all():
        assert "http://127.0.0.1:8123/approvals/1/" in message.body, message.channel


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_passes_its_port_to_the_seed_and_the_server(no_site_url):
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    out = subprocess.run(
        ["make", "-n", "run", "PORT=8123"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line for line in out.splitlines() if "seed_demo" in line or " serve " in line]
    assert len(lines) == 2
    assert all('SITE_URL="http://127.0.0.1:8123"' in line for line in lines)

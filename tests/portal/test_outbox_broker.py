"""The outbox across a real broker: a worker process delivers through Redis, and a request made
while Redis is down still succeeds, its message delivered once Redis is back."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from portal.celery import app as celery_app
from portal.models import OutboxMessage
from portal.notifications import notify_contact
from portal.tasks import flush_outbox
from tests.factories import make_resident_id
from tests.processes import free_port, listening, wait_until

REGISTRATION = {
    "kind": "citizen",
    "citizen-real_name": "周九",
    "citizen-resident_id": make_resident_id(99),
    "citizen-mobile": "13799990000",
    "citizen-password1": "Qingshan#2026",
    "citizen-password2": "Qingshan#2026",
}

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _test_database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """A real `celery worker` process on the given broker and the test database."""

    def __init__(self, broker_url: str, var_dir: Path):
        env = {
            **os.environ,
            "DATABASE_URL": _test_database_url(),
            "REDIS_URL": broker_url,
            "PORTAL_VAR_DIR": str(var_dir),
            "SMS_BACKEND": "file",
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "celery"),
                "-A",
                "portal",
                "worker",
                "--pool",
                "solo",
                "--loglevel",
                "WARNING",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class RedisServer:
    """A throwaway redis-server: the shared one is never stopped by a test."""

    def __init__(self, port: int):
        self.port = port
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_until(lambda: listening(self.port), 10):
            raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def _use_broker(url: str) -> None:
    celery_app.conf.broker_url = url
    # Forget pooled connections to the previous broker.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _wait_until_sent(pk: int, seconds: float = 60) -> str:
    def status() -> str:
        return OutboxMessage.objects.get(pk=pk).status

    wait_until(lambda: status() == OutboxMessage.Status.SENT, seconds)
    return status()


@pytest.fixture
def real_broker():
    """Tasks go to the broker instead of running in the test process."""
    previous = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    yield
    _use_broker(previous)


def test_a_message_crosses_redis_to_a_worker_process(real_broker, tmp_path):
    url = os.environ["REDIS_URL"]
    _use_broker(url)
    worker = Worker(url, tmp_path)
    try:
        notify_contact(mobile="13912345678", subject="诉求已受理", body="编号 TS-1")
        message = OutboxMessage.objects.get()
        assert _wait_until_sent(message.pk) == OutboxMessage.Status.SENT
        [written] = (tmp_path / "sms").iterdir()
        assert "编号 TS-1" in written.read_text(encoding="utf-8")
    finally:
        worker.stop()


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs the redis-server program")
def test_a_registration_while_redis_is_down_succeeds_and_its_sms_leaves_later(
    real_broker, client, tmp_path
):
    redis = RedisServer(free_port())
    redis.start()
    url = f"redis://127.0.0.1:{redis.port}/0"
    _use_broker(url)
    redis.stop()

    started = time.monotonic()
    response = client.post(reverse("portal:register"), REGISTRATION)
    assert response.status_code == 302
    assert time.monotonic() - started < 15
    message = OutboxMessage.objects.get(address=REGISTRATION["citizen-mobile"])
    assert message.status == OutboxMessage.Status.PENDING

    redis.start()
    worker = Worker(url, tmp_path)
    try:
        _use_broker(url)
        assert flush_outbox() == 1
        assert _wait_until_sent(message.pk) == OutboxMessage.Status.SENT
        [written] = (tmp_path / "sms").iterdir()
        assert "欢迎注册" in written.read_text(encoding="utf-8")
    finally:
        worker.stop()
        redis.stop()

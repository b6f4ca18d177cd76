"""The outbox across a real broker: a worker process delivers through Redis, and a request made
while Redis is down still succeeds, its message delivered once Redis is back."""

import os
import shutil
import time

import pytest
from django.urls import reverse

from portal.celery import app as celery_app
from portal.models import OutboxMessage, PhoneCode
from portal.notifications import notify_contact
from portal.tasks import flush_outbox
from portal.texts import plain
from tests.factories import make_resident_id
from tests.phone_codes import CODE, issue_code
from tests.processes import RedisServer, Worker, use_broker, wait_until

REGISTRATION = {
    "kind": "citizen",
    "citizen-real_name": "周九",
    "citizen-resident_id": make_resident_id(99),
    "citizen-mobile": "13799990000",
    "citizen-code": CODE,
    "citizen-password1": "Qingshan#2026",
    "citizen-password2": "Qingshan#2026",
}

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


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
    use_broker(previous)


def test_a_message_crosses_redis_to_a_worker_process(real_broker, tmp_path):
    url = os.environ["REDIS_URL"]
    use_broker(url)
    worker = Worker(url, tmp_path)
    try:
        notify_contact(mobile="13912345678", subject=plain("诉求已受理"), body=plain("编号 TS-1"))
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
    redis = RedisServer()
    redis.start()
    url = redis.url
    use_broker(url)
    redis.stop()

    issue_code(REGISTRATION["citizen-mobile"], PhoneCode.Purpose.REGISTER)
    started = time.monotonic()
    response = client.post(reverse("portal:register"), REGISTRATION)
    assert response.status_code == 302
    assert time.monotonic() - started < 15
    message = OutboxMessage.objects.get(address=REGISTRATION["citizen-mobile"])
    assert message.status == OutboxMessage.Status.PENDING

    redis.start()
    worker = Worker(url, tmp_path)
    try:
        use_broker(url)
        assert flush_outbox() == 1
        assert _wait_until_sent(message.pk) == OutboxMessage.Status.SENT
        [written] = (tmp_path / "sms").iterdir()
        assert "欢迎注册" in written.read_text(encoding="utf-8")
    finally:
        worker.stop()
        redis.stop()

"""Faults of Redis (cache and broker) and of the worker, on real processes: a redis-server of the
test's own on a spare port, real `celery worker` processes, PostgreSQL. Nothing is lost, nothing
is sent twice, no request fails or waits on the outage."""

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis
import time_machine
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from disclosure.models import InformationRequest
from petitions.models import Complaint
from portal.celery import app as celery_app
from portal.models import OutboxMessage
from portal.notifications import notify_contact
from portal.tasks import flush_outbox
from portal.texts import plain
from tests.disclosure.factories import office_clerk
from tests.factories import CitizenFactory, DepartmentFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.processes import RedisServer, Worker, free_port, use_broker, wait_until

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs the redis-server program"
)
pytestmark = [needs_redis_server, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CITIZENS = 50
# The slowest a submission may take while Redis is down.
SLOWEST_SECONDS = 1.0
# How many citizens submit at the same moment.
AT_ONCE = 2


@pytest.fixture
def own_redis(settings):
    """Cache and broker on a redis-server of this test's own; tasks cross it to real workers."""
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    previous = celery_app.conf.broker_url
    use_broker(server.url)
    celery_app.conf.task_always_eager = False
    yield server
    server.stop()
    use_broker(previous)


def _complaint_form(citizen, category) -> dict:
    return {
        "category": category.pk,
        "title": "路灯不亮",
        "content": "城关镇东街路灯连续一周不亮。",
        "name": citizen.real_name,
        "phone": citizen.mobile,
        "contact_method": "sms",
    }


def _request_form(citizen) -> dict:
    return {
        "applicant_name": citizen.real_name,
        "phone": citizen.mobile,
        "description": "请公开城关镇2025年道路维修项目的招标文件。",
        "purpose": "了解本村道路维修情况",
        "delivery": "online",
    }


def _submit(citizen, url: str, data: dict) -> tuple[int, float]:
    """One citizen opens the form and sends it; return the answer's status and the slowest wait."""
    client = Client()
    client.force_login(citizen)
    try:
        started = time.monotonic()
        client.get(url)
        opened = time.monotonic()
        status = client.post(url, data).status_code
        return status, max(opened - started, time.monotonic() - opened)
    finally:
        connections.close_all()


def test_submissions_while_redis_is_down_are_stored_at_once_and_notified_once_later(
    own_redis, tmp_path
):
    category = CategoryFactory()
    RoutingRuleFactory(category=category, department=DepartmentFactory(code="market"))
    DepartmentFactory(code="gov-office", name="县政府办公室（12345热线办）")
    office_clerk()
    # Signed in with force_login: an unusable password spares fifty slow hashes.
    citizens = CitizenFactory.create_batch(CITIZENS, password=None)
    jobs = [
        (citizen, reverse("petitions:file"), _complaint_form(citizen, category))
        if n % 2
        else (citizen, reverse("disclosure:request_new"), _request_form(citizen))
        for n, citizen in enumerate(citizens)
    ]
    # One of each filed before the outage, as on a server that has been up for a while (the
    # first request of a process pays for compiling templates, not for the outage).
    earlier = CitizenFactory.create_batch(2, password=None)
    _submit(earlier[0], reverse("petitions:file"), _complaint_form(earlier[0], category))
    _submit(earlier[1], reverse("disclosure:request_new"), _request_form(earlier[1]))
    last_before = OutboxMessage.objects.order_by("pk").last().pk

    own_redis.stop()
    with ThreadPoolExecutor(AT_ONCE) as pool:
        answers = list(pool.map(lambda job: _submit(*job), jobs))

    assert {status for status, _ in answers} == {302}
    assert max(seconds for _, seconds in answers) < SLOWEST_SECONDS
    assert Complaint.objects.count() + InformationRequest.objects.count() == CITIZENS + 2
    # Each submission's SMS waits in the outbox: no hand-off reached the broker.
    during = OutboxMessage.objects.filter(pk__gt=last_before)
    assert during.filter(channel=OutboxMessage.Channel.SMS).count() >= CITIZENS
    assert {message.status for message in during} == {OutboxMessage.Status.PENDING}
    waiting = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)

    own_redis.start()
    use_broker(own_redis.url)
    worker = Worker(own_redis.url, tmp_path)
    try:
        # The beat flush hands the waiting messages over; a second flush before the worker is
        # done queues some twice, and the claim still sends each one once.
        flush_outbox()
        flush_outbox()
        assert wait_until(lambda: not waiting.exists(), 60)
    finally:
        worker.stop()
    sent = OutboxMessage.objects.all()
    assert {message.status for message in sent} == {OutboxMessage.Status.SENT}
    assert {message.attempts for message in sent} == {1}
    sms_files = list((tmp_path / "sms").iterdir())
    assert len(sms_files) == sent.filter(channel=OutboxMessage.Channel.SMS).count()


class _Gateway(BaseHTTPRequestHandler):
    """An SMS gateway that holds its first request until the test lets it go."""

    received: list[str]
    hold: threading.Event

    def do_POST(self):
        self.received.append(self.rfile.read(int(self.headers["Content-Length"])).decode())
        if len(self.received) == 1:
            self.hold.wait(30)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    handler = type("Gateway", (_Gateway,), {"received": [], "hold": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, handler
    handler.hold.set()
    server.shutdown()


def test_a_worker_killed_mid_send_loses_no_task_and_sends_nothing_twice(
    own_redis, gateway, tmp_path
):
    server, handler = gateway
    environment = {
        "SMS_BACKEND": "http",
        "SMS_GATEWAY_URL": f"http://127.0.0.1:{server.server_port}/",
        # A task taken by a killed worker is back in the queue after this many seconds.
        "BROKER_VISIBILITY_TIMEOUT": "2",
    }
    mobiles = [f"1390000000{n}" for n in range(5)]
    for mobile in mobiles:
        notify_contact(mobile=mobile, subject=plain("诉求已受理"), body=plain(f"尾号{mobile[-4:]}"))
    first = Worker(own_redis.url, tmp_path, **environment)
    assert wait_until(lambda: len(handler.received) == 1, 30)
    interrupted = OutboxMessage.objects.get(status=OutboxMessage.Status.SENDING)

    first.kill()
    handler.hold.set()
    time.sleep(3)  # past the visibility timeout: the next worker takes the task back at start
    second = Worker(own_redis.url, tmp_path, **environment)
    broker = redis.Redis.from_url(own_redis.url)
    try:
        assert wait_until(lambda: len(handler.received) == len(mobiles), 30)
        # The killed worker's task was run again and acknowledged: nothing left in the broker.
        assert wait_until(lambda: not broker.hlen("unacked") and not broker.llen("celery"), 30)
    finally:
        second.stop()

    assert sorted(body.split('"to": "')[1][:11] for body in handler.received) == sorted(mobiles)
    others = OutboxMessage.objects.exclude(pk=interrupted.pk)
    assert {message.status for message in others} == {OutboxMessage.Status.SENT}
    # Whether the interrupted SMS left is unknown: it is held for checking, never sent again.
    interrupted.refresh_from_db()
    assert interrupted.status == OutboxMessage.Status.SENDING
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert flush_outbox() == 0
    interrupted.refresh_from_db()
    assert interrupted.status == OutboxMessage.Status.FAILED
    assert "check before retrying" in interrupted.last_error
    assert len(handler.received) == len(mobiles)

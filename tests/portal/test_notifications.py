import datetime
import time

import pytest
from django.db import transaction
from django.utils import timezone

from portal import notifications, sms
from portal.celery import app as celery_app
from portal.models import InboxMessage, OutboxMessage
from portal.notifications import notify, notify_contact
from portal.tasks import MAX_ATTEMPTS, deliver_outbox_message, flush_outbox
from portal.texts import plain
from tests.factories import CitizenFactory
from tests.processes import free_port, use_broker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_sms_outbox():
    sms.outbox.clear()


def test_notify_writes_inbox_and_outbox_in_the_same_transaction():
    citizen = CitizenFactory(email="a@example.com")
    notify(
        [citizen], subject=plain("办件已受理"), body=plain("您的办件已受理。"), url="/approvals/1/"
    )
    assert InboxMessage.objects.get(recipient=citizen).subject == "办件已受理"
    assert set(OutboxMessage.objects.values_list("channel", "address")) == {
        ("sms", citizen.mobile),
        ("email", "a@example.com"),
    }


def test_messages_leave_after_commit(django_capture_on_commit_callbacks, mailoutbox):
    citizen = CitizenFactory(email="a@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            [citizen],
            subject=plain("办件已受理"),
            body=plain("您的办件已受理。"),
            url="/approvals/1/",
        )
    assert [m.to for m in sms.outbox] == [citizen.mobile]
    assert sms.outbox[0].body.startswith("【县政务服务】办件已受理")
    assert "http://127.0.0.1:8000/approvals/1/" in sms.outbox[0].body
    assert mailoutbox[0].to == ["a@example.com"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_nothing_leaves_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    citizen = CitizenFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify([citizen], subject=plain("办件已受理"), body=plain("…"))
        raise RuntimeError("the service failed after notifying")
    assert sms.outbox == []
    assert not OutboxMessage.objects.exists()
    assert not InboxMessage.objects.exists()


def test_a_message_is_sent_once_even_if_delivered_twice():
    notify_contact(mobile="13912345678", subject=plain("诉求已受理"), body=plain("编号 TS-1"))
    message = OutboxMessage.objects.get()
    deliver_outbox_message(message.pk)
    deliver_outbox_message(message.pk)
    assert len(sms.outbox) == 1


def test_a_failure_backs_off_and_a_later_flush_sends_it(
    settings, django_capture_on_commit_callbacks
):
    notify_contact(mobile="13912345678", subject=plain("诉求已受理"), body=plain("编号 TS-1"))
    message = OutboxMessage.objects.get()
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9/unreachable"
    deliver_outbox_message(message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("pending", 1)
    assert message.next_attempt_at > timezone.now()
    assert message.last_error

    settings.SMS_BACKEND = "memory"
    flush_outbox()
    assert sms.outbox == []  # not due yet
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    flush_outbox()
    message.refresh_from_db()
    assert message.status == "sent"
    assert len(sms.outbox) == 1


def test_a_message_gives_up_after_the_last_attempt(settings):
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = ""
    notify_contact(mobile="13912345678", subject=plain("诉求已受理"), body=plain("…"))
    message = OutboxMessage.objects.get()
    for _ in range(MAX_ATTEMPTS):
        OutboxMessage.objects.update(next_attempt_at=timezone.now())
        deliver_outbox_message(message.pk)
    message.refresh_from_db()
    assert message.status == "failed"


def test_a_message_interrupted_while_sending_is_not_sent_again():
    notify_contact(mobile="13912345678", subject=plain("诉求已受理"), body=plain("…"))
    OutboxMessage.objects.update(
        status="sending", claimed_at=timezone.now() - datetime.timedelta(hours=1)
    )
    flush_outbox()
    message = OutboxMessage.objects.get()
    assert message.status == "failed"
    assert sms.outbox == []


def test_users_without_mobile_or_email_get_the_inbox_only():
    citizen = CitizenFactory(mobile="", email="")
    notify([citizen], subject=plain("通知"), body=plain("…"))
    assert InboxMessage.objects.count() == 1
    assert not OutboxMessage.objects.exists()


def test_the_file_backend_writes_one_file_per_sms(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    sms.send_sms("13912345678", "测试")
    [written] = (tmp_path / "sms").iterdir()
    assert "13912345678" in written.read_text(encoding="utf-8")


@pytest.fixture
def broker_down():
    """Hand-offs go to a broker nothing listens on."""
    previous = celery_app.conf.broker_url
    use_broker(f"redis://127.0.0.1:{free_port()}/0")
    celery_app.conf.task_always_eager = False
    yield
    use_broker(previous)


def _notify_and_commit(capture, n: int = 1) -> None:
    with capture(execute=True):
        notify_contact(
            mobile="13912345678", subject=plain("诉求已受理"), body=plain(f"编号 TS-{n}")
        )


def test_a_hand_off_to_a_broker_that_is_down_returns_at_once(
    broker_down, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    _notify_and_commit(django_capture_on_commit_callbacks)
    assert time.monotonic() - started < 0.5
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.PENDING
    assert notifications.broker_degraded()


def test_after_a_failed_hand_off_the_next_ones_skip_the_broker(
    broker_down, django_capture_on_commit_callbacks, monkeypatch
):
    _notify_and_commit(django_capture_on_commit_callbacks)
    tried = []
    monkeypatch.setattr(deliver_outbox_message, "apply_async", lambda *a, **k: tried.append(a))
    for n in range(5):
        _notify_and_commit(django_capture_on_commit_callbacks, n)
    assert not tried
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count() == 6


def test_the_broker_is_tried_again_after_the_pause(
    broker_down, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(notifications.broker_circuit, "retry_after", 0)
    _notify_and_commit(django_capture_on_commit_callbacks)
    assert notifications.broker_degraded()
    tried = []
    monkeypatch.setattr(deliver_outbox_message, "apply_async", lambda *a, **k: tried.append(a))
    _notify_and_commit(django_capture_on_commit_callbacks, 2)
    assert len(tried) == 1
    assert not notifications.broker_degraded()

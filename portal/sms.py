"""SMS backends (短信平台), chosen by settings.SMS_BACKEND: file, console, memory or http."""

import json
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str


# Messages sent with the memory backend, for tests (like django.core.mail.outbox).
outbox: list[SmsMessage] = []


class SmsError(Exception):
    """The gateway refused or did not answer; the outbox retries later."""


def _file(message: SmsMessage) -> None:
    folder = settings.SMS_FILE_PATH
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
    (folder / f"{stamp}-{message.to}.txt").write_text(
        f"To: {message.to}\n\n{message.body}\n", encoding="utf-8"
    )


def _console(message: SmsMessage) -> None:
    print(f"[SMS {datetime.now():%H:%M:%S}] → {message.to}: {message.body}")


def _memory(message: SmsMessage) -> None:
    outbox.append(message)


def _http(message: SmsMessage) -> None:
    if not settings.SMS_GATEWAY_URL:
        raise SmsError("SMS_GATEWAY_URL is not set")
    request = urllib.request.Request(
        settings.SMS_GATEWAY_URL,
        data=json.dumps({"to": message.to, "text": message.body}, ensure_ascii=False).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            if not 200 <= response.status < 300:
                raise SmsError(f"gateway answered {response.status}")
    except OSError as error:
        raise SmsError(str(error)) from error


_BACKENDS = {"file": _file, "console": _console, "memory": _memory, "http": _http}


def send_sms(to: str, body: str) -> None:
    """Send one SMS through the configured backend, signed; raise SmsError on failure."""
    backend = _BACKENDS.get(settings.SMS_BACKEND)
    if backend is None:
        raise SmsError(f"unknown SMS_BACKEND {settings.SMS_BACKEND!r}")
    backend(SmsMessage(to=to, body=f"{settings.SMS_SIGNATURE}{body}"))

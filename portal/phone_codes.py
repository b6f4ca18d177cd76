"""SMS verification codes (短信验证码): proving that a mobile number is the user's.

A code is six digits from `secrets`, sent at once through `portal.sms` and kept only as a keyed
digest (`portal.query_codes`), so neither the table nor a dump gives a code away. It expires
(`SMS_CODE_VALID_MINUTES`), the latest code of a number and purpose is the only one that counts,
it allows `SMS_CODE_MAX_FAILED` wrong tries and its first right one spends it. Asking is limited
per number (a wait between two codes and a cap an hour) and per client address (a cap an hour).

Written here rather than taken from django-otp: its side-channel devices belong to an existing
account and keep the token in clear, while registration verifies a number before any account
exists. The code does not go through the outbox either: the outbox keeps message bodies in clear,
and a code that arrives late is of no use, so a failed send is told to the user at once.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import ratelimit, sms
from portal.errors import DomainError
from portal.models import PhoneCode
from portal.query_codes import query_code_digest, query_code_matches

HOUR = 3600
RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class CodeCheck:
    """One code a user typed: for which number and purpose, and the form field it came from."""

    field: str
    mobile: str
    purpose: PhoneCode.Purpose
    code: str


class PhoneCodeError(DomainError):
    """A code was wrong, spent, expired or tried too often; `field` names the form field."""

    def __init__(self, message, *, field: str):
        super().__init__(message, code="phone_code")
        self.field = field


def _subject(mobile: str, purpose: str) -> str:
    return f"phone-code:{purpose}:{mobile}"


def _wait_key(mobile: str, purpose: str) -> str:
    return f"sms-code:wait:{purpose}:{mobile}"


def _check_limits(mobile: str, purpose: str, address: str) -> None:
    """Refuse a code over the hourly caps or before the wait since the last one for the same
    purpose is over."""
    counters = [
        (
            f"sms-code:mobile:{mobile}",
            settings.SMS_CODE_PER_MOBILE_PER_HOUR,
            _("该号码获取验证码的次数过多，请一小时后再试。"),
        ),
        (
            f"sms-code:address:{address}",
            settings.SMS_CODE_PER_ADDRESS_PER_HOUR,
            _("从您的网络获取验证码的次数过多，请一小时后再试。"),
        ),
    ]
    for key, limit, message in counters:
        if ratelimit.attempts(key, HOUR) >= limit:
            raise DomainError(message, code=RATE_LIMITED)
    # add() stores only if the key is absent: the first request in the wait wins.
    if not cache.add(_wait_key(mobile, purpose), 1, timeout=settings.SMS_CODE_RESEND_SECONDS):
        raise DomainError(
            _("验证码已发送，请%(seconds)d秒后再重新获取。")
            % {"seconds": settings.SMS_CODE_RESEND_SECONDS},
            code=RATE_LIMITED,
        )
    for key, _limit, _message in counters:
        ratelimit.hit(key, HOUR)


def phone_code_send(
    *, mobile: str, purpose: PhoneCode.Purpose, address: str, deliver: bool = True
) -> None:
    """Send a fresh code to `mobile` for `purpose`, within the limits of the number and address.

    With `deliver=False` (a password reset for a number no account has) the request is counted and
    a code stored like any other, but nothing is sent: the page, the limits and the wrong-try
    answers are then the same whether or not the number is registered.
    """
    _check_limits(mobile, purpose, address)
    code = f"{secrets.randbelow(10**6):06d}"
    now = timezone.now()
    with transaction.atomic():
        row = PhoneCode.objects.create(
            mobile=mobile,
            purpose=purpose,
            digest=query_code_digest(_subject(mobile, purpose), code),
            created_at=now,
            expires_at=now + datetime.timedelta(minutes=settings.SMS_CODE_VALID_MINUTES),
        )
    if not deliver:
        return
    body = _("您的验证码为%(code)s，%(minutes)d分钟内有效，用于%(purpose)s。请勿告诉他人。") % {
        "code": code,
        "minutes": settings.SMS_CODE_VALID_MINUTES,
        "purpose": PhoneCode.Purpose(purpose).label,
    }
    try:
        sms.send_sms(mobile, body)
    except sms.SmsError:
        # The code never arrived: it must not stay the number's latest one.
        PhoneCode.objects.filter(pk=row.pk).update(expires_at=now)
        cache.delete(_wait_key(mobile, purpose))
        raise DomainError(_("短信发送失败，请稍后再试。"), code="sms_failed") from None


def _judge(row: PhoneCode | None, check: CodeCheck, now: datetime.datetime) -> str:
    """Return what is wrong with the typed code ("" if it is right), counting a wrong try."""
    if row is None or row.used_at is not None or row.expires_at <= now:
        return _("验证码不正确或已失效，请核对短信或重新获取。")
    if row.failed_attempts >= settings.SMS_CODE_MAX_FAILED:
        return _("验证码输错次数过多，请重新获取。")
    if not query_code_matches(row.digest, _subject(check.mobile, check.purpose), check.code):
        row.failed_attempts += 1
        row.save(update_fields=["failed_attempts"])
        return _("验证码不正确或已失效，请核对短信或重新获取。")
    return ""


def phone_codes_use(checks: list[CodeCheck]) -> None:
    """Spend the typed codes if every one is right; else raise PhoneCodeError for the first wrong.

    The wrong tries are counted even then: they are committed before the error is raised, which
    is why this runs in a transaction of its own, before the write the codes allow.
    """
    now = timezone.now()
    problems = []
    with transaction.atomic():
        rows = []
        for check in checks:
            row = (
                PhoneCode.objects.select_for_update()
                .filter(mobile=check.mobile, purpose=check.purpose)
                .order_by("-created_at", "-id")
                .first()
            )
            if problem := _judge(row, check, now):
                problems.append((check.field, problem))
            rows.append(row)
        if not problems:
            for row in rows:
                row.used_at = now
                row.save(update_fields=["used_at"])
    if problems:
        field, message = problems[0]
        raise PhoneCodeError(message, field=field)


def phone_codes_purge(now: datetime.datetime | None = None) -> int:
    """Delete the codes that expired more than a day ago; return how many.

    A spent or expired code proves nothing any more, and its row holds a mobile number, often of
    someone who never registered: it is kept only as long as a clerk might need it to answer
    "I never got my code" the same or the next day.
    """
    now = now or timezone.now()
    deleted, _per_model = PhoneCode.objects.filter(
        expires_at__lt=now - datetime.timedelta(days=1)
    ).delete()
    return deleted

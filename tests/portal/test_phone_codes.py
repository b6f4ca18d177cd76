"""SMS verification codes: expiry, wrong tries, single use, and the limits on asking."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from portal import sms
from portal.errors import DomainError
from portal.models import PhoneCode
from portal.phone_codes import (
    CodeCheck,
    PhoneCodeError,
    phone_code_send,
    phone_codes_purge,
    phone_codes_use,
)
from tests.phone_codes import CODE, issue_code, sent_code

pytestmark = pytest.mark.django_db

MOBILE = "13711112222"
REGISTER = PhoneCode.Purpose.REGISTER


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Count in this process's memory (the default file cache is shared by other processes),
    and start with no SMS sent."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    sms.outbox.clear()


def use(code, mobile=MOBILE, purpose=REGISTER):
    phone_codes_use([CodeCheck("code", mobile, purpose, code)])


def send(mobile=MOBILE, address="10.0.0.1"):
    phone_code_send(mobile=mobile, purpose=REGISTER, address=address)


def test_a_right_code_is_accepted_once():
    issue_code(MOBILE, REGISTER)
    use(CODE)
    with pytest.raises(PhoneCodeError, match="不正确或已失效"):
        use(CODE)


def test_an_expired_code_is_refused():
    row = issue_code(MOBILE, REGISTER)
    PhoneCode.objects.filter(pk=row.pk).update(expires_at=timezone.now())
    with pytest.raises(PhoneCodeError, match="不正确或已失效"):
        use(CODE)


def test_a_code_expires_after_the_configured_minutes(settings):
    settings.SMS_CODE_VALID_MINUTES = 10
    send()
    row = PhoneCode.objects.get()
    assert row.expires_at - row.created_at == datetime.timedelta(minutes=10)


def test_wrong_tries_are_counted_and_too_many_spoil_the_code(settings):
    settings.SMS_CODE_MAX_FAILED = 3
    row = issue_code(MOBILE, REGISTER)
    for _ in range(3):
        with pytest.raises(PhoneCodeError):
            use("000000")
    row.refresh_from_db()
    assert row.failed_attempts == 3
    with pytest.raises(PhoneCodeError, match="输错次数过多"):
        use(CODE)


def test_only_the_latest_code_counts():
    issue_code(MOBILE, REGISTER, "111111")
    issue_code(MOBILE, REGISTER, "222222")
    with pytest.raises(PhoneCodeError):
        use("111111")
    use("222222")


def test_a_code_serves_only_its_purpose():
    issue_code(MOBILE, PhoneCode.Purpose.RESET)
    with pytest.raises(PhoneCodeError):
        use(CODE)


def test_when_one_of_two_codes_is_wrong_neither_is_spent():
    issue_code(MOBILE, PhoneCode.Purpose.MOBILE_OLD)
    issue_code("13900002222", PhoneCode.Purpose.MOBILE_NEW)
    checks = [
        CodeCheck("old_code", MOBILE, PhoneCode.Purpose.MOBILE_OLD, CODE),
        CodeCheck("new_code", "13900002222", PhoneCode.Purpose.MOBILE_NEW, "000000"),
    ]
    with pytest.raises(PhoneCodeError) as refused:
        phone_codes_use(checks)
    assert refused.value.field == "new_code"
    assert not PhoneCode.objects.filter(used_at__isnull=False).exists()


def test_the_sent_code_works():
    send()
    use(sent_code(MOBILE))


def test_a_second_code_within_the_wait_is_refused(settings):
    settings.SMS_CODE_RESEND_SECONDS = 60
    send()
    with pytest.raises(DomainError, match="60秒后再重新获取") as refused:
        send(address="10.0.0.2")
    assert refused.value.code == "rate_limited"
    assert len(sms.outbox) == 1


def test_one_number_gets_only_so_many_codes_an_hour(settings):
    settings.SMS_CODE_RESEND_SECONDS = 0
    settings.SMS_CODE_PER_MOBILE_PER_HOUR = 3
    for attempt in range(3):
        send(address=f"10.0.1.{attempt}")
    with pytest.raises(DomainError, match="该号码获取验证码的次数过多"):
        send(address="10.0.2.1")
    assert len(sms.outbox) == 3


def test_one_client_address_gets_only_so_many_codes_an_hour(settings):
    settings.SMS_CODE_PER_ADDRESS_PER_HOUR = 2
    send(mobile="13700000001")
    send(mobile="13700000002")
    with pytest.raises(DomainError, match="从您的网络获取验证码的次数过多"):
        send(mobile="13700000003")
    assert [message.to for message in sms.outbox] == ["13700000001", "13700000002"]


def test_a_failed_send_is_told_and_leaves_no_working_code(settings):
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = ""
    with pytest.raises(DomainError, match="短信发送失败"):
        send()
    with pytest.raises(PhoneCodeError):
        use(CODE)
    settings.SMS_BACKEND = "memory"
    send()
    assert len(sms.outbox) == 1


def test_codes_expired_over_a_day_ago_are_purged_and_fresher_ones_kept():
    issue_code(MOBILE, REGISTER, minutes=-(25 * 60))
    kept = issue_code("13900000099", REGISTER, minutes=-60)

    assert phone_codes_purge() == 1
    assert list(PhoneCode.objects.values_list("pk", flat=True)) == [kept.pk]

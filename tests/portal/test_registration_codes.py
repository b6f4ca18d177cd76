"""注册 with a mobile number proved by an SMS code, and the honest real-name notice."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import realname, sms
from portal.models import AccountEvent, PhoneCode, User
from tests.factories import CitizenFactory, make_resident_id
from tests.phone_codes import CODE, issue_code, sent_code

pytestmark = pytest.mark.django_db

STRONG = "Qingshan#2026"
MOBILE = "13711112222"


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Count in this process's memory (the default file cache is shared by other processes),
    and start with no SMS sent."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    sms.outbox.clear()


def form(**overrides):
    data = {
        "kind": "citizen",
        "citizen-real_name": "赵六",
        "citizen-resident_id": make_resident_id(7),
        "citizen-mobile": MOBILE,
        "citizen-code": CODE,
        "citizen-password1": STRONG,
        "citizen-password2": STRONG,
    }
    data.update({f"citizen-{key}": value for key, value in overrides.items()})
    return data


def ask_code(client, mobile=MOBILE, **overrides):
    data = form(mobile=mobile, **overrides)
    return client.post(reverse("portal:register"), {**data, "action": "send_code"})


def test_asking_for_a_code_sends_six_digits_and_keeps_what_was_typed(client):
    response = ask_code(client)
    body = response.content.decode()
    assert response.status_code == 200
    assert "验证码已发送至137****2222" in body
    assert len(sent_code(MOBILE)) == 6
    assert 'value="赵六"' in body
    assert STRONG not in body
    assert not User.objects.exists()


def test_the_code_is_stored_only_as_a_digest(client):
    ask_code(client)
    stored = PhoneCode.objects.get(mobile=MOBILE)
    assert sent_code(MOBILE) not in stored.digest
    assert stored.purpose == PhoneCode.Purpose.REGISTER


def test_a_citizen_without_email_registers_with_the_code_sent(client):
    ask_code(client)
    response = client.post(
        reverse("portal:register"), form(code=sent_code(MOBILE), email=""), follow=True
    )
    assert "注册成功" in response.content.decode()
    user = User.objects.get(mobile=MOBILE)
    assert user.email == ""
    assert user.account_events.get().code == AccountEvent.Code.REGISTERED


def test_a_wrong_code_is_refused_and_nothing_is_created(client):
    issue_code(MOBILE, PhoneCode.Purpose.REGISTER)
    response = client.post(reverse("portal:register"), form(code="000000"))
    assert "验证码不正确或已失效" in response.content.decode()
    assert not User.objects.exists()


def test_registering_without_asking_for_a_code_is_refused(client):
    response = client.post(reverse("portal:register"), form())
    assert "验证码不正确或已失效" in response.content.decode()
    assert not User.objects.exists()


def test_a_code_sent_to_another_number_does_not_register_this_one(client):
    issue_code("13800001111", PhoneCode.Purpose.REGISTER)
    client.post(reverse("portal:register"), form())
    assert not User.objects.exists()


def test_a_registered_number_gets_no_code(client):
    CitizenFactory(mobile=MOBILE)
    response = ask_code(client)
    assert "该手机号码已注册" in response.content.decode()
    assert sms.outbox == []


def test_a_malformed_number_gets_no_code(client):
    response = ask_code(client, mobile="1234")
    assert "请输入11位手机号码" in response.content.decode()
    assert sms.outbox == []


def test_the_page_says_real_name_verification_is_not_connected(client):
    body = client.get(reverse("portal:register")).content.decode()
    assert "演示环境：实名核验未接入公安身份核验服务，仅校验了号码格式" in body


def test_the_registration_records_that_the_real_name_was_not_checked(client):
    issue_code(MOBILE, PhoneCode.Purpose.REGISTER)
    client.post(reverse("portal:register"), form())
    event = User.objects.get(mobile=MOBILE).account_events.get()
    assert event.data["real_name_check"] == "unchecked"


class RefusingVerifier:
    """A connected identity service that says the name and number do not belong together."""

    notice = None

    def verify(self, *, real_name, resident_id):
        return realname.Verdict.MISMATCH


def test_a_connected_verifier_refuses_a_name_that_does_not_match(client, settings):
    settings.REAL_NAME_VERIFIER = f"{__name__}.RefusingVerifier"
    issue_code(MOBILE, PhoneCode.Purpose.REGISTER)
    response = client.post(reverse("portal:register"), form())
    body = response.content.decode()
    assert "姓名与身份证号码不一致" in body
    assert "演示环境" not in body
    assert not User.objects.exists()

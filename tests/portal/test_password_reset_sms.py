"""找回密码 by SMS code or e-mail, answering alike whether the account exists."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal import services, sms
from portal.models import AccountEvent, PhoneCode
from portal.phone_codes import PhoneCodeError
from tests.factories import PASSWORD, CitizenFactory
from tests.phone_codes import CODE, issue_code, sent_code

pytestmark = pytest.mark.django_db

NEW = "Lushui#2027"


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Count in this process's memory (the default file cache is shared by other processes),
    and start with no SMS sent."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    sms.outbox.clear()


def ask(client, login, address="10.0.0.1"):
    return client.post(reverse("portal:password_reset"), {"login": login}, REMOTE_ADDR=address)


def confirm(client, code, password=NEW):
    return client.post(
        reverse("portal:password_reset_code"),
        {"code": code, "password1": password, "password2": password},
    )


def test_the_login_page_links_to_the_reset_page(client):
    body = client.get(reverse("portal:login")).content.decode()
    assert f'href="{reverse("portal:password_reset")}"' in body
    assert "忘记密码" in body


def test_a_citizen_resets_the_password_with_the_code_sent_by_sms(client):
    citizen = CitizenFactory(email="")
    response = ask(client, citizen.mobile)
    assert response.url == reverse("portal:password_reset_code")
    response = confirm(client, sent_code(citizen.mobile))
    assert response.url == reverse("portal:password_reset_complete")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW)
    assert citizen.account_events.get().code == AccountEvent.Code.PASSWORD_RESET_BY_SMS


def test_the_new_password_signs_in_and_the_old_one_no_longer(client):
    citizen = CitizenFactory()
    ask(client, citizen.mobile)
    confirm(client, sent_code(citizen.mobile))
    login = reverse("portal:login")
    old = client.post(login, {"username": citizen.mobile, "password": PASSWORD})
    assert "账号或密码不正确" in old.content.decode()
    new = client.post(login, {"username": citizen.mobile, "password": NEW})
    assert new.status_code == 302


def test_a_wrong_code_changes_nothing(client):
    citizen = CitizenFactory()
    ask(client, citizen.mobile)
    response = confirm(client, "000000" if sent_code(citizen.mobile) != "000000" else "111111")
    assert "验证码不正确或已失效" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_a_code_resets_the_password_only_once():
    citizen = CitizenFactory()
    issue_code(citizen.mobile, PhoneCode.Purpose.RESET)
    services.password_reset_by_code(mobile=citizen.mobile, code=CODE, password=NEW)
    with pytest.raises(PhoneCodeError):
        services.password_reset_by_code(mobile=citizen.mobile, code=CODE, password="Other#2028")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW)


def page_without_token(client, url):
    return re.sub(r'value="[^"]+"', "", client.get(url).content.decode())


def test_an_unknown_number_gets_the_same_answer_and_no_sms(client):
    CitizenFactory(mobile="13711112222")
    known = ask(client, "13711112222", address="10.0.1.1")
    sms.outbox.clear()
    other = Client()
    # Masked alike (137****2222), so the pages can be compared whole.
    unknown = ask(other, "13799992222", address="10.0.1.2")
    assert unknown.status_code == known.status_code == 302
    assert unknown.url == known.url
    assert sms.outbox == []
    assert page_without_token(other, unknown.url) == page_without_token(client, known.url)


def test_a_guess_for_an_unknown_number_is_answered_like_a_wrong_code(client):
    ask(client, "13900009999")
    response = confirm(client, CODE)
    assert "验证码不正确或已失效" in response.content.decode()


def test_too_many_guesses_spoil_the_code_alike_for_an_unknown_number(client, settings):
    settings.SMS_CODE_MAX_FAILED = 2
    ask(client, "13900009999")
    for _ in range(2):
        confirm(client, CODE)
    assert "输错次数过多" in confirm(client, CODE).content.decode()


def test_the_second_page_without_the_first_sends_back_to_the_first(client):
    response = client.get(reverse("portal:password_reset_code"))
    assert response.url == reverse("portal:password_reset")


def test_asking_again_on_the_second_page_is_limited(client, settings):
    citizen = CitizenFactory()
    ask(client, citizen.mobile)
    response = client.post(reverse("portal:password_reset_code"), {"action": "send_code"})
    assert response.status_code == 429
    assert "秒后再重新获取" in response.content.decode()
    assert len(sms.outbox) == 1


def test_a_weak_new_password_is_refused_and_the_code_not_spent(client):
    citizen = CitizenFactory()
    ask(client, citizen.mobile)
    code = sent_code(citizen.mobile)
    response = confirm(client, code, password="12345678")
    assert response.context["form"].errors["password1"]
    assert confirm(client, code).url == reverse("portal:password_reset_complete")


def test_the_same_page_still_sends_a_link_to_an_email_address(client, mailoutbox):
    CitizenFactory(email="zhang@example.com")
    response = ask(client, "Zhang@Example.com")
    assert response.url == reverse("portal:password_reset_done")
    assert len(mailoutbox) == 1
    assert sms.outbox == []


def test_something_neither_a_number_nor_an_address_is_refused_with_a_message(client):
    response = ask(client, "zhang")
    assert response.status_code == 200
    assert "请输入11位手机号码" in response.content.decode()

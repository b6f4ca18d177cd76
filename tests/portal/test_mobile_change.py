"""更换手机号码: a code to the old number and a code to the new one."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import sms
from portal.models import AccountEvent, OutboxMessage, PhoneCode
from tests.factories import PASSWORD, CitizenFactory, StaffFactory
from tests.phone_codes import CODE, issue_code, sent_code

pytestmark = pytest.mark.django_db

NEW_MOBILE = "13900002222"


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Count in this process's memory (the default file cache is shared by other processes),
    and start with no SMS sent."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    sms.outbox.clear()


@pytest.fixture
def citizen(client):
    user = CitizenFactory()  # signs in with the mobile number as user name
    client.force_login(user)
    return user


def change(client, **data):
    return client.post(reverse("portal:mobile_change"), data)


def both_codes_sent(citizen):
    issue_code(citizen.mobile, PhoneCode.Purpose.MOBILE_OLD)
    issue_code(NEW_MOBILE, PhoneCode.Purpose.MOBILE_NEW)


def test_the_account_page_links_to_the_change(client, citizen):
    body = client.get(reverse("portal:account")).content.decode()
    assert reverse("portal:mobile_change") in body


def test_the_codes_are_sent_to_the_old_and_to_the_new_number(client, citizen):
    change(client, send="old")
    change(client, send="new", new_mobile=NEW_MOBILE)
    old_code, new_code = sent_code(citizen.mobile), sent_code(NEW_MOBILE)
    response = change(client, new_mobile=NEW_MOBILE, old_code=old_code, new_code=new_code)
    assert response.url == reverse("portal:account")
    citizen.refresh_from_db()
    assert citizen.mobile == NEW_MOBILE


def test_the_change_moves_the_sign_in_name_and_records_it(client, citizen):
    old = citizen.mobile
    both_codes_sent(citizen)
    change(client, new_mobile=NEW_MOBILE, old_code=CODE, new_code=CODE)
    citizen.refresh_from_db()
    assert citizen.username == NEW_MOBILE
    event = citizen.account_events.get()
    assert event.code == AccountEvent.Code.MOBILE_CHANGED
    assert event.data == {"old": f"{old[:3]}****{old[-4:]}", "new": "139****2222"}
    client.logout()
    signed_in = client.post(reverse("portal:login"), {"username": NEW_MOBILE, "password": PASSWORD})
    assert signed_in.status_code == 302


def test_the_old_number_is_told_of_the_change(client, citizen):
    old = citizen.mobile
    both_codes_sent(citizen)
    change(client, new_mobile=NEW_MOBILE, old_code=CODE, new_code=CODE)
    assert OutboxMessage.objects.filter(address=old, body__contains="改用其他手机号码").exists()


def test_without_the_old_numbers_code_nothing_changes(client, citizen):
    issue_code(NEW_MOBILE, PhoneCode.Purpose.MOBILE_NEW)
    response = change(client, new_mobile=NEW_MOBILE, old_code=CODE, new_code=CODE)
    assert response.context["form"].errors["old_code"]
    citizen.refresh_from_db()
    assert citizen.mobile != NEW_MOBILE


def test_without_the_new_numbers_code_nothing_changes(client, citizen):
    issue_code(citizen.mobile, PhoneCode.Purpose.MOBILE_OLD)
    response = change(client, new_mobile=NEW_MOBILE, old_code=CODE, new_code=CODE)
    assert "验证码不正确或已失效" in str(response.context["form"].errors["new_code"])
    citizen.refresh_from_db()
    assert citizen.mobile != NEW_MOBILE


def test_a_code_for_the_new_number_cannot_stand_in_for_the_old(client, citizen):
    issue_code(NEW_MOBILE, PhoneCode.Purpose.MOBILE_OLD)
    issue_code(NEW_MOBILE, PhoneCode.Purpose.MOBILE_NEW)
    change(client, new_mobile=NEW_MOBILE, old_code=CODE, new_code=CODE)
    citizen.refresh_from_db()
    assert citizen.mobile != NEW_MOBILE


def test_a_number_of_another_account_is_refused_and_gets_no_code(client, citizen):
    CitizenFactory(mobile=NEW_MOBILE)
    response = change(client, send="new", new_mobile=NEW_MOBILE)
    assert "该手机号码已被其他账号使用" in response.content.decode()
    assert sms.outbox == []


def test_an_account_without_a_number_proves_only_the_new_one(client):
    staff = StaffFactory(mobile="")
    client.force_login(staff)
    issue_code(NEW_MOBILE, PhoneCode.Purpose.MOBILE_NEW)
    response = change(client, new_mobile=NEW_MOBILE, new_code=CODE)
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.mobile == NEW_MOBILE


def test_the_page_needs_a_signed_in_user(client):
    response = client.get(reverse("portal:mobile_change"))
    assert response.status_code == 302
    assert reverse("portal:login") in response.url

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("portal:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("field", ["mobile", "resident_id", "username"])
def test_citizen_signs_in_with_mobile_id_number_or_username(client, field):
    citizen = CitizenFactory()
    response = login(client, getattr(citizen, field), PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("portal:account")


def test_wrong_password_gets_a_clear_message(client):
    citizen = CitizenFactory()
    response = login(client, citizen.mobile, "wrong")
    assert response.status_code == 200
    assert "账号或密码不正确" in response.content.decode()


def test_repeated_failures_lock_that_user_from_that_address(client, settings):
    citizen = CitizenFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, citizen.mobile, "wrong")
    response = login(client, citizen.mobile, PASSWORD)
    assert response.status_code == 429
    assert "已暂时锁定" in response.content.decode()


def test_lockout_does_not_reach_the_same_user_from_another_address(client, settings):
    citizen = CitizenFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, citizen.mobile, "wrong", address="10.0.0.1")
    assert login(client, citizen.mobile, PASSWORD, address="10.0.0.2").status_code == 302


def test_lockout_does_not_reach_another_user_from_the_same_address(client, settings):
    citizen, other = CitizenFactory(), CitizenFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, citizen.mobile, "wrong")
    assert login(client, other.mobile, PASSWORD).status_code == 302


def test_logout_signs_out(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    client.post(reverse("portal:logout"))
    assert client.get(reverse("portal:account")).status_code == 302


def test_session_ends_with_the_browser_and_after_a_working_day(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_password_change_needs_the_old_password(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    response = client.post(
        reverse("portal:password_change"),
        {
            "old_password": "nope",
            "new_password1": "Qingshan#2027",
            "new_password2": "Qingshan#2027",
        },
    )
    assert response.status_code == 200
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_password_reset_sends_an_email(client, mailoutbox):
    citizen = CitizenFactory(email="zhang@example.com")
    client.post(reverse("portal:password_reset"), {"login": "zhang@example.com"})
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [citizen.email]
    assert "/password/reset/" in mailoutbox[0].body


def test_staff_declares_a_relation(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.post(
        reverse("portal:relations"),
        {"name": "张三", "kind": "kin", "resident_id": CitizenFactory().resident_id},
        follow=True,
    )
    assert "回避关系已申报" in response.content.decode()
    assert staff.declared_relations.count() == 1


def test_relation_without_an_identity_number_is_refused(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.post(reverse("portal:relations"), {"name": "张三", "kind": "kin"})
    assert "请填写对方的身份证号码或统一社会信用代码" in response.content.decode()
    assert staff.declared_relations.count() == 0


def test_citizens_cannot_open_the_workbench(client):
    client.force_login(CitizenFactory())
    assert client.get(reverse("portal:workbench")).status_code == 403

import pytest
from django.urls import reverse

from portal import settings as portal_settings
from portal.models import PhoneCode, User
from tests.factories import CitizenFactory, make_credit_code, make_resident_id
from tests.phone_codes import CODE, issue_code

pytestmark = pytest.mark.django_db

STRONG = "Qingshan#2026"


@pytest.fixture(autouse=True)
def _codes_sent():
    """The numbers of the forms below have asked for their code (see test_registration_codes)."""
    for mobile in ("13711112222", "13622223333"):
        issue_code(mobile, PhoneCode.Purpose.REGISTER)


def citizen_form(**overrides):
    data = {
        "kind": "citizen",
        "citizen-real_name": "赵六",
        "citizen-resident_id": make_resident_id(7),
        "citizen-mobile": "13711112222",
        "citizen-code": CODE,
        "citizen-email": "zhao@example.com",
        "citizen-password1": STRONG,
        "citizen-password2": STRONG,
    }
    data.update({f"citizen-{k}" if k != "kind" else k: v for k, v in overrides.items()})
    return data


def enterprise_form(**overrides):
    data = {
        "kind": "enterprise",
        "enterprise-organization_name": "青山茶业有限公司",
        "enterprise-credit_code": make_credit_code(42),
        "enterprise-real_name": "钱七",
        "enterprise-mobile": "13622223333",
        "enterprise-code": CODE,
        "enterprise-password1": STRONG,
        "enterprise-password2": STRONG,
    }
    data.update({f"enterprise-{k}": v for k, v in overrides.items()})
    return data


def test_citizen_registers_and_is_signed_in(client):
    response = client.post(reverse("portal:register"), citizen_form(), follow=True)
    assert response.status_code == 200
    user = User.objects.get(mobile="13711112222")
    assert user.kind == User.Kind.CITIZEN
    assert user.real_name == "赵六"
    assert response.context["user"] == user
    assert "注册成功" in response.content.decode()


def test_password_is_stored_with_argon2(client, settings):
    # The suite hashes with MD5 for speed (tests/conftest.py): put back what the product configures.
    settings.PASSWORD_HASHERS = portal_settings.PASSWORD_HASHERS
    client.post(reverse("portal:register"), citizen_form())
    assert User.objects.get(mobile="13711112222").password.startswith("argon2")


def test_enterprise_registers_with_credit_code(client):
    client.post(reverse("portal:register"), enterprise_form())
    user = User.objects.get(credit_code=make_credit_code(42))
    assert user.kind == User.Kind.ENTERPRISE
    assert user.organization_name == "青山茶业有限公司"


@pytest.mark.parametrize(
    ("resident_id", "message"),
    [
        (
            make_resident_id(7)[:-1] + ("0" if make_resident_id(7)[-1] != "0" else "1"),
            "校验位不正确",
        ),
        ("33102319850230001X", "出生日期不存在"),
        ("3310231985031200", "应为18位"),
    ],
)
def test_bad_resident_id_is_refused_with_a_clear_message(client, resident_id, message):
    response = client.post(reverse("portal:register"), citizen_form(resident_id=resident_id))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(mobile="13711112222").exists()


def test_bad_credit_code_is_refused(client):
    code = make_credit_code(42)
    bad = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = client.post(reverse("portal:register"), enterprise_form(credit_code=bad))
    assert "校验位不正确" in response.content.decode()
    assert User.objects.count() == 0


def test_duplicate_resident_id_is_refused(client):
    existing = CitizenFactory()
    response = client.post(
        reverse("portal:register"), citizen_form(resident_id=existing.resident_id)
    )
    assert "该身份证号码已注册" in response.content.decode()
    assert User.objects.count() == 1


def test_duplicate_mobile_is_refused(client):
    existing = CitizenFactory()
    response = client.post(reverse("portal:register"), citizen_form(mobile=existing.mobile))
    assert "该手机号码已注册" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize("password", ["12345678", "password", "abc"])
def test_weak_password_is_refused(client, password):
    response = client.post(
        reverse("portal:register"), citizen_form(password1=password, password2=password)
    )
    assert response.status_code == 200
    assert User.objects.count() == 0
    assert response.context["form"].errors["password1"]


def test_mismatched_passwords_are_refused(client):
    response = client.post(reverse("portal:register"), citizen_form(password2=STRONG + "x"))
    assert "两次输入的密码不一致" in response.content.decode()
    assert User.objects.count() == 0


def test_registration_page_is_chinese_by_default(client):
    response = client.get(reverse("portal:register"))
    assert "个人注册" in response.content.decode()


def test_registration_errors_are_in_english_for_english_users(client):
    client.cookies["django_language"] = "en"
    response = client.post(reverse("portal:register"), citizen_form(resident_id="3310231985031200"))
    assert "must be 18 characters" in response.content.decode()


def test_a_new_citizen_is_welcomed_in_the_inbox_and_by_sms(client):
    client.post(reverse("portal:register"), citizen_form())
    user = User.objects.get(mobile="13711112222")
    assert user.inbox.get().subject == "欢迎注册县政务服务网"
    assert user.inbox.get().url == reverse("portal:account")

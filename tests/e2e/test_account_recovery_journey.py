"""A citizen with no e-mail registers with an SMS code, later resets the password by SMS, and
signs in with the new one."""

from playwright.sync_api import expect

from portal import sms
from portal.models import User
from tests.factories import make_resident_id
from tests.phone_codes import sent_code

MOBILE = "13566668888"
FIRST = "Qingshan#2026"
SECOND = "Lushui#2027"


def test_a_citizen_without_email_registers_and_recovers_the_account_by_sms(site, db):
    page = site.page
    sms.outbox.clear()

    site.go("/register/")
    expect(page.get_by_text("演示环境：实名核验未接入公安身份核验服务")).to_be_visible()
    page.get_by_label("真实姓名").fill("钱十")
    page.get_by_label("身份证号码").fill(make_resident_id(61))
    page.get_by_label("手机号码").fill(MOBILE)
    page.get_by_role("button", name="获取验证码").click()
    expect(page.get_by_text("验证码已发送至135****8888")).to_be_visible()
    site.check_a11y()
    expect(page.get_by_label("真实姓名")).to_have_value("钱十")
    page.get_by_label("短信验证码").fill(sent_code(MOBILE))
    page.locator("#id_citizen-password1").fill(FIRST)
    page.locator("#id_citizen-password2").fill(FIRST)
    page.get_by_role("button", name="注册", exact=True).click()
    expect(page.get_by_text("注册成功")).to_be_visible()
    assert User.objects.get(mobile=MOBILE).email == ""
    site.logout()

    site.go("/login/")
    page.get_by_role("link", name="忘记密码").click()
    site.check_a11y()
    page.get_by_label("手机号码或注册邮箱").fill(MOBILE)
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_text("如果 135****8888 已注册，验证码已发送到该号码")).to_be_visible()
    site.check_a11y()
    page.get_by_label("短信验证码").fill(sent_code(MOBILE))
    page.locator("#id_password1").fill(SECOND)
    page.locator("#id_password2").fill(SECOND)
    page.get_by_role("button", name="重设密码", exact=True).click()
    expect(page.get_by_text("密码已重设，请使用新密码登录。")).to_be_visible()
    site.screenshot("password-reset-by-sms", phone=True)

    site.login(MOBILE, SECOND)
    expect(page.get_by_role("heading", name="我的账户")).to_be_visible()

"""A citizen registers, signs in, sees the Chinese home page and switches to English."""

from playwright.sync_api import expect

from portal.models import User
from tests.factories import make_resident_id
from tests.phone_codes import sent_code


def test_citizen_registers_signs_in_and_switches_to_english(site, db):
    page = site.page
    site.go("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", name="12345 政务服务便民热线")).to_be_visible()
    site.screenshot("home")
    site.screenshot("home", phone=True)

    page.get_by_role("link", name="注册").click()
    site.check_a11y()
    page.get_by_label("真实姓名").fill("孙八")
    page.get_by_label("身份证号码").fill(make_resident_id(88))
    page.get_by_label("手机号码").fill("13566667777")
    page.get_by_role("button", name="获取验证码").click()
    expect(page.get_by_text("验证码已发送至135****7777")).to_be_visible()
    page.get_by_label("短信验证码").fill(sent_code("13566667777"))
    page.locator("#id_citizen-password1").fill("Qingshan#2026")
    page.locator("#id_citizen-password2").fill("Qingshan#2026")
    page.get_by_role("button", name="注册", exact=True).click()
    expect(page.get_by_text("注册成功")).to_be_visible()
    site.check_a11y()
    assert User.objects.filter(mobile="13566667777", real_name="孙八").exists()

    site.logout()
    site.login("13566667777", "Qingshan#2026")
    expect(page.get_by_role("heading", name="我的账户")).to_be_visible()

    page.get_by_label("语言").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    site.check_a11y()
    site.go("/")
    site.screenshot("home-en")

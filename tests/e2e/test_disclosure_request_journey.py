"""Disclosure on request in a browser: a citizen files a request, the office head extends the
limit, a clerk answers with a document, and the citizen reads the answer online."""

import shutil

import pytest
from playwright.sync_api import expect

from disclosure.models import InformationRequest
from tests.disclosure.factories import office_clerk, office_head
from tests.factories import CitizenFactory
from tests.uploads import pdf_file, pdf_pages

pytestmark = pytest.mark.e2e

PDF = pdf_file()


@pytest.fixture
def people(db):
    return {
        "citizen": CitizenFactory(real_name="张三"),
        "clerk": office_clerk(username="clerk_e2e", real_name="公开办窗口"),
        "head": office_head(username="head_e2e", real_name="公开办主任"),
    }


def _shots(site, name: str) -> None:
    """Desktop and phone screenshots, under var/screenshots/ and /tmp for a person to look at."""
    for phone in (False, True):
        path = site.screenshot(f"disclosure-request-{name}", phone=phone)
        shutil.copy(path, f"/tmp/d3_{name}{'_phone' if phone else ''}.png")


def test_a_citizen_files_the_office_extends_and_answers_the_citizen_reads(site, people, tmp_path):
    page = site.page

    # The citizen applies; the form comes filled from the profile.
    site.login(people["citizen"].username)
    site.go("/disclosure/requests/new/")
    expect(page.get_by_label("申请人姓名")).to_have_value("张三")
    page.get_by_label("所需政府信息的名称").fill(
        "请公开城关镇2025年道路维修项目的招标文件和中标结果。"
    )
    page.get_by_label("用途（选填）").fill("了解本村道路维修情况")
    page.get_by_label("网上查阅").check()
    _shots(site, "form")
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_text("申请已提交")).to_be_visible()
    site.check_a11y()
    request = InformationRequest.objects.get()
    site.logout()

    # The office head extends the limit before the original due date, with a reason.
    site.login("head_e2e")
    site.go("/disclosure/staff/requests/")
    _shots(site, "queue")
    page.get_by_role("link", name=request.number).click()
    page.locator("summary", has_text="延长答复期限").click()
    page.get_by_label("延长工作日数").fill("10")
    page.get_by_label("延长理由").fill("需要向县交通运输局调取招标档案")
    page.get_by_role("button", name="延长答复期限（负责人批准）").click()
    expect(page.get_by_text("答复期限已延长，并已告知申请人。")).to_be_visible()
    site.check_a11y()
    site.logout()

    # A clerk answers: disclosed, with the document and the remedies.
    site.login("clerk_e2e")
    site.go(f"/disclosure/requests/{request.number}/")
    page.get_by_label("答复类型").select_option(label="予以公开")
    page.get_by_label("答复内容").fill("现将城关镇2025年道路维修项目的招标文件和中标结果提供给您。")
    page.get_by_label("答复文件").set_input_files(
        files=[{"name": "招标文件.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    _shots(site, "answer_form")
    page.get_by_role("button", name="作出答复").click()
    expect(page.get_by_text("答复已送达申请人。")).to_be_visible()
    site.logout()

    # The citizen finds the request in "my requests", reads the answer and downloads the document.
    site.login(people["citizen"].username)
    site.go("/disclosure/requests/mine/")
    page.get_by_role("link", name=request.number).click()
    expect(
        page.get_by_text("现将城关镇2025年道路维修项目的招标文件和中标结果提供给您。")
    ).to_be_visible()
    expect(page.get_by_text("需要向县交通运输局调取招标档案").first).to_be_visible()
    expect(page.get_by_text("行政复议").first).to_be_visible()
    site.check_a11y()
    _shots(site, "answer")
    with page.expect_download() as download:
        page.get_by_role("link", name="招标文件.pdf").click()
    saved = tmp_path / "doc.pdf"
    download.value.save_as(saved)
    assert pdf_pages(saved.read_bytes()) == 1

    # The year's annual report counts the request as received and answered.
    year = request.received_at.year
    site.go(f"/disclosure/annual-report/?year={year}")
    expect(page.get_by_text("新收 1 + 上年结转 0 = 办结 1 + 结转下年 0")).to_be_visible()
    _shots(site, "annual_report")

"""The approvals journey in a browser: apply with uploads, one-time notice and supplement,
acceptance, a joint step signed by two departments, a decision by the head (not the accepting
clerk), the citizen's timeline and result, a bad rating and the unit's rectification answer."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from approvals.models import AgentConsent, Case, CaseEvent, RectificationTicket
from approvals.services.consents import consent_decide
from portal.query_codes import query_code_matches
from portal.roles import Role
from tests.approvals.factories import PDF, ProcessFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory

pytestmark = pytest.mark.e2e

SHOTS = "/tmp"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _file(name: str) -> dict:
    if name.endswith(".png"):
        return {"name": name, "mimeType": "image/png", "buffer": _png()}
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


@pytest.fixture
def county(db):
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    housing = DepartmentFactory(code="housing", name="县住房和城乡建设局")
    process = ProcessFactory(
        item__department=market, item__name="食品经营许可", joint_with=[housing]
    )

    def staff(username, department, role, name):
        return StaffFactory(username=username, department=department, roles=[role], real_name=name)

    return {
        "item": process.item,
        "clerk_a": staff("clerk_a", market, Role.WINDOW_CLERK, "窗口甲"),
        "reviewer": staff("reviewer_m", market, Role.WINDOW_CLERK, "审查员乙"),
        "joint": staff("reviewer_h", housing, Role.WINDOW_CLERK, "住建审查员"),
        "head": staff("head_m", market, Role.DEPARTMENT_HEAD, "局长丙"),
        "citizen": CitizenFactory(username="applicant_e2e", real_name="赵申请"),
    }


def _shoot(site, name: str) -> None:
    """Desktop and phone screenshots to /tmp for a person to look at."""
    page = site.page
    page.screenshot(path=f"{SHOTS}/a2_{name}.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}/a2_{name}-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _act(site, case_pk: int, action: str, fields: dict | None = None, *, button: str) -> None:
    """Do one workbench move on the staff case page and wait for its confirmation."""
    page = site.page
    site.go(f"/approvals/staff/cases/{case_pk}/")
    form = page.locator(f"#action-{action}")
    for name, value in (fields or {}).items():
        form.locator(f"[name$={name}]").fill(value)
    form.get_by_role("button", name=button).click()
    expect(page.locator(".alert-success")).to_contain_text(button)


def test_citizen_applies_and_rates_the_unit_answers(site, county):
    page = site.page
    item = county["item"]

    # The citizen finds the item in the catalogue and applies online.
    site.login("applicant_e2e")
    site.go(item.get_absolute_url())
    _shoot(site, "item")
    page.get_by_role("link", name="网上申请").click()
    site.check_a11y()
    page.get_by_role("button", name="开始填写").click()
    expect(page.get_by_role("heading", name="填写申请：食品经营许可")).to_be_visible()
    expect(page.get_by_label("申请人")).to_have_value("赵申请")
    site.check_a11y()
    page.get_by_label("申请事项说明（选填）").fill("在城关镇开设一家早餐店。")
    page.set_input_files("input[name=material_0]", _file("申请书.pdf"))
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("草稿已保存")).to_be_visible()
    expect(page.get_by_role("link", name="申请书.pdf")).to_be_visible()
    page.set_input_files("input[name=material_1]", _file("身份证-模糊.png"))
    _shoot(site, "apply")
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    site.check_a11y()
    number = page.locator("#case-number").inner_text().strip()
    case = Case.objects.get(number=number)
    query_code = page.locator("#query-code").inner_text().strip()
    assert query_code_matches(case.query_code_digest, number, query_code)
    site.logout()

    # Clerk A sends the one-time notice.
    site.login("clerk_a")
    site.go("/approvals/staff/")
    expect(page.get_by_role("link", name=number)).to_be_visible()
    _shoot(site, "queue")
    site.go(f"/approvals/staff/cases/{case.pk}/")
    notice = page.locator("#action-notice")
    notice.get_by_label("身份证明").check()
    notice.locator("[name$=note]").fill("身份证照片模糊，请重新上传清晰的正反面。")
    notice.get_by_role("button", name="一次性告知补正").click()
    expect(page.locator(".alert-success")).to_be_visible()
    site.logout()

    # The citizen supplies the material.
    site.login("applicant_e2e")
    site.go(f"/approvals/cases/{case.pk}/")
    expect(page.locator("#notice-missing")).to_contain_text("身份证明")
    expect(page.get_by_role("heading", name="一次性告知：请补正以下材料")).to_be_visible()
    site.check_a11y()
    page.get_by_label("补正的材料").select_option("身份证明")
    page.set_input_files("input[name=upload]", _file("身份证-清晰.pdf"))
    page.get_by_role("button", name="上传", exact=True).click()
    expect(page.get_by_text("材料已上传")).to_be_visible()
    page.get_by_role("button", name="补正完毕，提交").click()
    expect(page.get_by_text("补正材料已提交")).to_be_visible()
    site.logout()

    # Clerk A accepts.
    site.login("clerk_a")
    _act(site, case.pk, "accept", button="受理")
    site.logout()

    # The joint review step: each department signs.
    for username in ("reviewer_m", "reviewer_h"):
        site.login(username)
        _act(site, case.pk, "pass", {"opinion": f"{username}：材料齐全，同意。"}, button="办理通过")
        site.logout()
    case.refresh_from_db()
    assert case.current_step.kind == "decide"

    # The head, not clerk A, decides; clerk A finishes and delivers.
    site.login("head_m")
    site.go(f"/approvals/staff/cases/{case.pk}/")
    decide = page.locator("#action-decide")
    decide.get_by_label("准予许可").check()
    decide.locator("[name$=reason]").fill("申请材料齐全，符合法定条件，准予许可。")
    decide.get_by_role("button", name="作出决定").click()
    expect(page.locator(".alert-success")).to_be_visible()
    site.logout()
    site.login("clerk_a")
    _act(site, case.pk, "finish", {"delivery_note": "许可证已邮寄"}, button="办结送达")
    site.logout()

    # The citizen sees the timeline and the result, and rates it badly.
    site.login("applicant_e2e")
    site.go(f"/approvals/cases/{case.pk}/")
    timeline = page.locator("#case-timeline")
    for label in ("提交申请", "一次性告知补正", "补正材料", "受理", "作出决定", "办结"):
        expect(timeline).to_contain_text(label)
    expect(timeline).to_contain_text("县住房和城乡建设局")
    expect(page.locator("#case-decision")).to_contain_text("准予许可")
    shown = page.locator("#case-timeline > li").count()
    assert shown == case.events.exclude(code__in=CaseEvent.DRAFT_CODES).count()
    _shoot(site, "case")
    page.get_by_role("radio", name="非常不满意").check()
    page.get_by_label("评价意见（选填；评价为不满意或非常不满意时，请写明原因）").fill(
        "补正来回跑了两次。"
    )
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("#ticket-progress")).to_contain_text("待整改")
    site.check_a11y()
    site.logout()

    # The unit answers the rectification ticket.
    site.login("clerk_a")
    site.go("/approvals/ratings/staff/tickets/")
    page.get_by_role("link", name=number).click()
    site.check_a11y()
    page.get_by_label("回访记录（群众反映的问题）").fill("电话回访：补正告知不够清楚。")
    page.get_by_role("radio", name="已整改").check()
    page.get_by_label("整改情况或解释说明（群众可见）").fill("已在办事指南中附上身份证照片样例。")
    page.get_by_role("button", name="提交反馈").click()
    expect(page.locator("#ticket-status")).to_have_text("已反馈")
    _shoot(site, "ticket")
    assert RectificationTicket.objects.get().status == RectificationTicket.Status.ANSWERED
    site.logout()

    # The citizen sees the answer.
    site.login("applicant_e2e")
    site.go(f"/approvals/cases/{case.pk}/")
    expect(page.locator("#ticket-answer")).to_contain_text("身份证照片样例")
    _shoot(site, "case-rated")

    # The citizen's list, the account section and the public board (name masked).
    site.go("/approvals/mine/")
    expect(page.get_by_role("link", name=number)).to_be_visible()
    site.go("/account/")
    expect(page.get_by_text("我的申请 1 件")).to_be_visible()
    site.go("/approvals/results/")
    expect(page.get_by_role("cell", name=number)).to_be_visible()
    expect(page.get_by_role("cell", name="赵**")).to_be_visible()
    assert "赵申请" not in page.locator("table").inner_text()
    site.logout()

    # Anyone with the number and query code follows the case without an account.
    site.go("/approvals/track/")
    page.get_by_label("办件编号").fill(number)
    page.get_by_label("查询码").fill(query_code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#case-decision")).to_contain_text("准予许可")
    site.check_a11y()
    expect(page.get_by_role("button", name="确认撤回")).to_have_count(0)

    # The head reads the unit's statistics.
    site.login("head_m")
    site.go("/approvals/staff/stats/")
    expect(page.locator("#stats-total")).to_contain_text("1")
    _shoot(site, "stats")


def test_village_agent_files_for_a_citizen(site, county):
    page = site.page
    agent = StaffFactory(username="agent_e2e", roles=[Role.VILLAGE_AGENT], real_name="东村代办员")
    citizen = county["citizen"]
    site.login(agent.username)
    site.go(f"/approvals/apply/{county['item'].pk}/")
    page.get_by_label("申请人身份证号码或统一社会信用代码").fill(citizen.resident_id)
    page.get_by_label("申请人注册手机号码").fill(citizen.mobile)
    page.get_by_role("button", name="请申请人确认代办").click()
    expect(page.get_by_role("heading", name="代办授权确认")).to_be_visible()
    expect(page.locator("#consent-applicant")).not_to_contain_text("赵申请")
    # The citizen agrees in their own account (the SMS code is the other way).
    consent = AgentConsent.objects.get(agent=agent)
    consent_decide(actor=citizen, consent=consent, grant=True)
    site.go(f"/approvals/cases/{consent.case_id}/edit/")
    expect(page.get_by_label("申请人")).to_have_value("赵申请")
    site.check_a11y()
    page.set_input_files("input[name=material_0]", _file("申请书.pdf"))
    page.set_input_files("input[name=material_1]", _file("身份证.png"))
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    case = Case.objects.get(agent=agent)
    assert case.applicant == citizen
    site.go("/approvals/mine/")
    expect(page.get_by_text("代 赵申请 申请")).to_be_visible()

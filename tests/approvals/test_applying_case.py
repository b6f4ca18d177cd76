"""The citizen's case page: timeline, materials, supplement after the notice, withdrawal, result."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from approvals.models import Case, CaseEvent
from approvals.services.handling.acceptance import case_send_material_notice
from approvals.services.handling.steps import task_pass
from portal.roles import Role
from tests.approvals.factories import PDF, CaseFactory
from tests.factories import CitizenFactory, StaffFactory
from tests.uploads import pdf_pages

pytestmark = pytest.mark.django_db


def case_url(case) -> str:
    return reverse("approvals:case", args=[case.pk])


@pytest.fixture
def accepted(process, citizen):
    return CaseFactory(process=process, applicant=citizen, stage="in_progress")


def test_timeline_shows_each_step_with_department_and_opinion(client, citizen, accepted, crew):
    task = accepted.tasks.get(status="active")
    task_pass(actor=crew.reviewer, task=task, opinion="经营范围核对无误")
    client.force_login(citizen)
    page = client.get(case_url(accepted)).content.decode()
    timeline = page[page.index('id="case-timeline"') :]
    for label in ("提交申请", "受理", "环节办结"):
        assert label in timeline
    assert crew.department.name in timeline and "经营范围核对无误" in timeline
    assert "上传材料" not in timeline


def test_timeline_equals_the_event_log(client, citizen, accepted):
    client.force_login(citizen)
    response = client.get(case_url(accepted))
    shown = [e.code for e in response.context["events"]]
    logged = list(
        accepted.events.exclude(code__in=CaseEvent.DRAFT_CODES)
        .order_by("created_at", "id")
        .values_list("code", flat=True)
    )
    assert shown == logged


def test_another_citizen_gets_not_found(client, accepted):
    client.force_login(CitizenFactory())
    assert client.get(case_url(accepted)).status_code == 404


def test_staff_of_the_handling_department_may_look(client, accepted, crew):
    client.force_login(crew.clerk)
    response = client.get(case_url(accepted))
    assert response.status_code == 200
    assert response.context["withdraw_form"] is None


def test_material_is_served_to_the_applicant_and_the_unit_only(client, citizen, accepted, crew):
    material = accepted.materials.first()
    url = reverse("approvals:material", args=[material.pk])
    assert client.get(url).status_code == 404
    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 404
    client.force_login(StaffFactory(roles=[Role.WINDOW_CLERK]))
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    response = client.get(url)
    assert response.status_code == 200 and pdf_pages(b"".join(response.streaming_content)) == 1
    client.force_login(crew.clerk)
    assert client.get(url).status_code == 200


def test_the_page_of_a_case_not_awaiting_materials_reads_no_notice(
    client, citizen, accepted, django_assert_max_num_queries
):
    client.force_login(citizen)

    with django_assert_max_num_queries(12) as captured:
        assert client.get(case_url(accepted)).status_code == 200

    assert not [q for q in captured.captured_queries if "approvals_materialnotice" in q["sql"]]


def test_missing_material_notice_then_supply(client, citizen, process, crew):
    case = CaseFactory(process=process, applicant=citizen)
    case_send_material_notice(
        actor=crew.clerk, case=case, missing=["身份证明"], note="身份证复印件不清晰"
    )
    client.force_login(citizen)
    page = client.get(case_url(case)).content.decode()
    assert "一次性告知" in page and "身份证复印件不清晰" in page

    early = client.post(reverse("approvals:supply", args=[case.pk]), {"action": "done"})
    assert early.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.AWAITING_MATERIALS

    upload = ContentFile(PDF, name="身份证-清晰.pdf")
    client.post(
        reverse("approvals:supply", args=[case.pk]),
        {"action": "upload", "name": "身份证明", "upload": upload},
    )
    client.post(reverse("approvals:supply", args=[case.pk]), {"action": "done"})
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    assert case.events.filter(code=CaseEvent.Code.SUPPLIED).count() == 1


def test_supply_refuses_a_bad_file(client, citizen, process, crew):
    case = CaseFactory(process=process, applicant=citizen)
    case_send_material_notice(actor=crew.clerk, case=case, missing=["身份证明"])
    client.force_login(citizen)
    before = case.materials.count()
    response = client.post(
        reverse("approvals:supply", args=[case.pk]),
        {"action": "upload", "name": "身份证明", "upload": ContentFile(b"plain", name="a.pdf")},
    )
    assert response.status_code == 400 and "文件内容不是 PDF" in response.content.decode()
    assert case.materials.count() == before


def test_withdraw_needs_a_reason(client, citizen, accepted):
    client.force_login(citizen)
    url = reverse("approvals:withdraw", args=[accepted.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    accepted.refresh_from_db()
    assert accepted.status == Case.Status.IN_PROGRESS

    client.post(url, {"reason": "不再需要"})
    accepted.refresh_from_db()
    assert accepted.status == Case.Status.WITHDRAWN
    assert "不再需要" in client.get(case_url(accepted)).content.decode()


def test_decided_case_cannot_be_withdrawn(client, citizen, process):
    case = CaseFactory(process=process, applicant=citizen, stage="decided")
    client.force_login(citizen)
    assert client.get(case_url(case)).context["withdraw_form"] is None
    client.post(reverse("approvals:withdraw", args=[case.pk]), {"reason": "算了"})
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED


def test_result_and_document_for_the_applicant(client, citizen, process):
    case = CaseFactory(process=process, applicant=citizen, stage="finished")
    case.result_document.save("决定书.pdf", ContentFile(PDF))
    client.force_login(citizen)
    page = client.get(case_url(case)).content.decode()
    assert "准予许可" in page and "材料齐全，符合法定条件。" in page
    document = reverse("approvals:result_document", args=[case.pk])
    assert document in page
    assert client.get(document).status_code == 200
    client.force_login(CitizenFactory())
    assert client.get(document).status_code == 404


def test_draft_page_of_a_draft_redirects_to_the_form(client, citizen, process):
    case = CaseFactory(process=process, applicant=citizen, stage="draft")
    client.force_login(citizen)
    assert client.get(case_url(case))["Location"] == reverse("approvals:draft", args=[case.pk])


def test_my_cases_lists_own_and_agent_filed_cases(
    client, citizen, process, django_assert_max_num_queries
):
    mine = [CaseFactory(process=process, applicant=citizen) for _ in range(3)]
    CaseFactory(process=process)
    client.force_login(citizen)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("approvals:mine"))
    page = response.content.decode()
    assert all(case.number in page for case in mine)
    assert len(response.context["page"].object_list) == 3


def test_my_cases_query_count_does_not_grow(
    client, citizen, process, django_assert_max_num_queries
):
    for _ in range(12):
        CaseFactory(process=process, applicant=citizen)
    client.force_login(citizen)
    with django_assert_max_num_queries(8):
        client.get(reverse("approvals:mine"))


def test_account_page_counts_my_applications(client, citizen, process):
    CaseFactory(process=process, applicant=citizen)
    client.force_login(citizen)
    page = client.get(reverse("portal:account")).content.decode()
    assert "我的申请 1 件" in page and reverse("approvals:mine") in page


@pytest.mark.parametrize("stage", ["submitted", "finished"])
def test_case_page_queries_do_not_grow_with_the_timeline(
    client, citizen, process, stage, django_assert_max_num_queries
):
    case = CaseFactory(process=process, applicant=citizen, stage=stage)
    CaseFactory(process=process, applicant=citizen, stage="finished")
    client.force_login(citizen)
    # One of them reads the materials of the item version the case was filed under.
    with django_assert_max_num_queries(9):
        response = client.get(case_url(case))
    assert len(response.context["events"]) >= 2


def test_the_agent_follows_the_case_they_filed(client, citizen, process):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    case = CaseFactory(process=process, applicant=citizen, agent=agent, stage="in_progress")
    client.force_login(agent)
    page = client.get(reverse("approvals:mine")).content.decode()
    assert case.number in page and f"代 {citizen.real_name} 申请" in page
    response = client.get(case_url(case))
    assert response.context["is_follower"] and response.context["withdraw_form"] is not None
    timeline = response.content.decode().split('id="case-timeline"')[1]
    assert "代办员" in timeline

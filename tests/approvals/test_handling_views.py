"""The clerk workbench pages: queue, case page, POST actions, history, workbench card."""

import pytest
from django.urls import reverse

from approvals.models import Case, CaseEvent
from approvals.services.handling.acceptance import case_accept, case_send_material_notice
from approvals.services.handling.steps import task_pass
from portal.models import StaffRelation
from supervision.models import Alert
from tests.approvals.factories import CaseFactory, team

pytestmark = pytest.mark.django_db


def act(client, case, action, **data):
    prefixed = {f"{action}-{key}": value for key, value in data.items()}
    return client.post(reverse("approvals:staff_act", args=[case.pk, action]), prefixed)


def test_queue_lists_the_departments_open_cases_with_lights(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    response = client.get(reverse("approvals:queue"))
    assert response.status_code == 200
    text = response.content.decode()
    assert case.number in text and "正常" in text


def test_queue_hides_other_departments_cases(client, process, other_department):
    case = CaseFactory(process=process)
    client.force_login(team(other_department).clerk)
    response = client.get(reverse("approvals:queue") + "?scope=all")
    assert case.number not in response.content.decode()


def test_queue_filters_by_status_light_and_text(client, process, crew):
    submitted = CaseFactory(process=process)
    progressing = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.clerk)
    url = reverse("approvals:queue")
    text = client.get(url, {"status": "in_progress"}).content.decode()
    assert progressing.number in text and submitted.number not in text
    text = client.get(url, {"q": submitted.number}).content.decode()
    assert submitted.number in text and progressing.number not in text
    text = client.get(url, {"light": "red"}).content.decode()
    assert submitted.number not in text and "没有符合条件的办件" in text


def test_queue_query_count_does_not_grow_with_the_page(
    client, process, crew, django_assert_max_num_queries
):
    client.force_login(crew.clerk)
    url = reverse("approvals:queue")
    CaseFactory(process=process)
    client.get(url)  # warm the session and caches
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    for _ in range(6):
        CaseFactory(process=process, stage="in_progress")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("/approvals/staff/cases/") >= 7


def test_queue_is_paginated(client, process, crew):
    client.force_login(crew.clerk)
    response = client.get(reverse("approvals:queue"), {"page": "99"})
    assert response.status_code == 200


def test_citizens_cannot_open_the_workbench(client, process):
    case = CaseFactory(process=process)
    client.force_login(case.applicant)
    assert client.get(reverse("approvals:queue")).status_code == 404
    assert client.get(reverse("approvals:staff_case", args=[case.pk])).status_code == 404


def test_another_department_gets_not_found(client, process, other_department):
    case = CaseFactory(process=process)
    client.force_login(team(other_department).clerk)
    assert client.get(reverse("approvals:staff_case", args=[case.pk])).status_code == 404
    assert act(client, case, "accept").status_code == 404


def test_case_page_shows_materials_timeline_and_the_moves_allowed(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    response = client.get(reverse("approvals:staff_case", args=[case.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "申请书" in text and "提交申请" in text
    assert 'id="action-accept"' in text and 'id="action-notice"' in text
    assert 'id="action-decide"' not in text


def test_clerk_accepts_through_the_page(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    response = act(client, case, "accept")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS


def test_notice_form_lists_every_material(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    response = act(client, case, "notice", missing=["申请书", "身份证明"], note="请签字")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.material_notice.missing == ["申请书", "身份证明"]


def test_the_case_page_shows_the_notice_sent_to_the_applicant(client, process, crew):
    case = CaseFactory(process=process)
    case_send_material_notice(actor=crew.clerk, case=case, missing=["身份证明"], note="请签字")
    client.force_login(crew.clerk)

    page = client.get(reverse("approvals:staff_case", args=[case.pk])).content.decode()

    assert "一次性告知" in page and "请签字" in page and "等待申请人补正" in page


def test_the_case_page_of_a_case_never_noticed_reads_no_notice(
    client, process, crew, django_assert_max_num_queries
):
    # Joined into the case's fetch, the notice cost PostgreSQL planning time on every view.
    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.clerk)

    with django_assert_max_num_queries(13) as captured:
        client.get(reverse("approvals:staff_case", args=[case.pk]))

    assert not [q for q in captured.captured_queries if "approvals_materialnotice" in q["sql"]]


def test_a_refused_move_shows_the_reason_and_changes_nothing(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    crew.clerk.groups.add(*crew.head.groups.all())
    client.force_login(crew.clerk)
    events = case.events.count()
    response = act(client, case, "decide", decision="approve", reason="")
    assert response.status_code == 400
    assert "受理和办理相分离" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS and case.events.count() == events
    assert Alert.objects.filter(kind=Alert.Kind.SEPARATION_OF_DUTIES).exists()


def test_a_stale_page_gets_a_clear_message(client, process, crew):
    case = CaseFactory(process=process)
    case_accept(actor=crew.clerk, case=case)
    client.force_login(crew.clerk)
    response = act(client, case, "accept")
    assert response.status_code == 400
    assert "不在待受理状态" in response.content.decode()


def test_a_recused_clerk_sees_why(client, process, crew):
    case = CaseFactory(process=process)
    StaffRelation.objects.create(
        staff=crew.clerk, resident_id=case.applicant_id_number, name="亲属", kind="kin"
    )
    client.force_login(crew.clerk)
    response = act(client, case, "accept")
    assert response.status_code == 400 and "回避" in response.content.decode()


def test_an_empty_form_is_refused_with_the_field_message(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.reviewer)
    response = act(client, case, "pass", opinion="")
    assert response.status_code == 400
    assert case.events.filter(code=CaseEvent.Code.STEP_PASSED).count() == 0


def test_full_journey_through_the_pages(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    assert act(client, case, "accept").status_code == 302
    client.force_login(crew.reviewer)
    assert act(client, case, "pass", opinion="材料齐全").status_code == 302
    client.force_login(crew.head)
    assert act(client, case, "decide", decision="approve", reason="符合条件").status_code == 302
    client.force_login(crew.clerk)
    assert act(client, case, "finish", delivery_note="邮寄送达").status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.FINISHED


def test_unknown_action_is_not_found(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    assert act(client, case, "explode").status_code == 404


def test_an_exceptional_move_opens_its_own_form(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.reviewer)
    page = client.get(reverse("approvals:staff_case", args=[case.pk])).content.decode()
    extend_url = reverse("approvals:staff_act", args=[case.pk, "extend"])
    assert extend_url in page and 'id="action-extend"' not in page
    response = client.get(extend_url)
    assert response.status_code == 200
    assert 'id="action-extend"' in response.content.decode()
    assert crew.head.real_name in response.content.decode()


def test_a_move_not_offered_now_sends_back_to_the_case(client, process, crew):
    case = CaseFactory(process=process)
    client.force_login(crew.clerk)
    response = client.get(reverse("approvals:staff_act", args=[case.pk, "finish"]), follow=True)
    assert "当前不能对本办件进行此项操作" in response.content.decode()


def test_extension_through_its_page(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.reviewer)
    response = act(client, case, "extend", reason="需现场核查", approved_by=crew.head.pk)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.extended


def test_history_page_names_the_actors(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    client.force_login(crew.clerk)
    response = client.get(reverse("approvals:staff_history", args=[case.pk]))
    assert crew.clerk.real_name in response.content.decode()


def test_workbench_section_counts_the_departments_work(client, process, crew):
    CaseFactory(process=process)
    client.force_login(crew.clerk)
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = crew.clerk
    html = render_to_string(
        "approvals/_sections/workbench.html", {"user": crew.clerk, "request": request}
    )
    assert "待办 1 件" in html


def test_case_page_query_count_does_not_grow_with_the_history(
    client, process, crew, django_assert_max_num_queries
):
    early = CaseFactory(process=process, stage="in_progress")
    late = CaseFactory(process=process, stage="finished")
    client.force_login(crew.clerk)
    client.get(reverse("approvals:staff_case", args=[early.pk]))
    # One of them reads the materials of the item version the case was filed under.
    with django_assert_max_num_queries(13) as few:
        client.get(reverse("approvals:staff_case", args=[early.pk]))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("approvals:staff_case", args=[late.pk]))
    assert response.status_code == 200 and "办结" in response.content.decode()

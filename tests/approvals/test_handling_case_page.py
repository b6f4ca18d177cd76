"""What the clerk's case page says: labelled answers, the decision document, the light, and why
a move is not offered."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from approvals.models import Case
from approvals.services.handling.steps import task_pass
from portal.models import StaffRelation
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def page(client, user, case):
    client.force_login(user)
    response = client.get(reverse("approvals:staff_case", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_application_answers_show_under_their_labels(client, process, crew):
    case = CaseFactory(process=process)
    Case.objects.filter(pk=case.pk).update(
        form_data={"address": "城关镇东村 3 号", "description": "新办"}
    )
    text = page(client, crew.clerk, case)
    assert "联系地址" in text and "申请事项说明" in text and "城关镇东村 3 号" in text
    assert ">address<" not in text and ">description<" not in text


def test_the_decision_document_is_a_link_that_downloads(client, process, crew):
    case = CaseFactory(process=process, stage="decided")
    case.result_document.save("决定书.pdf", ContentFile(b"%PDF-1.4 test"))
    link = reverse("approvals:result_document", args=[case.pk])
    assert link in page(client, crew.clerk, case)
    assert client.get(link).status_code == 200


def test_a_decided_case_is_not_yet_finished_on_time(client, process, crew):
    decided = CaseFactory(process=process, stage="decided")
    assert "按时办结" not in page(client, crew.clerk, decided)
    finished = CaseFactory(process=process, stage="finished")
    assert "按时办结" in page(client, crew.clerk, finished)


def test_the_acceptor_is_told_why_they_may_not_decide(client, process, crew):
    crew.clerk.groups.add(*crew.head.groups.all())  # a head who accepted the case
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    text = page(client, crew.clerk, case)
    assert "受理和办理相分离" in text and 'id="action-decide"' not in text
    assert 'id="action-decide"' in page(client, crew.head, case)


def test_a_related_clerk_is_told_to_stand_aside(client, process, crew):
    case = CaseFactory(process=process)
    StaffRelation.objects.create(
        staff=crew.clerk, resident_id=case.applicant_id_number, name=case.applicant_name, kind="kin"
    )
    text = page(client, crew.clerk, case)
    assert "回避" in text and 'id="action-accept"' not in text


def test_the_page_names_who_filed_accepted_and_decided(client, process, crew):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT], real_name="代办员甲")
    case = CaseFactory(process=process, agent=agent, stage="decided")
    text = page(client, crew.clerk, case)
    assert f'代办员</dt><dd class="col-sm-9">{agent.display_name}</dd>' in text
    assert f"（{crew.clerk.display_name}）</dd>" in text  # 受理时间 and who accepted
    assert f"<strong>准予许可</strong> · {crew.head.display_name} ·" in text

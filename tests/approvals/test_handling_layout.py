"""Where the clerk's case page puts each move: beside what it acts on, so that on a phone (one
column, read top to bottom) the clerk has read the thing before the button that judges it."""

import pytest
from django.urls import reverse

from approvals.models import CaseMaterial
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def page(client, user, case) -> str:
    client.force_login(user)
    response = client.get(reverse("approvals:staff_case", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def in_order(text: str, *marks: str) -> bool:
    positions = [text.index(mark) for mark in marks]
    return positions == sorted(positions)


def test_acceptance_comes_after_the_materials_it_judges(client, process, crew):
    case = CaseFactory(process=process)
    text = page(client, crew.clerk, case)
    assert in_order(
        text,
        'id="applicant-heading"',
        'id="materials-heading"',
        'id="action-accept"',
        'id="action-notice"',
        'id="tasks-heading"',
    )


def test_each_box_of_the_notice_shows_what_was_uploaded_for_that_material(client, process, crew):
    case = CaseFactory(process=process)
    material = CaseMaterial.objects.filter(case=case).first()
    text = page(client, crew.clerk, case)
    notice = text[text.index('id="action-notice"') :]
    link = reverse("approvals:material", args=[material.pk])
    assert notice.index(material.name) < notice.index(link) < notice.index("notice-note")


def test_the_step_move_sits_in_the_current_step(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    text = page(client, crew.reviewer, case)
    assert in_order(text, 'id="tasks-heading"', "2. 审查", 'id="action-pass"', "3. 决定")
    assert 'id="action-accept"' not in text


def test_clock_and_fee_moves_come_after_the_steps_beside_the_record(client, process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    text = page(client, crew.clerk, case)
    assert in_order(
        text,
        'id="tasks-heading"',
        'id="clock-actions-heading"',
        'id="link-pause"',
        'id="timeline-heading"',
    )


def test_a_jump_link_leads_to_the_moves_only_when_there_are_some(client, process, crew):
    case = CaseFactory(process=process)
    assert 'href="#materials-heading"' in page(client, crew.clerk, case)
    finished = CaseFactory(process=process, stage="finished")
    assert "转到待办操作" not in page(client, crew.clerk, finished)

"""Applying through the services: drafts, materials, submission, supplement, withdrawal."""

import pytest

from approvals.models import Case, CaseEvent
from approvals.services.applying import (
    case_add_material,
    case_remove_material,
    case_save_draft,
    case_start_draft,
    case_submit,
    case_supply_materials,
    case_withdraw,
)
from approvals.services.consents import consent_decide
from approvals.services.handling.acceptance import case_send_material_notice
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.query_codes import query_code_matches
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, ProcessFactory, pdf_upload
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import CitizenFactory, StaffFactory
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db


def codes(case):
    return list(case.events.values_list("code", flat=True))


def test_draft_prefills_the_applicant_from_the_profile(process, citizen):
    case = case_start_draft(actor=citizen, item=process.item)
    assert case.status == Case.Status.DRAFT
    assert case.applicant_name == citizen.real_name
    assert case.applicant_id_number == citizen.resident_id
    assert case.applicant_mobile == citizen.mobile
    assert case.department == process.item.department
    assert codes(case) == [CaseEvent.Code.CREATED]


def test_starting_again_continues_the_open_draft(process, citizen):
    first = case_start_draft(actor=citizen, item=process.item)
    again = case_start_draft(actor=citizen, item=process.item)
    assert again.pk == first.pk


def test_an_unpublished_item_cannot_be_applied_for(citizen, department):
    process = ProcessFactory(item=CatalogueItemFactory(department=department))
    with pytest.raises(DomainError, match="职权目录"):
        case_start_draft(actor=citizen, item=process.item)
    assert not Case.objects.exists()


def test_an_item_without_an_active_process_cannot_be_applied_for(citizen, department):
    item = CatalogueItemFactory(published=True, department=department)
    with pytest.raises(DomainError, match="流程"):
        case_start_draft(actor=citizen, item=item)


def test_an_agent_files_for_a_citizen(process, citizen):
    from portal.roles import Role

    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    case = case_start_draft(actor=agent, item=process.item, on_behalf_of=citizen)
    assert case.applicant == citizen and case.agent == agent
    # The issue demands it: the agent sees the applicant only masked until the citizen agrees.
    assert case.applicant_name != citizen.real_name
    consent_decide(actor=citizen, consent=case.consent, grant=True)
    case.refresh_from_db()
    assert case.applicant_name == citizen.real_name


def test_only_an_agent_files_for_someone_else(process, citizen):
    with pytest.raises(DomainError, match="代办员"):
        case_start_draft(actor=CitizenFactory(), item=process.item, on_behalf_of=citizen)


def test_a_material_not_in_the_catalogue_is_refused(process, citizen):
    case = case_start_draft(actor=citizen, item=process.item)
    with pytest.raises(DomainError, match="不是本事项要求"):
        case_add_material(actor=citizen, case=case, name="别的", upload=pdf_upload())
    assert not case.materials.exists()


def test_submit_refuses_while_a_required_material_is_missing(process, citizen):
    case = case_start_draft(actor=citizen, item=process.item)
    case_add_material(actor=citizen, case=case, name="申请书", upload=pdf_upload())
    with pytest.raises(DomainError, match="身份证明"):
        case_submit(actor=citizen, case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT and case.number == ""


def test_submit_gives_number_code_and_the_acceptance_clock(process):
    draft = CaseFactory(process=process, stage="draft", at=at("2026-11-23 09:00"))
    case, code = case_submit(actor=draft.applicant, case=draft, at=at("2026-11-23 10:00"))
    assert case.status == Case.Status.SUBMITTED
    assert case.number.startswith("QS20261123")
    assert len(code) == 8 and query_code_matches(case.query_code_digest, case.number, code)
    assert case.acceptance_clock.limit == 5
    assert case.acceptance_clock.kind == "approvals.acceptance"
    task = case.tasks.get()
    assert task.step.kind == "accept" and task.clock == case.acceptance_clock
    assert InboxMessage.objects.filter(recipient=case.applicant, body__contains=code)


def test_someone_else_cannot_touch_the_draft(process, citizen):
    case = case_start_draft(actor=citizen, item=process.item)
    with pytest.raises(DomainError, match="申请人"):
        case_save_draft(actor=CitizenFactory(), case=case, form_data={"a": 1})


def test_a_submitted_case_cannot_be_edited(process):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="已提交"):
        case_save_draft(actor=case.applicant, case=case, form_data={"a": 1})


def test_supply_needs_every_listed_material_and_restarts_the_clock(process, crew):
    case = CaseFactory(process=process)
    case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    with pytest.raises(DomainError, match="申请书"):
        case_supply_materials(actor=case.applicant, case=case)
    case_add_material(actor=case.applicant, case=case, name="申请书", upload=pdf_upload())
    case_supply_materials(actor=case.applicant, case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    supplied = case.material_notice.supplied_at
    assert supplied is not None
    clock = case.acceptance_clock
    assert clock.state == Clock.State.RUNNING and clock.segment_started_at == supplied
    assert codes(case)[-1] == CaseEvent.Code.SUPPLIED


def test_old_materials_stay_while_awaiting_a_supplement(process, crew):
    case = CaseFactory(process=process)
    case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    old = case.materials.first()
    with pytest.raises(DomainError, match="不能删除"):
        case_remove_material(actor=case.applicant, case=case, material=old)


def test_withdraw_stops_every_clock(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    case_withdraw(actor=case.applicant, case=case, reason="不再需要")
    case.refresh_from_db()
    assert case.status == Case.Status.WITHDRAWN
    assert case.clock.state == Clock.State.STOPPED
    assert not case.tasks.filter(status="active").exists()

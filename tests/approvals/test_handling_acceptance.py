"""Acceptance: accept, refuse, the one-time notice, and cases deemed accepted."""

import pytest

from approvals.models import Case, CaseEvent, MaterialNotice
from approvals.services.applying import case_add_material, case_supply_materials
from approvals.services.handling.acceptance import (
    case_accept,
    case_refuse_acceptance,
    case_send_material_notice,
    cases_deem_accepted,
)
from portal.errors import DomainError
from portal.models import InboxMessage, OutboxMessage
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, pdf_upload, team
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db


def codes(case):
    return list(case.events.values_list("code", flat=True))


def test_accept_starts_the_case_clock_and_opens_the_review(process, crew):
    case = CaseFactory(process=process)
    case = case_accept(actor=crew.clerk, case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS
    assert case.accepted_by == crew.clerk
    assert case.acceptance_clock.state == Clock.State.STOPPED
    assert case.clock.limit == 20 and case.clock.kind == "approvals.case"
    assert case.current_step.kind == "review"
    assert case.tasks.filter(status="active").count() == 1
    assert codes(case)[-1] == CaseEvent.Code.ACCEPTED
    assert OutboxMessage.objects.filter(recipient=case.applicant, body__contains="已受理").exists()


def test_another_department_cannot_accept(process, other_department):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="没有待办任务"):
        case_accept(actor=team(other_department).clerk, case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED


def test_refuse_acceptance_needs_a_reason(process, crew):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="理由"):
        case_refuse_acceptance(actor=crew.clerk, case=case, reason=" ")
    case_refuse_acceptance(actor=crew.clerk, case=case, reason="不属于本机关职权")
    case.refresh_from_db()
    assert case.status == Case.Status.REFUSED and case.refusal_reason == "不属于本机关职权"
    assert case.acceptance_clock.state == Clock.State.STOPPED
    assert codes(case)[-1] == CaseEvent.Code.REFUSED_ACCEPTANCE


def test_notice_lists_the_missing_materials_and_stops_the_clock(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    notice = case_send_material_notice(
        actor=crew.clerk,
        case=case,
        missing=["申请书", "身份证明"],
        note="申请书须签字",
        at=at("2026-11-24 10:00"),
    )
    case.refresh_from_db()
    assert case.status == Case.Status.AWAITING_MATERIALS
    assert notice.missing == ["申请书", "身份证明"]
    assert case.acceptance_clock.state == Clock.State.PAUSED
    assert InboxMessage.objects.filter(recipient=case.applicant, body__contains="身份证明").exists()


def test_notice_is_sent_only_once(process, crew):
    case = CaseFactory(process=process)
    case_send_material_notice(actor=crew.clerk, case=case, missing=["申请书"])
    case_add_material(actor=case.applicant, case=case, name="申请书", upload=pdf_upload())
    case_supply_materials(actor=case.applicant, case=case)
    with pytest.raises(DomainError, match="只能发出一次"):
        case_send_material_notice(actor=crew.clerk, case=case, missing=["身份证明"])
    assert MaterialNotice.objects.filter(case=case).count() == 1


def test_notice_after_five_working_days_is_refused(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    # Five working days after Mon 23 Nov end on Mon 30 Nov.
    with pytest.raises(DomainError, match="5 个工作日"):
        case_send_material_notice(
            actor=crew.clerk, case=case, missing=["申请书"], at=at("2026-12-01 09:00")
        )


def test_notice_must_list_something_known(process, crew):
    case = CaseFactory(process=process)
    with pytest.raises(DomainError, match="列出"):
        case_send_material_notice(actor=crew.clerk, case=case, missing=[])
    with pytest.raises(DomainError, match="不在本事项"):
        case_send_material_notice(actor=crew.clerk, case=case, missing=["户口本"])


def test_no_notice_within_five_working_days_counts_as_accepted_on_receipt(process):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    assert cases_deem_accepted(now=at("2026-11-30 12:00")) == 0
    assert cases_deem_accepted(now=at("2026-12-01 00:30")) == 1
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS and case.deemed_accepted
    assert case.accepted_at == at("2026-11-23 10:00") and case.accepted_by is None
    assert case.clock.started_at == at("2026-11-23 10:00")
    assert codes(case)[-1] == CaseEvent.Code.DEEMED_ACCEPTED
    # Idempotent: a second run (or a late one) moves nothing.
    assert cases_deem_accepted(now=at("2026-12-02 00:30")) == 0
    assert case.events.filter(code=CaseEvent.Code.DEEMED_ACCEPTED).count() == 1


def test_a_case_awaiting_materials_is_not_deemed_accepted(process, crew):
    case = CaseFactory(process=process, at=at("2026-11-23 10:00"))
    case_send_material_notice(
        actor=crew.clerk, case=case, missing=["申请书"], at=at("2026-11-24 10:00")
    )
    assert cases_deem_accepted(now=at("2026-12-20 00:00")) == 0


def test_the_beat_task_deems_accepted(process):
    from approvals.tasks import deem_accepted

    CaseFactory(process=process, at=at("2026-01-05 10:00"))
    assert deem_accepted.delay().get() == 1

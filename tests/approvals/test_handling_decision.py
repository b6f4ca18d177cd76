"""Decision and delivery: the head decides, the delivery clock, refusals and documents."""

import pytest

from approvals.models import Case, CaseEvent
from approvals.services.handling.decision import case_decide
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from portal.errors import DomainError
from portal.models import InboxMessage
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, pdf_upload

pytestmark = pytest.mark.django_db


def codes(case):
    return list(case.events.values_list("code", flat=True))


def test_decision_and_delivery(process, crew):
    case = CaseFactory(process=process, stage="decided")
    assert case.status == Case.Status.DECIDED and case.decision == "approve"
    assert case.decided_by == crew.head
    assert case.clock.state == Clock.State.STOPPED
    assert case.current_step.kind == "finish"
    assert InboxMessage.objects.filter(recipient=case.applicant, subject="审批决定").exists()
    case_finish(actor=crew.clerk, case=case, delivery_note="邮寄送达")
    case.refresh_from_db()
    assert case.status == Case.Status.FINISHED and case.finished_at
    assert not case.tasks.filter(status__in=["active", "pending"]).exists()
    assert codes(case)[-1] == CaseEvent.Code.FINISHED
    assert InboxMessage.objects.filter(recipient=case.applicant, subject="办件已办结").exists()


def test_an_approval_starts_the_delivery_clock_and_delivery_stops_it(process, crew):
    # 行政许可法 Art 44: the finish step's clock counts the delivery days from the decision.
    case = CaseFactory(process=process, stage="decided")
    delivery = case.tasks.get(step=case.current_step).clock
    assert delivery.state == Clock.State.RUNNING
    assert delivery.started_at == case.decided_at
    assert delivery.limit == case.current_step.limit_workdays <= 10
    case_finish(actor=crew.clerk, case=case, delivery_note="邮寄送达")
    delivery.refresh_from_db()
    assert delivery.state == Clock.State.STOPPED


def test_a_refusal_states_reasons_and_remedies(process, crew):
    case = CaseFactory(process=process, stage="decided", decision="refuse")
    assert case.decision == "refuse"
    assert "行政复议" in case.remedies


def test_only_a_head_decides(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    with pytest.raises(DomainError, match="负责人"):
        case_decide(actor=crew.reviewer, case=case, decision="approve", reason="")


def test_decision_with_a_document(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    case_decide(
        actor=crew.head, case=case, decision="approve", reason="", document=pdf_upload("决定书.pdf")
    )
    case.refresh_from_db()
    assert case.result_document.name.startswith("approvals/results/")

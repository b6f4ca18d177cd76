"""Pauses of the time limit (听证、专家评审、检验检测)."""

import pytest

from approvals.models import Case, CaseEvent
from approvals.services.handling.clocks import case_pause, case_resume
from portal.errors import DomainError
from portal.models import InboxMessage
from supervision.models import Clock
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def codes(case):
    return list(case.events.values_list("code", flat=True))


def test_pause_tells_the_applicant_the_expected_duration(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    case_pause(
        actor=crew.reviewer, case=case, reason_kind="expert_review", expected_days=10, note=""
    )
    case.refresh_from_db()
    assert case.status == Case.Status.PAUSED
    assert case.clock.state == Clock.State.PAUSED
    assert case.tasks.get(status="active").clock.state == Clock.State.PAUSED
    assert InboxMessage.objects.filter(
        recipient=case.applicant, body__contains="专家评审，预计10个工作日"
    ).exists()
    case_resume(actor=crew.reviewer, case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PROGRESS and case.clock.state == Clock.State.RUNNING
    assert codes(case)[-2:] == [CaseEvent.Code.PAUSED, CaseEvent.Code.RESUMED]


def test_pause_needs_a_lawful_reason(process, crew):
    case = CaseFactory(process=process, stage="in_progress")
    with pytest.raises(DomainError, match="事由"):
        case_pause(actor=crew.reviewer, case=case, reason_kind="holiday", expected_days=3)

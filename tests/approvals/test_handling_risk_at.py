"""A risk decision placed in the past (`at=`) is listed for the supervisors at its own moment."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from approvals.services.handling.decision import case_decide
from approvals.services.handling.steps import task_pass
from supervision.models import Alert, AlertEvent
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_past_risk_decision_raises_its_alert_at_the_decision(risky_process, crew):
    decided = timezone.now() - datetime.timedelta(days=1)
    with time_machine.travel(decided - datetime.timedelta(days=1)):
        case = CaseFactory(process=risky_process, stage="in_progress")
        task_pass(actor=crew.reviewer, task=case.tasks.get(status="active"), opinion="同意")
    case.refresh_from_db()
    case_decide(actor=crew.head, case=case, decision="approve", reason="经集体研究同意", at=decided)
    alert = Alert.objects.get(kind=Alert.Kind.RISK_DECISION)
    assert alert.raised_at == decided
    assert AlertEvent.objects.get(alert=alert).created_at == decided

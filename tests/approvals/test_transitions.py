"""The case's moves: the transition table, illegal moves, one event per move."""

import pytest

from approvals.models import Case, CaseEvent
from approvals.services.applying import case_withdraw
from approvals.services.handling.acceptance import case_accept, case_send_material_notice
from approvals.services.handling.clocks import case_pause, case_resume
from approvals.services.handling.decision import case_decide
from approvals.services.handling.finish import case_finish
from approvals.transitions.cases import CASE_MOVES
from portal.errors import DomainError
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


def codes(case):
    return list(case.events.values_list("code", flat=True))


@pytest.mark.parametrize("move", sorted(CASE_MOVES.allowed_from))
def test_every_move_outside_the_table_is_refused(move):
    for status in Case.Status.values:
        case = Case(status=status)
        if status in CASE_MOVES.allowed_from[move]:
            CASE_MOVES.check(case, move)
        else:
            with pytest.raises(DomainError) as refused:
                CASE_MOVES.check(case, move)
            assert refused.value.code == f"bad_transition:{move}"
            assert str(refused.value) == str(CASE_MOVES.refusals[move])


@pytest.mark.parametrize(
    "stage,call",
    [
        ("submitted", lambda c, t: case_finish(actor=t.clerk, case=c, delivery_note="x")),
        ("submitted", lambda c, t: case_resume(actor=t.clerk, case=c)),
        ("in_progress", lambda c, t: case_accept(actor=t.clerk, case=c)),
        (
            "in_progress",
            lambda c, t: case_send_material_notice(actor=t.clerk, case=c, missing=["申请书"]),
        ),
        ("finished", lambda c, t: case_withdraw(actor=c.applicant, case=c, reason="x")),
        (
            "finished",
            lambda c, t: case_decide(actor=t.head, case=c, decision="approve", reason=""),
        ),
        (
            "decided",
            lambda c, t: case_pause(actor=t.clerk, case=c, reason_kind="hearing", expected_days=3),
        ),
    ],
)
def test_illegal_moves_on_real_cases_change_nothing(process, crew, stage, call):
    case = CaseFactory(process=process, stage=stage)
    before = (case.status, case.events.count(), case.history.count())
    with pytest.raises(DomainError):
        call(case, crew)
    case.refresh_from_db()
    assert (case.status, case.events.count(), case.history.count()) == before


def test_every_action_writes_one_event_and_history_names_the_actor(process, crew):
    case = CaseFactory(process=process, stage="finished")
    assert codes(case) == [
        CaseEvent.Code.CREATED,
        CaseEvent.Code.MATERIAL_ADDED,
        CaseEvent.Code.MATERIAL_ADDED,
        CaseEvent.Code.SUBMITTED,
        CaseEvent.Code.ACCEPTED,
        CaseEvent.Code.STEP_PASSED,
        CaseEvent.Code.DECIDED,
        CaseEvent.Code.FINISHED,
    ]
    users = {h.status: h.history_user for h in case.history.all()}
    assert users[Case.Status.IN_PROGRESS] == crew.clerk
    assert users[Case.Status.DECIDED] == crew.head
    assert users[Case.Status.FINISHED] == crew.clerk
    assert users[Case.Status.SUBMITTED] == case.applicant

"""Every handling and rating service takes `at=`: a case placed in the past keeps those moments,
and its clocks count from them (no clock patching)."""

import pytest

from approvals.models import Case, CaseEvent, Rating
from approvals.services.handling.acceptance import case_accept
from approvals.services.handling.clocks import case_pause, case_resume
from approvals.services.handling.decision import case_decide
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from approvals.services.ratings import appeal_decide, appeal_file, rating_submit
from portal import workdays
from portal.roles import Role
from supervision.models import Clock
from tests.approvals.factories import CaseFactory, team
from tests.factories import StaffFactory
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db

ACCEPTED, PASSED = at("2026-10-12 10:00"), at("2026-10-13 10:00")
PAUSED, RESUMED = at("2026-10-14 10:00"), at("2026-10-19 10:00")
DECIDED, FINISHED = at("2026-10-20 10:00"), at("2026-10-21 10:00")


def moments(case, code):
    return list(case.events.filter(code=code).values_list("created_at", flat=True))


def handle_in_the_past(case, crew) -> Case:
    """Accept, pass the review steps, pause and resume, decide and finish at the moments above."""
    case_accept(actor=crew.clerk, case=case, at=ACCEPTED)
    case.refresh_from_db()
    for task in case.tasks.filter(status="active").select_related("department"):
        task_pass(actor=team(task.department).reviewer, task=task, opinion="同意", at=PASSED)
    case.refresh_from_db()
    case_pause(actor=crew.head, case=case, reason_kind="expert_review", expected_days=3, at=PAUSED)
    case_resume(actor=crew.head, case=case, at=RESUMED)
    case.refresh_from_db()
    while case.current_step.kind == "review":
        for task in case.tasks.filter(status="active").select_related("department"):
            task_pass(actor=team(task.department).reviewer, task=task, opinion="同意", at=RESUMED)
        case.refresh_from_db()
    case_decide(actor=crew.head, case=case, decision="approve", reason="符合条件。", at=DECIDED)
    case.refresh_from_db()
    case_finish(actor=crew.clerk, case=case, delivery_note="电子证照已推送", at=FINISHED)
    return Case.objects.get(pk=case.pk)


def test_handling_services_keep_the_given_moments(process, crew):
    case = handle_in_the_past(CaseFactory(process=process, at=at("2026-10-09 09:00")), crew)
    clock = case.clock
    assert clock.started_at == ACCEPTED
    # The working days of the expert review (Wed to Mon) do not count: the due date moves by them.
    expected_due = workdays.add_working_days(
        ACCEPTED, clock.limit + workdays.working_days_between(PAUSED, RESUMED)
    )
    assert (clock.state, clock.stopped_at, clock.due_at) == (
        Clock.State.STOPPED,
        DECIDED,
        expected_due,
    )
    assert (case.decided_at, case.finished_at) == (DECIDED, FINISHED)
    assert moments(case, CaseEvent.Code.STEP_PASSED)[0] == PASSED
    assert moments(case, CaseEvent.Code.PAUSED) == [PAUSED]
    assert moments(case, CaseEvent.Code.RESUMED) == [RESUMED]
    assert moments(case, CaseEvent.Code.DECIDED) == [DECIDED]
    assert moments(case, CaseEvent.Code.FINISHED) == [FINISHED]


def test_a_bad_rating_in_the_past_opens_its_ticket_clock_then(process, crew):
    case = handle_in_the_past(CaseFactory(process=process, at=at("2026-10-09 09:00")), crew)
    rated, appealed, decided = (
        at("2026-10-22 09:00"),
        at("2026-10-23 09:00"),
        at("2026-10-26 09:00"),
    )
    rating = rating_submit(actor=case.applicant, case=case, level=1, comment="态度差", at=rated)
    ticket_clock = rating.ticket.clock
    assert rating.created_at == rated and rating.ticket.opened_at == rated
    assert ticket_clock.started_at == rated
    assert ticket_clock.due_at == workdays.add_working_days(rated, ticket_clock.limit)
    appeal = appeal_file(actor=crew.head, rating=rating, reason="恶意差评。", at=appealed)
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    appeal_decide(actor=inspector, appeal=appeal, upheld=True, note="属实。", at=decided)
    rating = Rating.objects.get(pk=rating.pk)
    ticket_clock.refresh_from_db()
    assert (appeal.filed_at, rating.excluded_at, ticket_clock.stopped_at) == (
        appealed,
        decided,
        decided,
    )

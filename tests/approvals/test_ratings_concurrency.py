"""Races on PostgreSQL: the applicant and the agent rating at once, two staff answering one
ticket at once — one wins, the other is told why, one event row each."""

import pytest
from django.utils import timezone

from approvals.models import Rating, RatingEvent, RectificationTicket
from approvals.services import ratings as ratings_services
from portal.roles import Role
from tests.approvals.factories import CaseFactory
from tests.concurrency import race
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_applicant_and_agent_rating_at_once_rate_once(process, citizen):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    case = CaseFactory(process=process, applicant=citizen, agent=agent, stage="finished")
    outcomes = race(
        lambda: ratings_services.rating_submit(actor=citizen, case=case, level=1),
        lambda: ratings_services.rating_submit(actor=agent, case=case, level=5),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert Rating.objects.filter(case=case).count() == 1
    assert RatingEvent.objects.filter(code=RatingEvent.Code.RATED).count() == 1


def test_two_staff_answering_one_ticket_answer_once(process, citizen, crew):
    case = CaseFactory(process=process, applicant=citizen, stage="finished")
    ticket = ratings_services.rating_submit(actor=citizen, case=case, level=1).ticket
    second = StaffFactory(roles=[Role.WINDOW_CLERK], department=crew.department)

    def answer(actor):
        return lambda: ratings_services.ticket_answer(
            actor=actor,
            ticket=RectificationTicket.objects.get(pk=ticket.pk),
            visited_at=timezone.now(),
            visit_note="电话回访",
            outcome="explained",
            answer=f"{actor.username} 的解释",
        )

    assert sorted(race(answer(crew.clerk), answer(second))) == ["ok", "refused"]
    assert RatingEvent.objects.filter(code=RatingEvent.Code.TICKET_ANSWERED).count() == 1

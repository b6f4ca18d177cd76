"""好差评 services: one rating per case, the ticket's clock, answers and appeals refused twice."""

import datetime

import pytest
from django.utils import timezone

from approvals.models import CaseEvent, Rating, RatingAppeal, RatingEvent, RectificationTicket
from approvals.services import ratings as ratings_services
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Clock
from tests.approvals.factories import CaseFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(process, citizen):
    return CaseFactory(process=process, applicant=citizen, stage="finished")


def rate(case, level, actor=None):
    return ratings_services.rating_submit(actor=actor or case.applicant, case=case, level=level)


def answer(ticket, actor, **overrides):
    data = {
        "visited_at": ticket.opened_at,
        "visit_note": "电话回访",
        "outcome": RectificationTicket.Outcome.EXPLAINED,
        "answer": "已向群众解释收费依据",
        **overrides,
    }
    return ratings_services.ticket_answer(actor=actor, ticket=ticket, **data)


def test_good_rating_writes_one_event_and_no_ticket(finished):
    rating = rate(finished, Rating.Level.SATISFIED)
    assert rating.department == finished.department
    assert list(rating.events.values_list("code", flat=True)) == [RatingEvent.Code.RATED]
    assert finished.events.filter(code=CaseEvent.Code.RATED).count() == 1
    assert not RectificationTicket.objects.exists()


def test_basically_satisfied_opens_no_ticket_but_unsatisfied_does(process, citizen):
    basic, bad = (CaseFactory(process=process, applicant=citizen, stage="finished") for _ in "ab")
    rate(basic, Rating.Level.BASIC)
    assert not RectificationTicket.objects.exists()

    rate(bad, Rating.Level.UNSATISFIED)
    assert RectificationTicket.objects.get().rating.case == bad


def test_the_ticket_deadline_follows_the_setting(finished, settings):
    settings.APPROVALS_RECTIFICATION_WORKDAYS = 3
    rate(finished, Rating.Level.VERY_UNSATISFIED)
    clock = RectificationTicket.objects.get().clock
    assert (clock.unit, clock.limit) == (Clock.Unit.WORKDAYS, 3)


def test_the_agent_may_rate_the_case_they_filed(process, citizen):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    case = CaseFactory(process=process, applicant=citizen, agent=agent, stage="finished")
    assert rate(case, Rating.Level.VERY_SATISFIED, actor=agent).rated_by == agent


def test_a_case_is_rated_once(finished):
    rate(finished, Rating.Level.SATISFIED)
    with pytest.raises(DomainError, match="只能评价一次"):
        rate(finished, Rating.Level.UNSATISFIED)
    assert Rating.objects.count() == 1


def test_unfinished_cases_cannot_be_rated(process, citizen):
    case = CaseFactory(process=process, applicant=citizen, stage="decided")
    with pytest.raises(DomainError, match="办结后才能评价"):
        rate(case, Rating.Level.SATISFIED)


def test_bad_rating_opens_a_ticket_on_a_workday_clock_and_tells_the_unit(finished, crew):
    rating = rate(finished, Rating.Level.UNSATISFIED)
    ticket = rating.ticket
    assert ticket.department == finished.department and ticket.is_open
    assert ticket.clock.kind == ratings_services.RECTIFICATION_CLOCK
    assert ticket.clock.unit == Clock.Unit.WORKDAYS and ticket.clock.limit == 5
    assert InboxMessage.objects.filter(recipient=crew.head, subject="差评整改工单").exists()
    assert list(rating.events.values_list("code", flat=True)) == [
        RatingEvent.Code.RATED,
        RatingEvent.Code.TICKET_OPENED,
    ]


def test_answer_stops_the_clock_and_cannot_be_given_twice(finished, crew):
    ticket = rate(finished, Rating.Level.VERY_UNSATISFIED).ticket
    answer(ticket, crew.clerk)
    ticket.refresh_from_db()
    assert ticket.status == RectificationTicket.Status.ANSWERED
    assert ticket.clock.state == Clock.State.STOPPED
    with pytest.raises(DomainError, match="不能再次反馈"):
        answer(ticket, crew.clerk)


def test_a_visit_in_the_minute_the_ticket_opened_counts(finished, crew):
    ticket = rate(finished, Rating.Level.VERY_UNSATISFIED).ticket
    same_minute = ticket.opened_at.replace(second=0, microsecond=0)
    answer(ticket, crew.clerk, visited_at=same_minute)
    assert RectificationTicket.objects.get().status == RectificationTicket.Status.ANSWERED


@pytest.mark.parametrize(
    "overrides",
    [
        {"visited_at": timezone.now() + datetime.timedelta(hours=1)},
        {"visit_note": "  "},
        {"outcome": "ignored"},
    ],
)
def test_incomplete_or_impossible_answers_are_refused(finished, crew, overrides):
    ticket = rate(finished, Rating.Level.VERY_UNSATISFIED).ticket
    with pytest.raises(DomainError):
        answer(ticket, crew.clerk, **overrides)
    assert RectificationTicket.objects.get().status == RectificationTicket.Status.OPEN


def test_another_unit_cannot_answer(finished):
    ticket = rate(finished, Rating.Level.VERY_UNSATISFIED).ticket
    with pytest.raises(DomainError, match="被评价单位"):
        answer(ticket, StaffFactory(roles=[Role.DEPARTMENT_HEAD]))


def test_one_appeal_per_rating(finished, crew):
    rating = rate(finished, Rating.Level.VERY_UNSATISFIED)
    ratings_services.appeal_file(actor=crew.head, rating=rating, reason="恶意评价")
    with pytest.raises(DomainError, match="只能申诉一次"):
        ratings_services.appeal_file(actor=crew.head, rating=rating, reason="再申诉")
    assert RatingAppeal.objects.count() == 1


def test_good_ratings_cannot_be_appealed(finished, crew):
    rating = rate(finished, Rating.Level.BASIC)
    with pytest.raises(DomainError):
        ratings_services.appeal_file(actor=crew.head, rating=rating, reason="不服")


def test_rejected_appeal_keeps_the_rating_counted(finished, crew):
    rating = rate(finished, Rating.Level.VERY_UNSATISFIED)
    appeal = ratings_services.appeal_file(actor=crew.head, rating=rating, reason="恶意评价")
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    ratings_services.appeal_decide(actor=inspector, appeal=appeal, upheld=False, note="理由不足")
    rating.refresh_from_db()
    assert not rating.excluded and rating.ticket.status == RectificationTicket.Status.OPEN
    with pytest.raises(DomainError, match="已经审核"):
        ratings_services.appeal_decide(actor=inspector, appeal=appeal, upheld=True, note="改判")


def test_upheld_appeal_excludes_but_never_deletes(finished, crew):
    rating = rate(finished, Rating.Level.VERY_UNSATISFIED)
    appeal = ratings_services.appeal_file(actor=crew.head, rating=rating, reason="恶意评价")
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    ratings_services.appeal_decide(actor=inspector, appeal=appeal, upheld=True, note="属实")
    rating.refresh_from_db()
    assert rating.excluded and rating.excluded_at is not None
    assert rating.ticket.status == RectificationTicket.Status.WITHDRAWN
    assert rating.ticket.clock.state == Clock.State.STOPPED
    assert rating.history.count() >= 2

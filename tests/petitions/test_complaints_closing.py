"""Closing: the rating and the return visit close the complaint or send it back once."""

import pytest

from petitions.models import Complaint, ComplaintEvent, Rating
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import handling as handling_services
from portal.errors import DomainError

pytestmark = pytest.mark.django_db


def test_unsatisfied_rating_sends_it_back_once(replied, clerk):
    closing_services.complaint_rate(complaint=replied, level="unsatisfied")
    replied.refresh_from_db()
    assert (
        replied.status == Complaint.Status.REHANDLING and replied.clock.kind == "petitions.rehandle"
    )
    handling_services.complaint_reply(actor=clerk, complaint=replied, content="重新核查后答复")
    closing_services.complaint_rate(complaint=replied, level="unsatisfied")
    replied.refresh_from_db()
    assert replied.status == Complaint.Status.REPLIED and replied.rehandle_count == 1


def test_rating_the_same_reply_twice_is_refused(replied):
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    with pytest.raises(DomainError):
        closing_services.complaint_rate(complaint=replied, level="unsatisfied")
    assert Rating.objects.filter(complaint=replied).count() == 1


def test_return_visit_closes_the_complaint(replied, operator):
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    closing_services.complaint_return_visit(
        actor=operator, complaint=replied, result="satisfied", note="认可"
    )
    replied.refresh_from_db()
    assert replied.status == Complaint.Status.CLOSED and replied.closed_at is not None
    assert replied.clock is None


def test_unsatisfied_return_visit_sends_it_back(replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="unsatisfied")
    replied.refresh_from_db()
    assert replied.status == Complaint.Status.REHANDLING


def test_a_closing_return_visit_writes_one_closed_event(replied, operator):
    before = replied.events.count()
    closing_services.complaint_return_visit(
        actor=operator, complaint=replied, result="satisfied", note="认可"
    )
    event = replied.events.order_by("-id").first()
    assert replied.events.count() == before + 1
    assert (event.code, event.actor, event.note) == (ComplaintEvent.Code.CLOSED, operator, "认可")
    assert event.data == {"return_visit": True, "result": "satisfied", "round": 1}


def test_a_sending_back_return_visit_writes_one_rehandle_event(replied, operator):
    before = replied.events.count()
    closing_services.complaint_return_visit(
        actor=operator, complaint=replied, result="unsatisfied", note="仍未处理"
    )
    event = replied.events.order_by("-id").first()
    assert replied.events.count() == before + 1
    assert event.code == ComplaintEvent.Code.REHANDLE
    assert event.data["visit_note"] == "仍未处理" and event.data["result"] == "unsatisfied"

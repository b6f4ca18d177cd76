"""Dispatching by the hotline office: dispatch, redirect, instructions, referrals, merging."""

import pytest

from petitions.models import Complaint, ComplaintEvent
from petitions.permissions import complaints as complaint_permissions
from petitions.services.complaints import dispatching as dispatching_services
from portal.errors import DomainError
from portal.models import InboxMessage
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.petitions.helpers import texts_to

pytestmark = pytest.mark.django_db


def test_without_rule_the_complaint_waits_for_the_operator(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    assert complaint.status == Complaint.Status.REGISTERED
    assert complaint.clock.kind == "petitions.dispatch"
    assert InboxMessage.objects.filter(recipient=operator, subject="有诉求待分派").exists()


def test_operator_dispatches_and_the_department_is_told(
    file_complaint, category, operator, department, clerk
):
    complaint, _ = file_complaint(category=category)
    dispatching_services.complaint_dispatch(
        actor=operator, complaint=complaint, department=department
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DISPATCHED and complaint.dispatched_at is not None
    assert InboxMessage.objects.filter(recipient=clerk, subject="新诉求待签收").exists()


def test_dispatching_twice_is_refused(dispatched, operator, other_department):
    with pytest.raises(DomainError):
        dispatching_services.complaint_dispatch(
            actor=operator, complaint=dispatched, department=other_department
        )


def test_category_needing_instruction_waits_for_the_leader(file_complaint, department, leader):
    category = CategoryFactory(needs_instruction=True)
    RoutingRuleFactory(category=category, department=department)
    complaint, _ = file_complaint(category=category)
    assert complaint.status == Complaint.Status.AWAITING_INSTRUCTION
    dispatching_services.complaint_instruct(
        actor=leader, complaint=complaint, text="请市场局从严查处，一周内反馈。"
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DISPATCHED
    assert complaint.instructions.get().text.startswith("请市场局")


def test_only_a_leader_instructs(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    with pytest.raises(DomainError):
        dispatching_services.complaint_instruct(actor=operator, complaint=complaint, text="x")


def test_court_matter_is_closed_with_the_channel_told(file_complaint, category, operator):
    complaint, _ = file_complaint(category=category)
    dispatching_services.complaint_refer(
        actor=operator, complaint=complaint, referral=Complaint.Referral.COURT
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REFERRED
    assert any("人民法院" in body for body in texts_to("13911112222"))


def test_duplicate_is_merged_into_the_original(file_complaint, category, operator):
    original, _ = file_complaint(category=category)
    duplicate, _ = file_complaint(category=category)
    dispatching_services.complaint_merge(actor=operator, duplicate=duplicate, original=original)
    duplicate.refresh_from_db()
    assert duplicate.status == Complaint.Status.MERGED and duplicate.merged_into == original


def test_redirect_moves_the_complaint_and_its_access(
    dispatched, operator, other_department, clerk, other_clerk
):
    dispatching_services.complaint_redirect(
        actor=operator, complaint=dispatched, department=other_department, note="职责调整"
    )
    dispatched.refresh_from_db()
    assert not complaint_permissions.can_handle(clerk, dispatched)
    assert complaint_permissions.can_handle(other_clerk, dispatched)


def test_a_redirect_writes_one_redirected_event(dispatched, operator, other_department):
    last_before = dispatched.events.order_by("-id").first().pk
    dispatching_services.complaint_redirect(
        actor=operator, complaint=dispatched, department=other_department, note="职责调整"
    )
    new_events = list(dispatched.events.filter(pk__gt=last_before).order_by("id"))
    assert [event.code for event in new_events] == [ComplaintEvent.Code.REDIRECTED]
    assert new_events[0].note == "职责调整"
    assert new_events[0].data == {"department": other_department.name, "automatic": False}

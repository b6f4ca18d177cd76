"""Handling by the department: sign, object, extension, reply."""

import pytest
from django.db import IntegrityError, transaction

from petitions.models import Complaint, ExtensionRequest
from petitions.permissions import complaints as complaint_permissions
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from portal.errors import DomainError
from portal.models import InboxMessage
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.petitions.helpers import texts_to

pytestmark = pytest.mark.django_db


def test_signing_by_another_department_is_refused(dispatched, other_clerk):
    with pytest.raises(DomainError):
        handling_services.complaint_sign(actor=other_clerk, complaint=dispatched)


def test_objection_returns_the_complaint_to_the_operator(dispatched, clerk, operator):
    handling_services.complaint_object(actor=clerk, complaint=dispatched, reason="属于住建局职责")
    dispatched.refresh_from_db()
    assert dispatched.status == Complaint.Status.REGISTERED and dispatched.department is None
    assert not complaint_permissions.can_handle(clerk, dispatched)
    assert InboxMessage.objects.filter(recipient=operator, subject__contains="退回").exists()


def test_extension_can_be_asked_once_and_approval_extends_the_clock(handling, clerk, operator):
    due = handling.clock.due_at
    handling_services.extension_request(
        actor=clerk, complaint=handling, days=5, reason="需现场核查"
    )
    with pytest.raises(DomainError):
        handling_services.extension_request(actor=clerk, complaint=handling, days=5, reason="再次")
    handling_services.extension_decide(actor=operator, complaint=handling, approve=True)
    handling.refresh_from_db()
    assert handling.extension.status == ExtensionRequest.Status.APPROVED
    assert handling.clock.due_at > due


def test_reply_needs_a_signed_complaint(dispatched, clerk):
    with pytest.raises(DomainError):
        handling_services.complaint_reply(actor=clerk, complaint=dispatched, content="答复")


def test_a_complaint_cannot_close_without_a_reply(handling):
    handling.status = Complaint.Status.CLOSED
    with pytest.raises(IntegrityError), transaction.atomic():
        handling.save()


def test_reply_tells_the_complainant_by_sms(replied):
    assert replied.status == Complaint.Status.REPLIED
    assert any("已有答复" in body for body in texts_to("13911112222"))


def test_petition_acceptance_notice_goes_to_a_named_petitioner_only(
    file_complaint, department, clerk
):
    petition = CategoryFactory(kind="petition", sign_limit=15, reply_limit=60, limit_unit="days")
    RoutingRuleFactory(category=petition, department=department)
    named, _ = file_complaint(
        category=petition,
        anonymous=False,
        identity=filing_services.IdentityData(name="钱七", phone="13900000077"),
    )
    anonymous, _ = file_complaint(
        category=petition, identity=filing_services.IdentityData(phone="13900000078")
    )
    handling_services.complaint_sign(actor=clerk, complaint=named)
    handling_services.complaint_sign(actor=clerk, complaint=anonymous)
    assert any("受理" in body for body in texts_to("13900000077"))
    assert not any("受理" in body for body in texts_to("13900000078"))
    named.refresh_from_db()
    assert named.clock.unit == "days" and named.clock.limit == 60


def test_a_petition_is_extended_by_at_most_30_days(file_complaint, department, clerk):
    petition = CategoryFactory(kind="petition", sign_limit=15, reply_limit=60, limit_unit="days")
    RoutingRuleFactory(category=petition, department=department)
    complaint, _ = file_complaint(category=petition)
    handling_services.complaint_sign(actor=clerk, complaint=complaint)
    with pytest.raises(DomainError):
        handling_services.extension_request(
            actor=clerk, complaint=complaint, days=31, reason="案情复杂"
        )
    assert (
        handling_services.extension_request(
            actor=clerk, complaint=complaint, days=30, reason="案情复杂"
        ).days
        == 30
    )

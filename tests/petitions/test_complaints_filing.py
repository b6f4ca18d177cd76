"""Filing: online by the complainant, or registered by the hotline for a caller."""

import pytest

from petitions.models import Complaint, ComplaintEvent
from petitions.services.complaints import filing as filing_services
from portal.errors import DomainError
from tests.petitions.helpers import texts_to

pytestmark = pytest.mark.django_db


def test_filing_gives_a_number_and_a_query_code_kept_only_as_a_digest(file_complaint, category):
    complaint, code = file_complaint(category=category)
    assert complaint.number.startswith("TS")
    assert len(code) == 8 and code not in complaint.query_code_digest
    assert filing_services.query_code_matches(complaint, code)
    assert not filing_services.query_code_matches(complaint, "WRONG123")


def test_numbers_are_unique_across_complaints(file_complaint, category):
    numbers = {file_complaint(category=category)[0].number for _ in range(5)}
    assert len(numbers) == 5


def test_citizen_filing_writes_no_user_in_history_or_events(file_complaint, category, citizen):
    complaint, _ = file_complaint(category=category, account=citizen)
    assert all(record.history_user_id is None for record in complaint.history.all())
    assert ComplaintEvent.objects.get(complaint=complaint, code="filed").actor is None


def test_named_filing_needs_a_name_and_a_contact(category, hotline_department):
    with pytest.raises(DomainError):
        filing_services.complaint_file(
            actor=None, category=category, title="t", content="c", is_anonymous=False
        )
    assert not Complaint.objects.exists()


def test_emergency_registered_by_the_hotline_is_transferred_at_once(operator, category):
    complaint, _code = filing_services.complaint_file(
        actor=operator,
        channel=Complaint.Channel.PHONE,
        category=category,
        title="燃气泄漏",
        content="楼道燃气味",
        identity=filing_services.IdentityData(name="来电人", phone="13900000099"),
        is_emergency=True,
        emergency_note="转119",
    )
    assert complaint.status == Complaint.Status.TRANSFERRED
    assert complaint.clock is None


def test_hotline_registration_texts_the_caller_the_number_and_code(operator, category):
    complaint, code = filing_services.complaint_file(
        actor=operator,
        channel=Complaint.Channel.PHONE,
        category=category,
        title="路灯不亮",
        content="西门路灯不亮",
        identity=filing_services.IdentityData(name="来电人", phone="13900000098"),
        contact_method=Complaint.Contact.SMS,
    )
    assert any(code in body and complaint.number in body for body in texts_to("13900000098"))


def test_a_citizen_cannot_register_a_phone_call(category, citizen):
    with pytest.raises(DomainError):
        filing_services.complaint_file(
            actor=citizen,
            channel=Complaint.Channel.PHONE,
            category=category,
            title="t",
            content="c",
            is_anonymous=True,
        )

"""A message that is really a complaint becomes one: both records linked, the elapsed time kept."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from petitions.models import Category, Complaint, ComplaintEvent, Message, MessageEvent
from petitions.services.messages import conversion
from portal.errors import DomainError
from portal.workdays import working_days_between
from tests.petitions.factories import CategoryFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)


def test_conversion_to_a_complaint_keeps_the_elapsed_time(
    write_message, citizen, operator, department, category
):
    message, _code = write_message(citizen, at=MONDAY)
    started = message.clock.started_at
    converted_at = MONDAY + timedelta(days=3)
    complaint = conversion.message_convert_to_complaint(
        message=message, actor=operator, category=category, at=converted_at
    )
    message.refresh_from_db()
    assert message.status == Message.Status.CONVERTED and message.converted_to == complaint
    assert (complaint.status, complaint.department) == (Complaint.Status.HANDLING, department)
    assert complaint.clock.started_at == started
    assert working_days_between(complaint.clock.started_at, converted_at) == 3
    assert complaint.clock.limit == category.reply_limit
    assert message.events.filter(
        code=MessageEvent.Code.CONVERTED_TO_COMPLAINT, data__complaint=complaint.number
    ).exists()
    assert ComplaintEvent.objects.filter(
        complaint=complaint, data__from_message=message.number
    ).exists()


def test_the_department_can_handle_the_converted_complaint(
    write_message, citizen, operator, category, clerk
):
    from petitions.permissions.complaints import can_handle

    message, _code = write_message(citizen)
    complaint = conversion.message_convert_to_complaint(
        message=message, actor=operator, category=category
    )
    assert can_handle(clerk, complaint)


def test_a_report_category_is_refused_and_nothing_changes(write_message, citizen, operator):
    message, _code = write_message(citizen)
    report = CategoryFactory(kind=Category.Kind.REPORT, code="report")
    with pytest.raises(DomainError):
        conversion.message_convert_to_complaint(message=message, actor=operator, category=report)
    message.refresh_from_db()
    assert message.status == Message.Status.ASSIGNED
    assert not Complaint.objects.exists()


def test_only_the_office_converts(write_message, citizen, clerk, category):
    message, _code = write_message(citizen)
    with pytest.raises(DomainError):
        conversion.message_convert_to_complaint(message=message, actor=clerk, category=category)


def test_a_complaint_becomes_a_message_counting_from_its_registration(
    file_complaint, routed_category, operator, department, citizen
):
    complaint, _code = file_complaint(category=routed_category, account=citizen)
    later = complaint.registered_at + timedelta(days=2)
    message = conversion.complaint_convert_to_message(
        complaint=complaint, actor=operator, category=Message.Category.CONSULTATION, at=later
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CONVERTED
    assert (message.converted_from, message.department) == (complaint, department)
    assert message.clock.started_at == complaint.registered_at
    assert complaint.events.filter(
        code=ComplaintEvent.Code.CONVERTED_TO_MESSAGE, data__message=message.number
    ).exists()
    assert message.events.filter(code=MessageEvent.Code.CONVERTED_FROM_COMPLAINT).exists()


def test_a_report_never_becomes_a_message(file_complaint, operator, citizen):
    report = CategoryFactory(kind=Category.Kind.REPORT, code="report")
    complaint, _code = file_complaint(category=report, account=citizen)
    with pytest.raises(DomainError):
        conversion.complaint_convert_to_message(
            complaint=complaint, actor=operator, category=Message.Category.OTHER
        )
    assert not Message.objects.exists()

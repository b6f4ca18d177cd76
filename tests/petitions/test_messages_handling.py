"""Messages: writing, routing, answering on the clock, the 3-month hard line, invalid marking."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from petitions.models import Message, MessageEvent
from petitions.services.messages import handling, writing
from petitions.tasks import check_message_hard_line
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Alert
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 2 March 2026: 5 working days end on Monday 9 March.
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)


def test_a_department_mailbox_message_goes_to_the_department_with_a_5_day_clock(
    write_message, citizen, department, clerk
):
    message, code = write_message(citizen, at=MONDAY)
    assert message.number.startswith("LY2026")
    assert (message.status, message.department) == (Message.Status.ASSIGNED, department)
    assert (message.clock.kind, message.clock.limit) == ("petitions.message_reply", 5)
    assert writing.query_code_matches(message, code)
    assert InboxMessage.objects.filter(recipient=clerk, subject__contains="新留言").exists()


def test_the_limit_has_a_per_category_override(write_message, citizen, settings):
    settings.PETITIONS_MESSAGE_REPLY_LIMITS = {"help": 3}
    message, _code = write_message(citizen, category=Message.Category.HELP)
    assert message.clock.limit == 3


def test_answered_on_the_last_working_day_is_on_time(write_message, citizen, clerk):
    message, _code = write_message(citizen, at=MONDAY)
    last_day = datetime(2026, 3, 9, 23, 0, tzinfo=SHANGHAI)
    assert message.clock.due_at >= last_day
    handling.message_answer(
        message=message, actor=clerk, answer="需要身份证和经营场所证明。", at=last_day
    )
    message.refresh_from_db()
    message.clock.refresh_from_db()
    assert message.status == Message.Status.ANSWERED
    assert message.clock.on_time is True


def test_answered_the_day_after_is_late(write_message, citizen, clerk):
    message, _code = write_message(citizen, at=MONDAY)
    late = datetime(2026, 3, 10, 9, 0, tzinfo=SHANGHAI)
    handling.message_answer(message=message, actor=clerk, answer="答复", at=late)
    message.refresh_from_db()
    message.clock.refresh_from_db()
    assert message.clock.on_time is False


def test_the_clock_turns_yellow_and_the_department_is_urged(write_message, citizen, clerk):
    message, _code = write_message(citizen)
    call_command(
        "sweep_clocks",
        "--now",
        (message.clock.warn_at + timedelta(minutes=1)).isoformat(),
        "--force",
    )
    message.clock.refresh_from_db()
    assert message.clock.light == "yellow"
    assert InboxMessage.objects.filter(recipient=clerk, subject__contains="催办").exists()


def test_a_county_head_message_waits_for_the_office_and_keeps_its_start_when_routed(
    write_message, citizen, operator, department, clerk
):
    message, _code = write_message(
        citizen, mailbox=Message.Mailbox.COUNTY_HEAD, addressee=None, at=MONDAY
    )
    assert message.status == Message.Status.RECEIVED
    assert message.clock.department.code == "gov-office"
    routed_at = MONDAY + timedelta(days=1)
    handling.message_assign(message=message, actor=operator, department=department, at=routed_at)
    message.refresh_from_db()
    assert message.status == Message.Status.ASSIGNED
    assert (message.clock.department, message.clock.started_at) == (department, MONDAY)


def test_only_the_office_routes(write_message, citizen, clerk, department):
    message, _code = write_message(citizen, mailbox=Message.Mailbox.COUNTY_HEAD, addressee=None)
    with pytest.raises(DomainError):
        handling.message_assign(message=message, actor=clerk, department=department)


def test_forwarding_buys_no_time(write_message, citizen, clerk, other_department):
    message, _code = write_message(citizen, at=MONDAY)
    handling.message_forward(
        message=message, actor=clerk, department=other_department, at=MONDAY + timedelta(days=2)
    )
    message.refresh_from_db()
    assert message.department == other_department
    assert message.clock.started_at == MONDAY
    assert message.events.filter(code=MessageEvent.Code.FORWARDED).exists()


def test_another_department_cannot_answer(write_message, citizen, other_clerk):
    message, _code = write_message(citizen)
    with pytest.raises(DomainError):
        handling.message_answer(message=message, actor=other_clerk, answer="不是我们的")


def test_an_empty_answer_is_refused_and_nothing_changes(write_message, citizen, clerk):
    message, _code = write_message(citizen)
    with pytest.raises(DomainError):
        handling.message_answer(message=message, actor=clerk, answer="   ")
    message.refresh_from_db()
    assert message.status == Message.Status.ASSIGNED


def test_unanswered_three_months_raises_the_hard_alert_once(write_message, citizen):
    message, _code = write_message(citizen, at=MONDAY)
    assert handling.messages_check_hard_line(now=datetime(2026, 6, 1, 9, 0, tzinfo=SHANGHAI)) == 0
    after = datetime(2026, 6, 3, 9, 0, tzinfo=SHANGHAI)
    assert handling.messages_check_hard_line(now=after) == 1
    assert handling.messages_check_hard_line(now=after + timedelta(days=1)) == 0
    alerts = Alert.objects.filter(kind=Alert.Kind.MESSAGE_UNANSWERED)
    assert alerts.count() == 1
    alert = alerts.get()
    assert alert.severity == Alert.Severity.SERIOUS and message.number in alert.text


def test_the_beat_task_runs_the_hard_line_check(write_message, citizen):
    write_message(citizen, at=MONDAY - timedelta(days=200))
    assert check_message_hard_line() == 1
    assert check_message_hard_line() == 0


def test_an_invalid_message_is_out_of_the_hard_line(write_message, citizen, operator):
    message, _code = write_message(citizen, at=MONDAY)
    handling.message_mark_invalid(message=message, actor=operator, reason="重复留言")
    message.refresh_from_db()
    assert (message.status, message.invalid_reason) == (Message.Status.INVALID, "重复留言")
    assert not message.clock.is_open
    assert InboxMessage.objects.filter(recipient=citizen, body__contains="重复留言").exists()
    assert handling.messages_check_hard_line(now=datetime(2026, 7, 1, tzinfo=SHANGHAI)) == 0


def test_marking_invalid_needs_a_reason_and_the_office(write_message, citizen, operator, clerk):
    message, _code = write_message(citizen)
    with pytest.raises(DomainError):
        handling.message_mark_invalid(message=message, actor=operator, reason=" ")
    with pytest.raises(DomainError):
        handling.message_mark_invalid(message=message, actor=clerk, reason="广告")
    message.refresh_from_db()
    assert message.status == Message.Status.ASSIGNED


def test_anonymous_messages_follow_the_setting(write_message, settings):
    message, code = write_message(None, contact_phone="13900001111")
    assert message.is_anonymous and message.author is None
    assert writing.query_code_matches(message, code)
    assert not writing.query_code_matches(message, "WRONGCODE")
    settings.PETITIONS_MESSAGES_ANONYMOUS = False
    with pytest.raises(DomainError):
        write_message(None)


def test_staff_cannot_write_as_citizens(write_message, department):
    with pytest.raises(DomainError):
        write_message(StaffFactory(roles=[Role.WINDOW_CLERK], department=department))


def test_a_bad_phone_is_refused_with_a_message(write_message, citizen):
    with pytest.raises(DomainError):
        write_message(citizen, contact_phone="12345")
    assert not Message.objects.exists()

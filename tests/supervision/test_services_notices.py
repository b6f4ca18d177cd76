"""Notices: heads sign for them and answer them, each move authorised and recorded; each notice
is announced once to the people it concerns."""

import pytest

from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Notice, NoticeEvent
from supervision.services import notices as notice_services
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def test_notices_reach_the_department_head_once():
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    StaffFactory(department=department, roles=[Role.WINDOW_CLERK])
    start_clock(limit=5, department=department)
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    notice_services.notify_pending()
    notice_services.notify_pending()
    assert InboxMessage.objects.filter(recipient=head).count() == 2
    assert InboxMessage.objects.count() == 2


def test_a_notice_over_a_provisional_year_says_its_due_date_is_provisional():
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    start_clock(limit=10, started="2026-12-28 10:00", department=department)
    sweep.sweep_clocks(now=at("2027-01-12 09:00"))
    notice_services.notify_pending()
    body = InboxMessage.objects.get(recipient=head).body
    assert "期限至2027-01-12（暂定，以国务院公布的节假日安排为准）" in body


def test_second_grade_goes_to_the_discipline_office_and_leaders():
    inspector = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    leader = StaffFactory(roles=[Role.LEADER])
    start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-16 09:00"))
    notice_services.notify_pending()
    second = InboxMessage.objects.filter(subject__startswith="通报")
    assert set(second.values_list("recipient", flat=True)) == {inspector.pk, leader.pk}


@pytest.fixture
def notice():
    """The supervision notice of a clock that went red, issued by the sweep."""
    start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    return Notice.objects.get(level=Notice.Level.SUPERVISION)


def outsiders(notice):
    """Who may not answer the notice: heads of other departments, clerks, inspectors."""
    return [
        StaffFactory(department=DepartmentFactory(), roles=[Role.DEPARTMENT_HEAD]),
        StaffFactory(department=notice.department, roles=[Role.WINDOW_CLERK]),
        StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]),
    ]


def test_only_the_departments_head_replies_to_a_notice(notice):
    for outsider in outsiders(notice):
        with pytest.raises(DomainError) as refused:
            notice_services.notice_reply(notice=notice, actor=outsider, reply="已整改")
        assert refused.value.code == "forbidden"
    notice.refresh_from_db()
    assert (notice.status, notice.reply) == (Notice.Status.ISSUED, "")
    assert not NoticeEvent.objects.exists()


def test_replying_to_a_notice_records_one_event_with_the_reply(notice):
    head = StaffFactory(department=notice.department, roles=[Role.DEPARTMENT_HEAD])
    notice_services.notice_reply(notice=notice, actor=head, reply="已于当日办结。")
    notice.refresh_from_db()
    assert (notice.status, notice.acknowledged_by) == (Notice.Status.ANSWERED, head)
    assert list(NoticeEvent.objects.values_list("notice", "code", "actor", "note")) == [
        (notice.pk, NoticeEvent.Code.REPLIED, head.pk, "已于当日办结。")
    ]


def test_only_the_departments_head_signs_for_a_notice(notice):
    for outsider in outsiders(notice):
        with pytest.raises(DomainError) as refused:
            notice_services.notice_acknowledge(notice=notice, actor=outsider)
        assert refused.value.code == "forbidden"
    notice.refresh_from_db()
    assert notice.status == Notice.Status.ISSUED
    assert not NoticeEvent.objects.exists()


def test_signing_for_a_notice_records_one_event(notice):
    head = StaffFactory(department=notice.department, roles=[Role.DEPARTMENT_HEAD])
    notice_services.notice_acknowledge(notice=notice, actor=head)
    assert list(NoticeEvent.objects.values_list("code", "actor")) == [
        (NoticeEvent.Code.ACKNOWLEDGED, head.pk)
    ]


def test_a_second_grade_circular_is_answered_by_no_one(notice):
    start_clock(limit=5, ref="T-2")
    sweep.sweep_clocks(now=at("2026-10-16 09:00"))
    circular = Notice.objects.filter(level=Notice.Level.SECOND_GRADE).first()
    head = StaffFactory(department=circular.department, roles=[Role.DEPARTMENT_HEAD])
    with pytest.raises(DomainError) as refused:
        notice_services.notice_reply(notice=circular, actor=head, reply="已整改")
    assert refused.value.code == "forbidden"
    assert not NoticeEvent.objects.exists()

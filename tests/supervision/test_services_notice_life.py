"""Notices have a life: answered by the department or closed, with the date, when their clock stops
because the work is done; only open notices count as awaiting feedback (待反馈)."""

import pytest
from django.urls import reverse

from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Notice, NoticeEvent
from supervision.services import clocks as clock_services
from supervision.services import notices as notice_services
from supervision.services import sweep
from tests.factories import DepartmentFactory, StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def statuses(clock) -> dict:
    return {
        notice.level: (notice.status, notice.closed_at)
        for notice in Notice.objects.filter(clock=clock)
    }


def test_a_notice_closes_when_its_clock_stops():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-09 15:00"))
    assert statuses(clock) == {"urge": ("closed", at("2026-10-09 15:00"))}
    urge = Notice.objects.get(clock=clock)
    assert list(urge.events.values_list("code", "created_at")) == [
        (NoticeEvent.Code.CLOSED, at("2026-10-09 15:00"))
    ]


def test_a_second_grade_circular_closes_the_same_way():
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at("2026-10-16 09:00"))
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-19 10:00"))
    closed = ("closed", at("2026-10-19 10:00"))
    assert statuses(clock) == {"urge": closed, "supervision": closed, "second_grade": closed}


def test_an_answered_notice_keeps_its_answer_when_the_clock_stops():
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    clock = start_clock(limit=5, department=department)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    urge = Notice.objects.get(clock=clock)
    notice_services.notice_reply(notice=urge, actor=head, reply="已安排专人办理")
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-09 15:00"))
    assert statuses(clock) == {"urge": ("answered", None)}


def test_a_closed_notice_takes_no_answer():
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    clock = start_clock(limit=5, department=department)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-09 15:00"))
    urge = Notice.objects.get(clock=clock)
    with pytest.raises(DomainError):
        notice_services.notice_reply(notice=urge, actor=head, reply="已整改")
    with pytest.raises(DomainError):
        notice_services.notice_acknowledge(notice=urge, actor=head)


def test_a_notice_closed_before_it_was_announced_is_not_announced():
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    clock = start_clock(limit=5, department=department)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    clock_services.clock_stop(clock=clock, actor=None, at=at("2026-10-09 15:00"))
    notice_services.notify_pending()
    assert not InboxMessage.objects.filter(recipient=head).exists()


def test_the_dashboard_counts_only_open_notices_as_awaiting_feedback(client):
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    done = start_clock(limit=5, department=department, ref="D-1")
    start_clock(limit=5, department=department, ref="D-2")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    clock_services.clock_stop(clock=done, actor=head, at=at("2026-10-10 10:00"))
    client.force_login(head)
    body = client.get(reverse("supervision:dashboard")).content.decode()
    # Four notices issued (urge and supervision per clock); those of the finished work closed.
    assert 'fw-bold">2 / 4</span>' in body
    waiting = client.get(reverse("supervision:notices") + "?status=unanswered").content.decode()
    assert waiting.count("D-2") == 2 and "D-1" not in waiting


def test_the_workbench_card_counts_only_open_notices_as_awaiting_feedback(client):
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    done = start_clock(limit=5, department=department, ref="D-1")
    start_clock(limit=5, department=department, ref="D-2")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    clock_services.clock_stop(clock=done, actor=head, at=at("2026-10-10 10:00"))
    client.force_login(head)
    assert "待反馈督办文书 2 件" in client.get(reverse("portal:workbench")).content.decode()


def test_a_closed_notice_says_when_the_work_was_done_and_takes_no_reply(client):
    department = DepartmentFactory()
    head = StaffFactory(department=department, roles=[Role.DEPARTMENT_HEAD])
    clock = start_clock(limit=5, department=department)
    sweep.sweep_clocks(now=at("2026-10-09 09:00"))
    clock_services.clock_stop(clock=clock, actor=head, at=at("2026-10-09 15:00"))
    client.force_login(head)
    urge = Notice.objects.get(clock=clock)
    body = client.get(reverse("supervision:notice", args=[urge.pk])).content.decode()
    assert "该事项已于 2026-10-09 15:00 办结，本通知随之关闭。" in body
    assert "签收与整改反馈" not in body

"""The demo county's year of history: spread over the months before the day it is seeded,
seasonal, idempotent, verifiable, and a short unread inbox for every demo login."""

import pytest
import time_machine

from portal import demo_history
from portal.models import InboxMessage
from tests.demo_history import assert_every_month_has_records, seed
from tests.disclosure.factories import at
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_every_kind_of_record_falls_in_each_of_the_last_twelve_months_in_june():
    with time_machine.travel(at("2026-06-19 11:00")):
        seed()
        assert_every_month_has_records()


def test_trimming_keeps_the_newest_unread_messages():
    citizen = CitizenFactory()
    for n in range(5):
        InboxMessage.objects.create(
            recipient=citizen,
            subject=f"第{n}条",
            body="…",
            created_at=at(f"2026-12-0{n + 1} 10:00"),
        )
    assert demo_history.trim_unread([citizen.username]) == {citizen.username: 3}
    unread = InboxMessage.objects.filter(recipient=citizen, read_at=None)
    assert sorted(unread.values_list("subject", flat=True)) == ["第2条", "第3条", "第4条"]

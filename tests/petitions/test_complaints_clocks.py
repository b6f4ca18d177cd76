"""Lights: the supervision clocks of a complaint go yellow then red, with urge and supervision notices."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from petitions.models import Category
from petitions.services.complaints import handling as handling_services
from portal.models import InboxMessage
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

pytestmark = pytest.mark.django_db


def _sweep(at):
    # The sweep runs ahead of the real clock to stand in for the days passing: --force.
    call_command("sweep_clocks", "--now", at.isoformat(), "--force")


def test_each_stage_has_its_clock_with_the_category_limit(file_complaint, department, clerk):
    category = CategoryFactory(
        kind=Category.Kind.HELP, sign_limit=1, reply_limit=5, rehandle_limit=2
    )
    RoutingRuleFactory(category=category, department=department)
    complaint, _ = file_complaint(category=category)
    assert (complaint.clock.kind, complaint.clock.limit) == ("petitions.sign", 1)
    handling_services.complaint_sign(actor=clerk, complaint=complaint)
    complaint.refresh_from_db()
    assert (complaint.clock.kind, complaint.clock.limit, complaint.clock.unit) == (
        "petitions.reply",
        5,
        "workdays",
    )


def test_dispatch_clock_counts_30_minutes_from_registration(file_complaint, category):
    complaint, _ = file_complaint(category=category)
    assert (complaint.clock.unit, complaint.clock.limit) == ("minutes", 30)
    assert complaint.clock.started_at == complaint.registered_at


def test_reply_clock_turns_yellow_then_red_with_notices(handling, clerk):
    clock = handling.clock
    _sweep(clock.warn_at + timedelta(minutes=1))
    clock.refresh_from_db()
    assert clock.light == "yellow"
    _sweep(clock.due_at + timedelta(hours=1))
    clock.refresh_from_db()
    assert clock.light == "red"
    subjects = " ".join(
        InboxMessage.objects.filter(recipient=clerk).values_list("subject", flat=True)
    )
    assert "催办" in subjects and "督办" in subjects


def test_reply_stops_the_clock(handling, clerk):
    clock = handling.clock
    handling_services.complaint_reply(actor=clerk, complaint=handling, content="答复")
    clock.refresh_from_db()
    assert clock.stopped_at is not None
    _sweep(clock.due_at + timedelta(days=5))
    clock.refresh_from_db()
    assert clock.light != "red"

"""The demo county seeded once on a December day: every test here reads the same seeding.

Seeding the county takes about 20 s, so the module seeds it once inside a transaction that is
rolled back at the end; each test runs in a savepoint within it and changes nothing for the next.
"""

import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from disclosure.models import Article, InformationRequest
from petitions.models import Complaint
from portal import demo_history
from portal.demo_seasons import SEASONS
from portal.models import InboxMessage, OutboxMessage, User
from tests.demo_history import DATED, assert_every_month_has_records, seed
from tests.disclosure.factories import at

pytestmark = pytest.mark.django_db

TODAY = "2026-12-18 11:00"


@pytest.fixture(scope="module", autouse=True)
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with time_machine.travel(at(TODAY)):
            output = seed()
        yield output
        transaction.set_rollback(True)


def test_every_kind_of_record_falls_in_each_of_the_last_twelve_months_in_december():
    with time_machine.travel(at(TODAY)):
        assert_every_month_has_records()


def test_seasonal_records_speak_of_their_own_month():
    months_of = {}
    for month, topics in SEASONS.items():
        for topic in topics:
            for text in (topic.title, topic.article_title):
                months_of.setdefault(text, set()).add(month)
    complaints = Complaint.objects.filter(title__in=months_of)
    articles = Article.objects.filter(title__in=months_of)
    assert complaints.count() > 40 and articles.count() > 20
    for title, moment in [
        *complaints.values_list("title", "registered_at"),
        *articles.values_list("title", "published_at"),
    ]:
        assert timezone.localtime(moment).month in months_of[title], title
    requests = 0
    for text, moment in InformationRequest.objects.values_list("description", "received_at"):
        local = timezone.localtime(moment)
        asked = {
            month
            for month, topics in SEASONS.items()
            for topic in topics
            if topic.request.format(year=local.year) == text
        }
        if asked:
            assert local.month in asked, text
            requests += 1
    assert requests >= 11


def test_open_history_shows_lights_of_every_colour_and_the_past_is_settled():
    complaints = Complaint.objects.filter(
        title__in={t.title for ts in SEASONS.values() for t in ts}
    )
    assert complaints.filter(status="closed").count() > 30
    lights = set(complaints.exclude(clock=None).values_list("clock__light", flat=True).distinct())
    assert lights >= {"green", "yellow", "red"}
    # Messages of past moves are dated then and not waiting in any SMS queue.
    old = InboxMessage.objects.filter(created_at__lt=at("2026-11-01 00:00"))
    assert old.exists() and not old.filter(read_at=None).exists()
    assert not OutboxMessage.objects.filter(
        created_at__lt=at("2026-11-01 00:00"), status="pending"
    ).exists()


def test_seeding_again_adds_nothing_and_leaves_the_inboxes_alone():
    before = {model: model.objects.count() for model, _field in DATED}
    # A tester has been around: the citizen's inbox is unread again.
    citizen = User.objects.get(username="13900000001")
    InboxMessage.objects.filter(recipient=citizen).update(read_at=None)
    unread = InboxMessage.objects.filter(read_at=None).count()
    seed()
    assert {model: model.objects.count() for model, _field in DATED} == before
    assert InboxMessage.objects.filter(read_at=None).count() == unread


def test_each_demo_login_meets_at_most_three_unread_messages(seeded):
    output = seeded
    assert "Unread inbox messages on first sign-in: at most 3 per demo login" in output
    logins = User.objects.filter(
        username__in=["admin", "operator", "clerk_a", "head_office", "13900000001", "13900000002"]
    )
    for user in logins:
        unread = InboxMessage.objects.filter(recipient=user, read_at=None).count()
        assert 1 <= unread <= demo_history.UNREAD_KEPT, user.username


def test_the_demo_data_verifies():
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    report = out.getvalue()
    assert report.startswith("ok, ")
    assert int(report.split()[1]) > 100

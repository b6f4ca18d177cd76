"""The unread badge of the navigation from the cache (issue 21): counted once, counted again as
soon as a message arrives or is read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import notifications, shell
from portal.models import InboxMessage
from portal.texts import plain
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def _badge(client) -> str:
    page = client.get(reverse("portal:home")).content.decode()
    link = page[page.index(reverse("portal:inbox")) :]
    return link[: link.index("</a>")]


def _inbox_queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries.captured_queries if "portal_inboxmessage" in q["sql"]]


@pytest.fixture
def citizen(client):
    user = CitizenFactory()
    client.force_login(user)
    return user


def test_a_page_does_not_count_the_inbox_again(client, citizen):
    notifications.notify([citizen], subject=plain("办件已受理"), body=plain("…"))
    assert len(_inbox_queries(client, reverse("portal:home"))) == 1
    assert _inbox_queries(client, reverse("portal:home")) == []
    assert "条未读" in _badge(client)


def test_a_new_message_shows_on_the_badge_at_once(client, citizen):
    assert "条未读" not in _badge(client)  # nothing unread: counted and kept
    notifications.notify([citizen], subject=plain("办件已受理"), body=plain("…"))
    assert ">1<" in _badge(client)


def test_a_message_sent_in_a_batch_shows_on_the_badge(client, citizen):
    _badge(client)
    with notifications.batched():
        notifications.notify([citizen], subject=plain("一"), body=plain("…"))
        notifications.notify([citizen], subject=plain("二"), body=plain("…"))
    assert ">2<" in _badge(client)


def test_reading_a_message_lowers_the_badge(client, citizen):
    notifications.notify([citizen], subject=plain("办件已受理"), body=plain("…"))
    assert ">1<" in _badge(client)
    message = InboxMessage.objects.get(recipient=citizen)
    client.get(reverse("portal:inbox_message", args=[message.pk]))
    assert "条未读" not in _badge(client)


def test_my_account_counts_the_inbox_once_for_the_badge_and_the_card(client, citizen):
    notifications.notify([citizen], subject=plain("办件已受理"), body=plain("…"))
    assert len(_inbox_queries(client, reverse("portal:account"))) == 1
    page = client.get(reverse("portal:account")).content.decode()
    assert "您有 1 条未读消息。" in page


def test_a_count_kept_elsewhere_is_forgotten_after_the_commit(
    citizen, django_capture_on_commit_callbacks
):
    assert shell.unread_count(citizen) == 0
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notifications.notify([citizen], subject=plain("办件已受理"), body=plain("…"))
    # A page served before the commit counted without the new row and kept 0...
    shell.cache.set(shell._unread_key(citizen.pk), 0)
    for callback in callbacks:
        callback()
    assert shell.unread_count(citizen) == 1  # ...which the commit forgets

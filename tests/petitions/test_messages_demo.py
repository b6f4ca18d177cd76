"""The demo's messages: every state over the last months, some waiting for moderation."""

import pytest

from petitions.demo.messages import seed_messages
from petitions.demo.routing import seed_categories
from petitions.models import Message, ModerationItem
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_messages_in_every_state_and_is_idempotent():
    portal_demo.seed()
    seed_categories()
    seed_messages()
    seeded = Message.objects.count()
    seed_messages()
    assert Message.objects.count() == seeded
    statuses = set(Message.objects.values_list("status", flat=True))
    assert statuses >= {"received", "assigned", "answered", "invalid", "converted"}
    assert Message.objects.filter(published_at__isnull=False).exists()
    assert ModerationItem.objects.filter(message__isnull=False, status="pending").exists()
    assert ModerationItem.objects.filter(message__isnull=False, status="rejected").exists()

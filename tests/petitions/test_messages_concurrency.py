"""Races on PostgreSQL with real threads: two moderators publishing the same Q&A publish once."""

import pytest

from petitions.models import MessageEvent, ModerationItem
from petitions.services import moderation
from portal.roles import Role
from tests.concurrency import race
from tests.factories import StaffFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_moderators_publishing_at_once_publish_once(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    admin = StaffFactory(roles=[Role.ADMIN])
    outcomes = race(
        lambda: moderation.moderation_pass(
            item=ModerationItem.objects.get(pk=item.pk), actor=operator, text="甲的版本"
        ),
        lambda: moderation.moderation_pass(
            item=ModerationItem.objects.get(pk=item.pk), actor=admin, text="乙的版本"
        ),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert MessageEvent.objects.filter(message=message, code="published").count() == 1
    message.refresh_from_db()
    item.refresh_from_db()
    assert message.public_question == item.final_text


def test_a_pass_and_a_reject_at_once_decide_once(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    admin = StaffFactory(roles=[Role.ADMIN])
    outcomes = race(
        lambda: moderation.moderation_pass(
            item=ModerationItem.objects.get(pk=item.pk), actor=operator
        ),
        lambda: moderation.moderation_reject(
            item=ModerationItem.objects.get(pk=item.pk), actor=admin, reason="不宜公开"
        ),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    decided = MessageEvent.objects.filter(
        message=message, code__in=["published", "publication_refused"]
    )
    assert decided.count() == 1

"""Evaluation services take `at=`: a vote and its moderation placed in the past keep those
moments, and the warning they raise is dated then (no clock patching)."""

import pytest
from django.utils import translation

from evaluation.models import Vote, VoteEvent
from evaluation.services import votes as vote_services
from portal.roles import Role
from supervision.models import Alert
from tests.evaluation.conftest import beijing
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_vote_and_its_moderation_in_the_past_keep_their_moments(person, vote_dissatisfied):
    voted, moderated = beijing(2026, 10, 12, 9), beijing(2026, 10, 13, 9)
    vote = vote_dissatisfied(person, at=voted)
    moderator = StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR])
    vote_services.reason_moderate(vote=vote, actor=moderator, approve=True, at=moderated)
    vote = Vote.objects.get(pk=vote.pk)
    assert (vote.created_at, vote.moderated_at) == (voted, moderated)
    assert list(
        VoteEvent.objects.filter(vote=vote)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    ) == [voted, moderated]


def test_the_warning_a_vote_in_the_past_raises_names_the_readers_tier(person, vote_dissatisfied):
    for day in range(1, 11):
        vote_dissatisfied(person, at=beijing(2026, 10, day, 9))
    alert = Alert.objects.get(kind=Alert.Kind.RATING_WARNING)
    assert alert.message_code == "evaluation.rating_warning"
    with translation.override("zh-hans"):
        assert "2026年10月不满意票10张" in alert.text and "效能告诫" in alert.text
    with translation.override("en"):
        # The tier and the action read in English; the new template itself awaits its msgstr.
        assert "Tier III warning" in alert.text and "Efficiency admonition" in alert.text

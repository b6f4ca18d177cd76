"""Voting while Redis (the anonymous-vote rate limit) is down."""

import pytest

from evaluation.models import Vote

pytestmark = pytest.mark.django_db

SATISFIED = {"attitude": "satisfied", "efficiency": "satisfied", "style": "satisfied"}


def test_an_anonymous_vote_is_stored(client, person, redis_down):
    assert client.get(person.get_absolute_url()).status_code == 200
    response = client.post(person.get_absolute_url(), SATISFIED)
    assert response.status_code == 302
    assert Vote.objects.count() == 1


def test_anonymous_votes_are_still_limited_per_client(client, person, settings, redis_down):
    settings.EVALUATION_ANONYMOUS_RATE = (2, 3600)
    for _ in range(3):
        response = client.post(person.get_absolute_url(), SATISFIED, follow=True)
    assert Vote.objects.count() == 2
    assert "过于频繁" in response.content.decode()

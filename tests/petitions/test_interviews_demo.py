"""The demo's interviews: one held and archived with its record and a file, one announced."""

import pytest

from petitions.demo.interviews import seed_interviews
from petitions.models import Interview, ModerationItem
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_archived_and_an_announced_interview(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    portal_demo.seed()
    seed_interviews()
    seed_interviews()
    archived = Interview.objects.get(status=Interview.Status.ARCHIVED)
    assert archived.answers.filter(question__isnull=False).count() == 2
    assert archived.attachments.count() == 1 and archived.summary
    announced = Interview.objects.get(status=Interview.Status.SCHEDULED)
    assert ModerationItem.objects.filter(question__interview=announced, status="pending").exists()

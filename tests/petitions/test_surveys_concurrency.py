"""Races on PostgreSQL with real threads: the same account answering twice at once answers once."""

import pytest

from petitions.models import SurveyResponse
from tests.concurrency import race_with_messages
from tests.petitions.surveying import answer, make_survey

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_account_answering_twice_at_once_answers_once(clerk, citizen):
    survey = make_survey(clerk)
    outcomes, messages = race_with_messages(
        lambda: answer(survey, citizen, rating=5), lambda: answer(survey, citizen, rating=1)
    )
    assert sorted(outcomes) == ["ok", "refused"]
    assert any("您已参加过本次调查" in message for message in messages)
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def test_the_same_device_answering_twice_at_once_answers_once(clerk):
    survey = make_survey(clerk, anonymous=True)
    outcomes = race_with_messages(
        lambda: answer(survey, key="a" * 64), lambda: answer(survey, key="a" * 64)
    )[0]
    assert sorted(outcomes) == ["ok", "refused"]
    assert SurveyResponse.objects.filter(survey=survey).count() == 1

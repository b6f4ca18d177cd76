"""Races on PostgreSQL with real threads: the host and the hotline office deciding one question,
an answer posted while the interview ends."""

import pytest

from petitions.models import Interview, InterviewEvent, ModerationItem
from petitions.services import interviews as services
from petitions.services import moderation
from tests.concurrency import race
from tests.petitions.interviews import live, passed_question

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_host_and_the_queue_deciding_one_question_decide_once(clerk, operator, citizen):
    on_air = live(clerk)
    question = services.interview_ask(actor=citizen, interview=on_air, text="能网办吗？")
    item = ModerationItem.objects.get(question=question)
    outcomes = race(
        lambda: moderation.moderation_pass(
            item=ModerationItem.objects.get(pk=item.pk), actor=clerk
        ),
        lambda: moderation.moderation_reject(
            item=ModerationItem.objects.get(pk=item.pk), actor=operator, reason="重复提问"
        ),
    )
    assert sorted(outcomes) == ["ok", "refused"]
    decided = InterviewEvent.objects.filter(
        interview=on_air, code__in=["question_published", "question_rejected"]
    )
    assert decided.count() == 1


def test_no_answer_is_posted_after_the_interview_ended(clerk, citizen):
    on_air = live(clerk)
    question = passed_question(on_air, citizen, clerk)
    race(
        lambda: services.interview_answer(
            actor=clerk,
            interview=Interview.objects.get(pk=on_air.pk),
            question=question,
            text="可以网办。",
        ),
        lambda: services.interview_end(actor=clerk, interview=Interview.objects.get(pk=on_air.pk)),
    )
    ended = Interview.objects.get(pk=on_air.pk)
    assert ended.status == Interview.Status.ENDED
    assert not ended.answers.filter(posted_at__gt=ended.ended_at).exists()

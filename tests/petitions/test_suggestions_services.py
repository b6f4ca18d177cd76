"""Suggestions (建言献策): submission into the moderation queue, the department's answers."""

import pytest

from petitions.models import ModerationItem, Suggestion, SuggestionEvent
from petitions.services import moderation
from petitions.services import suggestions as services
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from tests.factories import CitizenFactory, StaffFactory
from tests.petitions.helpers import pass_moderation
from tests.petitions.participation import suggest

pytestmark = pytest.mark.django_db


def test_a_suggestion_waits_in_the_moderation_queue_redacted(citizen, department):
    suggestion = suggest(citizen, department, content="我的电话13912345678，建议增设公交。")
    item = ModerationItem.objects.get(suggestion=suggestion)
    assert item.status == ModerationItem.Status.PENDING
    assert "13912345678" not in item.proposed_text and "139****5678" in item.proposed_text
    assert suggestion.published_at is None


def test_the_author_s_profile_name_is_redacted_in_the_proposal(department):
    author = CitizenFactory(real_name="王小明")
    suggestion = suggest(author, department, content="我是王小明，建议在城南修建公园。")
    assert "王小明" not in ModerationItem.objects.get(suggestion=suggestion).proposed_text


def test_staff_cannot_submit_a_suggestion(clerk, department):
    with pytest.raises(DomainError):
        suggest(clerk, department)


def test_passing_publishes_the_confirmed_text(citizen, department, operator):
    suggestion = suggest(citizen, department)
    pass_moderation("suggestion", suggestion, operator, text="经审核的建议内容")
    suggestion.refresh_from_db()
    assert suggestion.published_at is not None
    assert suggestion.public_content == "经审核的建议内容"
    assert suggestion.events.filter(code=SuggestionEvent.Code.PUBLISHED).count() == 1


def test_two_moderators_passing_at_once_publish_once(citizen, department, operator):
    suggestion = suggest(citizen, department)
    item = ModerationItem.objects.get(suggestion=suggestion)
    moderation.moderation_pass(item=item, actor=operator)
    with pytest.raises(DomainError):
        moderation.moderation_pass(item=item, actor=operator)
    assert suggestion.events.filter(code=SuggestionEvent.Code.PUBLISHED).count() == 1


def test_rejection_tells_the_author_the_reason(citizen, department, operator):
    suggestion = suggest(citizen, department)
    item = ModerationItem.objects.get(suggestion=suggestion)
    moderation.moderation_reject(item=item, actor=operator, reason="内容与建言献策无关")
    suggestion.refresh_from_db()
    assert suggestion.published_at is None
    assert InboxMessage.objects.filter(
        recipient=citizen, body__contains="内容与建言献策无关"
    ).exists()


@pytest.mark.parametrize(
    ("move", "status"),
    [("study", "studying"), ("adopt", "adopted"), ("decline", "not_adopted")],
)
def test_the_department_answers_a_new_suggestion(citizen, department, clerk, move, status):
    suggestion = suggest(citizen, department)
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move=move, reply="已收悉。")
    suggestion.refresh_from_db()
    assert suggestion.status == status and suggestion.answered_at is not None
    assert InboxMessage.objects.filter(recipient=citizen).exists()


@pytest.mark.parametrize("move", ["adopt", "decline"])
def test_a_suggestion_under_study_can_still_be_decided(citizen, department, clerk, move):
    suggestion = suggest(citizen, department)
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move="study", reply="研究中。")
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move=move, reply="结论。")
    assert Suggestion.objects.get(pk=suggestion.pk).status != Suggestion.Status.STUDYING


@pytest.mark.parametrize("move", ["study", "adopt", "decline"])
def test_a_decided_suggestion_refuses_another_answer(citizen, department, clerk, move):
    suggestion = suggest(citizen, department)
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move="decline", reply="不采纳。")
    with pytest.raises(DomainError) as refused:
        services.suggestion_answer(actor=clerk, suggestion=suggestion, move=move, reply="再答复")
    assert refused.value.code == f"bad_transition:{move}"
    assert Suggestion.objects.get(pk=suggestion.pk).reply == "不采纳。"


def test_another_department_cannot_answer(citizen, department, other_clerk):
    suggestion = suggest(citizen, department)
    with pytest.raises(DomainError):
        services.suggestion_answer(
            actor=other_clerk, suggestion=suggestion, move="adopt", reply="采纳"
        )
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.SUBMITTED


def test_the_government_office_answers_suggestions_to_the_county(citizen, hotline_department):
    office_clerk = StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=hotline_department)
    suggestion = suggest(citizen, None)
    services.suggestion_answer(actor=office_clerk, suggestion=suggestion, move="adopt", reply="好")
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.ADOPTED


def test_an_empty_reply_is_refused(citizen, department, clerk):
    suggestion = suggest(citizen, department)
    with pytest.raises(DomainError):
        services.suggestion_answer(actor=clerk, suggestion=suggestion, move="adopt", reply="  ")


def test_what_was_done_is_recorded_only_for_adopted_ones(citizen, department, clerk):
    suggestion = suggest(citizen, department)
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move="study", reply="研究中")
    with pytest.raises(DomainError):
        services.suggestion_report_action(actor=clerk, suggestion=suggestion, action_taken="已开通")
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move="adopt", reply="采纳")
    services.suggestion_report_action(actor=clerk, suggestion=suggestion, action_taken="已开通12路")
    assert Suggestion.objects.get(pk=suggestion.pk).action_taken == "已开通12路"

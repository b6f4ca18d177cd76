"""The moderation queue: redaction shown to the moderator, nothing public before a pass,
rejection reasons sent to the author, published Q&A searchable site-wide."""

import pytest

from petitions.models import Message, MessageEvent, ModerationItem
from petitions.services import moderation
from petitions.services.messages import handling
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from portal.search.models import SearchEntry
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_redact_masks_phone_id_and_email():
    text = "电话13912345678，身份证110101199003071234，邮箱wang@example.com"
    assert moderation.redact(text) == "电话139****5678，身份证110101********1234，邮箱***@***"


def test_redact_masks_names_given_and_addresses_by_pattern():
    text = "我叫王小明，家住城关镇幸福路12号3栋201室，门口路灯坏了。"
    assert moderation.redact(text) == "我叫王某某，家住***，门口路灯坏了。"


def test_redact_masks_the_writers_own_data_wherever_it_appears():
    text = "李建国反映：请回电李建国本人，住东街七号院。"
    redacted, count = moderation.redaction(text, personal=["李建国", "东街七号院"])
    assert redacted == "李某某反映：请回电李某某本人，住***。"
    assert count == 3


def test_a_message_written_with_consent_waits_in_the_queue_with_its_redaction(
    write_message, operator
):
    author = CitizenFactory(real_name="赵大勇", mobile="13700001234")
    message, _code = write_message(author, content="我是赵大勇，电话13700001234，想咨询执照。")
    item = ModerationItem.objects.get(message=message)
    assert item.status == ModerationItem.Status.PENDING
    assert "赵大勇" not in item.proposed_text and "13700001234" not in item.proposed_text
    assert item.redactions >= 2
    message.refresh_from_db()
    assert message.published_at is None and message.public_question == ""


def test_without_consent_nothing_is_queued(write_message, citizen):
    message, _code = write_message(citizen, publish_consent=False)
    assert not ModerationItem.objects.filter(message=message).exists()


def test_passing_publishes_the_moderators_text_and_indexes_it(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    moderation.moderation_pass(
        item=item, actor=operator, text="请问营业执照需要哪些材料？（已编辑）"
    )
    message.refresh_from_db()
    assert message.public_question == "请问营业执照需要哪些材料？（已编辑）"
    assert message.published_at is not None and message.public_answer == ""
    assert message.events.filter(code=MessageEvent.Code.PUBLISHED).exists()
    entry = SearchEntry.objects.get(kind="petitions.message", object_id=message.pk)
    assert "已编辑" in entry.fields["question"]


def test_the_answer_is_queued_again_and_published_after_a_second_pass(
    write_message, citizen, operator, clerk
):
    message, _code = write_message(citizen)
    moderation.moderation_pass(item=ModerationItem.objects.get(message=message), actor=operator)
    handling.message_answer(message=message, actor=clerk, answer="请致电13812345678咨询王科长。")
    item = ModerationItem.objects.get(message=message, status=ModerationItem.Status.PENDING)
    assert "13812345678" not in item.proposed_reply
    moderation.moderation_pass(item=item, actor=operator)
    message.refresh_from_db()
    assert message.public_answer == item.proposed_reply


def test_rejecting_tells_the_author_the_reason(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    moderation.moderation_reject(item=item, actor=operator, reason="涉及他人隐私")
    message.refresh_from_db()
    assert message.published_at is None
    assert InboxMessage.objects.filter(recipient=citizen, body__contains="涉及他人隐私").exists()


def test_a_rejection_needs_a_reason(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    with pytest.raises(DomainError):
        moderation.moderation_reject(item=item, actor=operator, reason="  ")
    item.refresh_from_db()
    assert item.status == ModerationItem.Status.PENDING


def test_a_refused_question_is_not_queued_again_when_answered(
    write_message, citizen, operator, clerk
):
    message, _code = write_message(citizen)
    moderation.moderation_reject(
        item=ModerationItem.objects.get(message=message), actor=operator, reason="广告"
    )
    handling.message_answer(message=message, actor=clerk, answer="答复")
    assert not ModerationItem.objects.filter(message=message, status="pending").exists()


def test_only_moderators_decide(write_message, citizen, clerk):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    with pytest.raises(DomainError):
        moderation.moderation_pass(item=item, actor=clerk)
    admin = StaffFactory(roles=[Role.ADMIN])
    moderation.moderation_pass(item=item, actor=admin)
    assert Message.objects.get(pk=message.pk).published_at is not None


def test_a_decided_item_is_not_decided_twice(write_message, citizen, operator):
    message, _code = write_message(citizen)
    item = ModerationItem.objects.get(message=message)
    moderation.moderation_pass(item=item, actor=operator)
    with pytest.raises(DomainError):
        moderation.moderation_reject(item=item, actor=operator, reason="重复")
    assert MessageEvent.objects.filter(message=message, code="published").count() == 1

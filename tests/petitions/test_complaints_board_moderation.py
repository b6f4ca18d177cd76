"""The public board is moderated: a closed complaint's reply is public only once passed."""

import pytest
from django.urls import reverse

from petitions.models import Complaint, ComplaintEvent, ModerationItem
from petitions.services import moderation
from petitions.services.complaints import closing as closing_services
from portal.errors import DomainError
from portal.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    return ModerationItem.objects.get(reply__complaint=replied)


def test_closing_queues_the_reply_for_moderation(replied, closed):
    assert closed.status == ModerationItem.Status.PENDING
    assert "已责令下架" in closed.proposed_reply


def test_a_complaint_without_consent_is_not_queued(replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    assert not ModerationItem.objects.filter(reply__complaint=replied).exists()


def test_the_board_shows_the_moderator_s_text(client, replied, closed, operator):
    moderation.moderation_pass(item=closed, actor=operator, reply="经审核的公开答复")
    page = client.get(reverse("petitions:board_detail", args=[replied.number])).content.decode()
    assert "经审核的公开答复" in page and "已责令下架" not in page


def test_two_moderators_publish_once(replied, closed, operator):
    moderation.moderation_pass(item=closed, actor=operator)
    with pytest.raises(DomainError):
        moderation.moderation_pass(item=closed, actor=operator)
    assert replied.events.filter(code=ComplaintEvent.Code.PUBLISHED).count() == 1


def test_a_refusal_tells_the_complainant_why(client, replied, closed, operator):
    moderation.moderation_reject(item=closed, actor=operator, reason="涉及第三方隐私")
    assert client.get(reverse("petitions:board_detail", args=[replied.number])).status_code == 404
    texts = OutboxMessage.objects.filter(channel="sms").values_list("body", flat=True)
    assert any("涉及第三方隐私" in body for body in texts)

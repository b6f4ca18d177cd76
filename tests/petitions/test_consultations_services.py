"""Policy consultations (意见征集): the comment window, assessment, the adoption feedback."""

import datetime

import pytest

from petitions.models import Consultation, ConsultationComment, ModerationItem
from petitions.services import consultations as services
from petitions.services import moderation
from portal.errors import DomainError
from portal.models import InboxMessage
from tests.factories import CitizenFactory
from tests.petitions.helpers import pass_moderation
from tests.petitions.participation import consultation, noon

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2026, 3, 2)
CLOSES = datetime.date(2026, 3, 31)


@pytest.fixture
def open_consultation(clerk):
    return consultation(clerk, opens_on=OPENS, closes_on=CLOSES)


def comment(consultation_, author, day=CLOSES, content="建议延长营业时间至凌晨两点。"):
    return services.consultation_comment(
        actor=author, consultation=consultation_, content=content, at=noon(day)
    )


def test_a_draft_is_not_public(clerk):
    draft = consultation(clerk, opens_on=OPENS, closes_on=CLOSES, publish=False)
    assert not draft.is_public


def test_a_closing_date_before_the_opening_is_refused(clerk):
    with pytest.raises(DomainError):
        consultation(clerk, opens_on=CLOSES, closes_on=OPENS, publish=False)
    assert not Consultation.objects.exists()


def test_only_the_department_publishes_its_draft(clerk, other_clerk):
    draft = consultation(clerk, opens_on=OPENS, closes_on=CLOSES, publish=False)
    with pytest.raises(DomainError):
        services.consultation_publish(actor=other_clerk, consultation=draft, at=noon(OPENS))
    assert Consultation.objects.get(pk=draft.pk).status == Consultation.Status.DRAFT


def test_a_published_draft_cannot_be_edited(open_consultation, clerk):
    draft = services.Draft(kind="plan", title="改", text="改", opens_on=OPENS, closes_on=CLOSES)
    with pytest.raises(DomainError):
        services.consultation_save_draft(actor=clerk, draft=draft, consultation=open_consultation)


@pytest.mark.parametrize("day", [OPENS, CLOSES])
def test_citizens_comment_from_the_first_to_the_last_day(open_consultation, citizen, day):
    comment(open_consultation, citizen, day=day)
    assert open_consultation.comments.count() == 1


@pytest.mark.parametrize(
    "day", [OPENS - datetime.timedelta(days=1), CLOSES + datetime.timedelta(days=1)]
)
def test_a_comment_outside_the_window_is_refused(open_consultation, citizen, day):
    with pytest.raises(DomainError):
        comment(open_consultation, citizen, day=day)
    assert not open_consultation.comments.exists()


def test_a_comment_waits_for_the_moderator(open_consultation, citizen):
    item = ModerationItem.objects.get(comment=comment(open_consultation, citizen))
    assert item.status == ModerationItem.Status.PENDING


def test_a_rejected_comment_is_not_counted_and_the_author_hears_why(
    open_consultation, citizen, operator
):
    item = ModerationItem.objects.get(comment=comment(open_consultation, citizen))
    moderation.moderation_reject(item=item, actor=operator, reason="与征集内容无关")
    assert ConsultationComment.objects.get(pk=item.comment_id).rejected
    assert InboxMessage.objects.filter(recipient=citizen, body__contains="与征集内容无关").exists()


def test_not_adopting_needs_a_reason(open_consultation, citizen, clerk):
    with pytest.raises(DomainError):
        services.comment_assess(
            actor=clerk, comment=comment(open_consultation, citizen), adopted=False, response=""
        )


def _assessed(open_consultation, citizen, clerk, operator):
    item = comment(open_consultation, citizen)
    pass_moderation("comment", item, operator)
    services.comment_assess(actor=clerk, comment=item, adopted=True, response="")
    return item


def test_feedback_waits_until_the_consultation_closed(open_consultation, citizen, clerk, operator):
    _assessed(open_consultation, citizen, clerk, operator)
    with pytest.raises(DomainError):
        services.consultation_give_feedback(
            actor=clerk, consultation=open_consultation, feedback="采纳1条。", at=noon(CLOSES)
        )


def test_feedback_waits_until_every_comment_is_assessed(
    open_consultation, citizen, clerk, operator
):
    _assessed(open_consultation, citizen, clerk, operator)
    pass_moderation("comment", comment(open_consultation, CitizenFactory()), operator)
    with pytest.raises(DomainError):
        services.consultation_give_feedback(
            actor=clerk,
            consultation=open_consultation,
            feedback="采纳1条。",
            at=noon(CLOSES + datetime.timedelta(days=1)),
        )


def test_feedback_after_closing_is_published_once(open_consultation, citizen, clerk, operator):
    _assessed(open_consultation, citizen, clerk, operator)
    services.consultation_give_feedback(
        actor=clerk,
        consultation=open_consultation,
        feedback="共收到意见1条，采纳1条。",
        at=noon(CLOSES + datetime.timedelta(days=1)),
    )
    assert Consultation.objects.get(pk=open_consultation.pk).status == Consultation.Status.FEEDBACK
    with pytest.raises(DomainError):
        services.consultation_give_feedback(
            actor=clerk,
            consultation=open_consultation,
            feedback="再次反馈",
            at=noon(CLOSES + datetime.timedelta(days=2)),
        )

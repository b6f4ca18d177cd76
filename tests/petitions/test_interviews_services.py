"""在线访谈 services: scheduling, going live, moderated questions, answers, archive, the count."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from petitions.models import (
    Interview,
    InterviewEvent,
    InterviewQuestion,
    ModerationItem,
)
from petitions.selectors import interviews as selectors
from petitions.services import interviews as services
from petitions.services import moderation
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.uploads import IMAGE_TYPES, accept_upload
from tests.factories import CitizenFactory
from tests.petitions.interviews import STARTS, ended, interview, live, passed_question
from tests.uploads import assert_no_marker, jpeg_with_markers

pytestmark = pytest.mark.django_db


def pending_item(question) -> ModerationItem:
    return ModerationItem.objects.get(question=question, status=ModerationItem.Status.PENDING)


def test_department_staff_schedule_and_host_an_interview(clerk):
    scheduled = interview(clerk)
    assert scheduled.status == Interview.Status.SCHEDULED
    assert scheduled.host == clerk and scheduled.department == clerk.department
    assert scheduled.events.get().code == InterviewEvent.Code.SCHEDULED


def test_a_citizen_cannot_schedule_an_interview(citizen):
    with pytest.raises(DomainError):
        interview(citizen)
    assert not Interview.objects.exists()


def test_an_interview_must_end_after_it_starts(clerk):
    plan = services.Plan(
        title="访谈",
        topic="主题",
        guest_name="周建国",
        guest_position="局长",
        starts_at=STARTS,
        ends_at=STARTS,
    )
    with pytest.raises(DomainError, match="结束时间须晚于开始时间"):
        services.interview_schedule(actor=clerk, plan=plan)
    assert not Interview.objects.exists()


def test_a_question_waits_in_the_one_queue_under_a_masked_name(clerk):
    asker = CitizenFactory(real_name="王小明")
    question = services.interview_ask(
        actor=asker, interview=interview(clerk), text="我叫王小明，电话13912345678，想问营业执照。"
    )
    item = pending_item(question)
    assert question.display_name == "王某某" and question.published_at is None
    assert "13912345678" not in item.proposed_text and "王小明" not in item.proposed_text
    assert item.department == clerk.department


def test_no_question_is_taken_after_the_interview_ended(clerk, citizen):
    over = ended(clerk)
    with pytest.raises(DomainError, match="不再接受提问"):
        services.interview_ask(actor=citizen, interview=over, text="还能问吗？")
    assert not InterviewQuestion.objects.exists()


def test_staff_accounts_do_not_ask(clerk, other_clerk):
    with pytest.raises(DomainError):
        services.interview_ask(actor=other_clerk, interview=interview(clerk), text="问题")
    assert not InterviewQuestion.objects.exists()


def test_the_host_moderates_its_questions_and_the_page_changes(clerk, citizen):
    on_air = live(clerk)
    before = Interview.objects.get(pk=on_air.pk).revision
    question = services.interview_ask(actor=citizen, interview=on_air, text="营业执照能网上办吗？")
    moderation.moderation_pass(item=pending_item(question), actor=clerk, text="执照能网上办吗？")
    question.refresh_from_db()
    assert question.public_text == "执照能网上办吗？" and question.published_at is not None
    assert Interview.objects.get(pk=on_air.pk).revision > before
    assert [q.pk for q in selectors.record(on_air).waiting] == [question.pk]


def test_staff_of_another_department_cannot_moderate_the_questions(clerk, other_clerk, citizen):
    question = services.interview_ask(actor=citizen, interview=live(clerk), text="问题")
    with pytest.raises(DomainError, match="没有审核公开内容的权限"):
        moderation.moderation_pass(item=pending_item(question), actor=other_clerk)
    assert pending_item(question).status == ModerationItem.Status.PENDING


def test_the_hotline_office_moderates_them_in_the_queue_too(clerk, citizen, operator):
    question = services.interview_ask(actor=citizen, interview=live(clerk), text="问题")
    moderation.moderation_pass(item=pending_item(question), actor=operator)
    question.refresh_from_db()
    assert question.published_at is not None


def test_a_rejected_question_stays_private_and_the_asker_is_told(clerk, citizen):
    on_air = live(clerk, title="食品安全访谈")
    question = services.interview_ask(actor=citizen, interview=on_air, text="与主题无关的话")
    moderation.moderation_reject(item=pending_item(question), actor=clerk, reason="与主题无关")
    question.refresh_from_db()
    assert question.rejected and question.published_at is None
    notice = InboxMessage.objects.get(recipient=citizen)
    assert "食品安全访谈" in notice.subject_text and "与主题无关" in notice.body_text
    assert selectors.record(on_air).waiting == []


def test_the_official_answers_a_passed_question_live(clerk, citizen):
    on_air = live(clerk)
    question = passed_question(on_air, citizen, clerk)
    answer = services.interview_answer(
        actor=clerk, interview=on_air, question=question, text="可以，全程网办。"
    )
    record = selectors.record(on_air)
    assert record.answers == [answer] and record.waiting == []
    assert on_air.events.filter(code=InterviewEvent.Code.ANSWERED).count() == 1


def test_the_host_posts_a_statement_without_a_question(clerk):
    on_air = live(clerk)
    services.interview_answer(actor=clerk, interview=on_air, text="欢迎各位网友。")
    assert selectors.record(on_air).answers[0].question is None


def test_a_question_not_yet_passed_cannot_be_answered(clerk, citizen):
    on_air = live(clerk)
    question = services.interview_ask(actor=citizen, interview=on_air, text="问题")
    with pytest.raises(DomainError, match="已公开的提问"):
        services.interview_answer(actor=clerk, interview=on_air, question=question, text="答")
    assert not on_air.answers.exists()


def test_no_answer_before_the_interview_goes_live(clerk):
    announced = interview(clerk)
    with pytest.raises(DomainError, match="不在直播中"):
        services.interview_answer(actor=clerk, interview=announced, text="答")


def test_the_archive_keeps_the_summary_and_files_without_metadata(clerk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = accept_upload(SimpleUploadedFile("现场.jpg", jpeg_with_markers()), IMAGE_TYPES)
    archived = services.interview_archive(
        actor=clerk, interview=ended(clerk), summary="访谈综述", attachments=[photo]
    )
    assert archived.status == Interview.Status.ARCHIVED and archived.summary == "访谈综述"
    stored = archived.attachments.get()
    assert stored.original_name == "现场.jpg"
    assert_no_marker(stored.file.read())


def test_an_interview_is_archived_only_after_it_ended(clerk):
    with pytest.raises(DomainError, match="结束后才能归档"):
        services.interview_archive(actor=clerk, interview=live(clerk), summary="综述")


def test_interviews_held_are_counted_per_year(clerk):
    ended(clerk)
    ended(clerk, starts_at=STARTS - datetime.timedelta(days=365))
    live(clerk)
    interview(clerk)
    years = dict(selectors.held_per_year())
    assert sum(years.values()) == 2
    assert list(years.values()) == [1, 1]

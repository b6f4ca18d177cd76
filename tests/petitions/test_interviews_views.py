"""在线访谈 pages: the public page and its polled record, asking, the archive, the host's console."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from petitions.models import Interview, InterviewQuestion, ModerationItem
from petitions.services import interviews as services
from tests.factories import CitizenFactory
from tests.petitions.interviews import STARTS, ended, interview, live, passed_question
from tests.uploads import pdf_file

pytestmark = pytest.mark.django_db


def detail_url(item) -> str:
    return reverse("petitions:interview_detail", args=[item.pk])


def feed_url(item, since) -> str:
    return reverse("petitions:interview_feed", args=[item.pk]) + f"?since={since}"


def console_url(item) -> str:
    return reverse("petitions:interview_staff_console", args=[item.pk])


def test_the_public_page_shows_passed_questions_and_answers_only(client, clerk, citizen):
    on_air = live(clerk)
    question = passed_question(on_air, citizen, clerk, text="执照能网上办吗？")
    services.interview_answer(actor=clerk, interview=on_air, question=question, text="可以网办。")
    services.interview_ask(actor=CitizenFactory(), interview=on_air, text="尚未审核的问题")
    page = client.get(detail_url(on_air)).content.decode()
    assert "执照能网上办吗" in page and "可以网办" in page
    assert "尚未审核的问题" not in page
    assert 'aria-live="polite"' in page and 'hx-trigger="every 5s"' in page


def test_a_poll_with_nothing_new_is_answered_204(client, clerk):
    on_air = Interview.objects.get(pk=live(clerk).pk)
    response = client.get(feed_url(on_air, on_air.revision))
    assert response.status_code == 204 and response.content == b""


def test_a_revalidation_of_the_same_version_is_answered_304(client, clerk):
    on_air = live(clerk)
    first = client.get(feed_url(on_air, "none"))
    again = client.get(feed_url(on_air, "none"), headers={"If-None-Match": first["ETag"]})
    assert first.status_code == 200 and again.status_code == 304


def test_a_poll_after_a_new_answer_returns_the_record(client, clerk):
    on_air = Interview.objects.get(pk=live(clerk).pk)
    services.interview_answer(actor=clerk, interview=on_air, text="欢迎各位网友。")
    response = client.get(feed_url(on_air, on_air.revision))
    body = response.content.decode()
    assert response.status_code == 200 and "欢迎各位网友" in body
    assert "<html" not in body and 'hx-trigger="every 5s"' in body


def test_the_record_of_an_ended_interview_no_longer_polls(client, clerk):
    over = ended(clerk)
    body = client.get(feed_url(over, "0")).content.decode()
    assert "hx-get" not in body and "已结束" in body


def test_a_poll_with_a_garbled_since_gets_the_record(client, clerk):
    response = client.get(feed_url(live(clerk), "abc"))
    assert response.status_code == 200 and "interview-record" in response.content.decode()


def test_a_citizen_asks_and_the_question_waits_for_moderation(client, clerk, citizen):
    announced = interview(clerk)
    client.force_login(citizen)
    form = client.get(detail_url(announced)).context["form"]
    token = form["submission_token"].initial
    url = reverse("petitions:interview_ask", args=[announced.pk])
    for _attempt in range(2):
        response = client.post(url, {"text": "学校食堂食材能查吗？", "submission_token": token})
        assert response.status_code == 302
    assert InterviewQuestion.objects.filter(asker=citizen).count() == 1
    page = client.get(detail_url(announced)).content.decode()
    assert "问题已提交，审核通过后将公开" in page and "学校食堂食材能查吗" not in page


def test_asking_after_the_end_is_refused_with_a_message(client, clerk, citizen):
    over = ended(clerk)
    client.force_login(citizen)
    response = client.post(reverse("petitions:interview_ask", args=[over.pk]), {"text": "迟到"})
    assert response.status_code == 400
    assert "访谈已经结束，不再接受提问" in response.content.decode()
    assert not InterviewQuestion.objects.exists()


def test_an_empty_question_is_refused_with_a_message(client, clerk, citizen):
    client.force_login(citizen)
    url = reverse("petitions:interview_ask", args=[interview(clerk).pk])
    response = client.post(url, {"text": "   "})
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()


def test_anonymous_visitors_are_asked_to_sign_in(client, clerk):
    announced = interview(clerk)
    assert "请登录后提问" in client.get(detail_url(announced)).content.decode()
    response = client.post(reverse("petitions:interview_ask", args=[announced.pk]), {"text": "问"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_questions_are_limited_per_account_and_hour(client, settings, clerk, citizen):
    settings.PETITIONS_PARTICIPATION_WRITES_PER_HOUR = 1
    client.force_login(citizen)
    url = reverse("petitions:interview_ask", args=[interview(clerk).pk])
    assert client.post(url, {"text": "第一个问题"}).status_code == 302
    assert client.post(url, {"text": "第二个问题"}).status_code == 429
    assert InterviewQuestion.objects.filter(asker=citizen).count() == 1


def test_the_archive_lists_held_interviews_of_the_year(
    client, clerk, django_assert_max_num_queries
):
    for n in range(4):
        ended(clerk, title=f"往期访谈{n}")
    interview(clerk, title="下周的访谈")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("petitions:interview_archive") + f"?year={STARTS.year}")
    page = response.content.decode()
    assert "往期访谈3" in page and "下周的访谈" not in page


def test_the_list_shows_what_is_coming(client, clerk, django_assert_max_num_queries):
    for n in range(3):
        interview(clerk, title=f"预告{n}")
    with django_assert_max_num_queries(6):
        page = client.get(reverse("petitions:interviews")).content.decode()
    assert "预告2" in page


def test_the_host_schedules_from_the_staff_side(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:interview_staff_new"),
        {
            "title": "食品安全在线访谈",
            "topic": "校园食品安全",
            "guest_name": "陈丽",
            "guest_position": "副局长",
            "starts_at": "2026-03-10T10:00",
            "ends_at": "2026-03-10T09:00",
        },
    )
    assert response.status_code == 400 and "结束时间须晚于开始时间" in response.content.decode()
    assert not Interview.objects.exists()


def test_a_date_outside_any_record_is_refused_with_a_message(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:interview_staff_new"),
        {
            "title": "访谈",
            "topic": "主题",
            "guest_name": "陈丽",
            "guest_position": "副局长",
            "starts_at": "0001-01-01T00:00",
            "ends_at": "0001-01-01T01:00",
        },
    )
    assert response.status_code == 400 and "年之间的日期" in response.content.decode()
    assert not Interview.objects.exists()


def test_the_host_passes_a_question_and_answers_it_from_the_console(client, clerk, citizen):
    on_air = live(clerk)
    question = services.interview_ask(actor=citizen, interview=on_air, text="能网办吗？")
    client.force_login(clerk)
    assert "能网办吗" in client.get(console_url(on_air)).content.decode()
    client.post(
        reverse("petitions:interview_staff_question", args=[on_air.pk, question.pk]),
        {"decision": "pass", "text": "执照能网办吗？"},
    )
    response = client.post(
        reverse("petitions:interview_staff_answer", args=[on_air.pk]),
        {"question": str(question.pk), "text": "可以。"},
    )
    assert response.status_code == 302
    page = client.get(detail_url(on_air)).content.decode()
    assert "执照能网办吗" in page and "可以。" in page


def test_rejecting_without_a_reason_is_refused_with_a_message(client, clerk, citizen):
    on_air = live(clerk)
    question = services.interview_ask(actor=citizen, interview=on_air, text="无关内容")
    client.force_login(clerk)
    url = reverse("petitions:interview_staff_question", args=[on_air.pk, question.pk])
    response = client.post(url, {"decision": "reject", "reason": ""}, follow=True)
    assert "请填写不予公开的理由" in response.content.decode()
    assert ModerationItem.objects.get(question=question).status == ModerationItem.Status.PENDING


def test_an_empty_answer_is_refused_with_a_message(client, clerk):
    on_air = live(clerk)
    client.force_login(clerk)
    response = client.post(reverse("petitions:interview_staff_answer", args=[on_air.pk]), {})
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()
    assert not on_air.answers.exists()


def test_another_department_cannot_open_the_console(client, clerk, other_clerk):
    client.force_login(other_clerk)
    assert client.get(console_url(interview(clerk))).status_code == 404


def test_the_archive_accepts_documents_and_refuses_other_files(client, clerk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    over = ended(clerk)
    client.force_login(clerk)
    url = reverse("petitions:interview_staff_archive", args=[over.pk])
    refused = client.post(
        url,
        {"summary": "综述", "attachments": [SimpleUploadedFile("a.pdf", b"not a pdf")]},
    )
    assert refused.status_code == 400 and "a.pdf" in refused.content.decode()
    client.post(
        url,
        {"summary": "访谈综述正文", "attachments": [SimpleUploadedFile("实录.pdf", pdf_file())]},
    )
    page = client.get(detail_url(over)).content.decode()
    assert "访谈综述正文" in page and "实录.pdf" in page
    stored = Interview.objects.get(pk=over.pk).attachments.get()
    download = client.get(reverse("petitions:interview_attachment", args=[stored.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_the_figures_page_counts_interviews_held(client, clerk):
    ended(clerk)
    page = client.get(reverse("petitions:interaction_figures")).content.decode()
    assert "在线访谈场次" in page and f"<td>{STARTS.year}</td>" in page

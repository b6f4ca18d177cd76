"""意见征集 pages: the public list and page, commenting, the staff side, the feedback."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from petitions.models import Consultation, ConsultationComment
from petitions.services import consultations as services
from tests.factories import CitizenFactory
from tests.petitions.helpers import pass_moderation
from tests.petitions.participation import consultation, noon
from tests.uploads import pdf_file

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2026, 3, 2)
CLOSES = datetime.date(2026, 3, 31)
DURING = noon(datetime.date(2026, 3, 10))


@pytest.fixture
def open_consultation(clerk):
    return consultation(clerk, opens_on=OPENS, closes_on=CLOSES)


def test_a_draft_is_not_on_the_public_pages(client, clerk):
    draft = consultation(clerk, opens_on=OPENS, closes_on=CLOSES, publish=False, title="内部草稿")
    assert "内部草稿" not in client.get(reverse("petitions:consultations")).content.decode()
    assert client.get(reverse("petitions:consultation_detail", args=[draft.pk])).status_code == 404


def test_the_public_list_query_count_does_not_grow(client, django_assert_max_num_queries, clerk):
    for n in range(5):
        consultation(clerk, opens_on=OPENS, closes_on=CLOSES, title=f"征集{n}")
    with django_assert_max_num_queries(6):
        assert client.get(reverse("petitions:consultations")).status_code == 200


def test_a_citizen_comments_while_open_and_it_waits_for_moderation(
    client, citizen, open_consultation
):
    client.force_login(citizen)
    url = reverse("petitions:consultation_detail", args=[open_consultation.pk])
    with time_machine.travel(DURING, tick=False):
        form = client.get(url).context["form"]
        response = client.post(
            reverse("petitions:consultation_comment", args=[open_consultation.pk]),
            {"content": "建议增加停车位。", "submission_token": form["submission_token"].initial},
        )
        assert response.status_code == 302
        assert "建议增加停车位" not in client.get(url).content.decode()
    assert ConsultationComment.objects.filter(author=citizen).count() == 1


def test_a_passed_comment_is_public(client, citizen, open_consultation, operator):
    comment = services.consultation_comment(
        actor=citizen, consultation=open_consultation, content="建议增加停车位。", at=DURING
    )
    pass_moderation("comment", comment, operator)
    url = reverse("petitions:consultation_detail", args=[open_consultation.pk])
    assert "建议增加停车位" in client.get(url).content.decode()


def test_a_comment_after_closing_is_refused_with_a_message(client, citizen, open_consultation):
    client.force_login(citizen)
    with time_machine.travel(noon(CLOSES + datetime.timedelta(days=1)), tick=False):
        response = client.post(
            reverse("petitions:consultation_comment", args=[open_consultation.pk]),
            {"content": "迟到的意见"},
        )
    assert response.status_code == 400
    assert "不在征求意见期内" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_staff_draft_publish_and_give_feedback(client, clerk, citizen, operator):
    client.force_login(clerk)
    with time_machine.travel(noon(OPENS), tick=False):
        response = client.post(
            reverse("petitions:consultation_staff_new"),
            {
                "kind": "plan",
                "title": "县城停车规划（征求意见稿）",
                "text": "规划内容",
                "opens_on": OPENS.isoformat(),
                "closes_on": CLOSES.isoformat(),
            },
        )
        saved = Consultation.objects.get()
        assert response.status_code == 302
        client.post(reverse("petitions:consultation_staff_publish", args=[saved.pk]))
    comment = services.consultation_comment(
        actor=citizen, consultation=saved, content="多建立体车库。", at=DURING
    )
    pass_moderation("comment", comment, operator)
    client.post(
        reverse("petitions:consultation_staff_assess", args=[saved.pk, comment.pk]),
        {"adopted": "0", "response": "用地不足。"},
    )
    with time_machine.travel(noon(CLOSES + datetime.timedelta(days=2)), tick=False):
        response = client.post(
            reverse("petitions:consultation_staff_feedback", args=[saved.pk]),
            {"feedback": "共收到意见1条，未采纳。"},
        )
    assert response.status_code == 302
    page = client.get(reverse("petitions:consultation_detail", args=[saved.pk])).content.decode()
    assert "采纳情况反馈" in page and "用地不足" in page and "共收到意见 1 条，采纳 0 条" in page


def test_another_department_cannot_open_the_staff_page(client, other_clerk, open_consultation):
    client.force_login(other_clerk)
    url = reverse("petitions:consultation_staff_edit", args=[open_consultation.pk])
    assert client.get(url).status_code == 404


def test_comments_are_limited_per_account_and_hour(client, settings, open_consultation):
    settings.PETITIONS_PARTICIPATION_WRITES_PER_HOUR = 1
    author = CitizenFactory()
    client.force_login(author)
    url = reverse("petitions:consultation_comment", args=[open_consultation.pk])
    with time_machine.travel(DURING, tick=False):
        assert client.post(url, {"content": "第一条意见"}).status_code == 302
        assert client.post(url, {"content": "第二条意见"}).status_code == 429
    assert ConsultationComment.objects.filter(author=author).count() == 1


def test_a_draft_s_file_is_public_only_once_published(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:consultation_staff_new"),
        {
            "kind": "policy",
            "title": "征求意见稿",
            "text": "正文",
            "opens_on": OPENS.isoformat(),
            "closes_on": CLOSES.isoformat(),
            "attachments": [SimpleUploadedFile("草案.pdf", pdf_file(), "application/pdf")],
        },
    )
    assert response.status_code == 302
    saved = Consultation.objects.get()
    url = reverse("petitions:consultation_attachment", args=[saved.attachments.get().pk])
    client.logout()
    assert client.get(url).status_code == 404
    services.consultation_publish(actor=clerk, consultation=saved, at=noon(OPENS))
    assert client.get(url).status_code == 200


def test_a_file_that_is_not_a_document_is_refused(client, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:consultation_staff_new"),
        {
            "kind": "policy",
            "title": "征求意见稿",
            "text": "正文",
            "opens_on": OPENS.isoformat(),
            "closes_on": CLOSES.isoformat(),
            "attachments": [SimpleUploadedFile("草案.pdf", b"MZ not a pdf", "application/pdf")],
        },
    )
    assert response.status_code == 400
    assert "草案.pdf" in response.content.decode()
    assert not Consultation.objects.exists()

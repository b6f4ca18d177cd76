"""The citizen's pages: filing, following with number and code, rating, the board, figures."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from petitions.models import Attachment, Complaint, Rating
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import handling as handling_services
from tests.petitions.helpers import publish_on_board
from tests.uploads import png_file

pytestmark = pytest.mark.django_db


PNG = png_file()


def _form(category, **extra):
    data = {
        "category": category.pk,
        "title": "超市销售过期食品",
        "content": "城南超市货架上有过期酸奶。",
        "is_anonymous": "on",
        "contact_method": "none",
    }
    data.update(extra)
    return data


def test_anonymous_filing_shows_number_and_code_once(client, routed_category, hotline_department):
    response = client.post(reverse("petitions:file"), _form(routed_category), follow=True)
    page = response.content.decode()
    complaint = Complaint.objects.get()
    assert complaint.number in page and "查询码" in page
    assert client.get(reverse("petitions:filed")).status_code == 302


def test_filing_with_a_picture_stores_it_under_media_root(
    client, routed_category, hotline_department, settings
):
    upload = SimpleUploadedFile("photo.jpg", PNG, content_type="image/jpeg")
    client.post(reverse("petitions:file"), {**_form(routed_category), "attachments": [upload]})
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png"
    assert str(settings.MEDIA_ROOT) in attachment.file.path


def test_a_disguised_file_is_refused_and_nothing_is_stored(
    client, routed_category, hotline_department
):
    upload = SimpleUploadedFile(
        "evil.pdf", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf"
    )
    response = client.post(
        reverse("petitions:file"), {**_form(routed_category), "attachments": [upload]}
    )
    assert response.status_code == 200
    assert "文件内容不是 PDF" in response.content.decode()
    assert not Complaint.objects.exists()


def test_an_oversized_file_is_refused(client, routed_category, hotline_department, settings):
    settings.UPLOAD_MAX_BYTES = 10
    upload = SimpleUploadedFile("photo.png", PNG, content_type="image/png")
    response = client.post(
        reverse("petitions:file"), {**_form(routed_category), "attachments": [upload]}
    )
    assert "大小限制" in response.content.decode()
    assert not Complaint.objects.exists()


def test_named_filing_without_contact_shows_a_clear_message(
    client, routed_category, hotline_department
):
    data = _form(routed_category)
    del data["is_anonymous"]
    response = client.post(reverse("petitions:file"), data)
    assert "请填写姓名" in response.content.decode()
    assert not Complaint.objects.exists()


def test_number_and_code_open_the_case_without_login(client, file_complaint, routed_category):
    complaint, code = file_complaint(category=routed_category)
    response = client.post(
        reverse("petitions:track"), {"number": complaint.number, "code": code.lower()}, follow=True
    )
    assert complaint.title in response.content.decode()


def test_a_wrong_code_opens_nothing(client, file_complaint, routed_category):
    complaint, _ = file_complaint(category=routed_category)
    response = client.post(
        reverse("petitions:track"), {"number": complaint.number, "code": "AAAAAAAA"}
    )
    assert "不正确" in response.content.decode()
    assert client.get(reverse("petitions:track_detail", args=[complaint.number])).status_code == 404


def test_guessing_codes_is_stopped(client, file_complaint, routed_category, settings):
    settings.PETITIONS_TRACK_ATTEMPTS_PER_HOUR = 2
    complaint, code = file_complaint(category=routed_category)
    for _ in range(2):
        client.post(reverse("petitions:track"), {"number": complaint.number, "code": "AAAAAAAA"})
    response = client.post(reverse("petitions:track"), {"number": complaint.number, "code": code})
    assert "次数过多" in response.content.decode()


def test_complainant_rates_with_the_code_only(client, replied):
    session = client.session
    session["petitions_tracked"] = [replied.pk]
    session.save()
    response = client.post(
        reverse("petitions:rate", args=[replied.number]), {"level": "unsatisfied"}, follow=True
    )
    assert "感谢您的评价" in response.content.decode()
    replied.refresh_from_db()
    assert replied.status == Complaint.Status.REHANDLING


def test_rating_someone_elses_complaint_is_not_found(client, replied):
    assert (
        client.post(
            reverse("petitions:rate", args=[replied.number]), {"level": "satisfied"}
        ).status_code
        == 404
    )
    assert not Rating.objects.exists()


def test_citizen_sees_own_complaints_in_my_account(
    client, file_complaint, routed_category, citizen
):
    complaint, _ = file_complaint(category=routed_category, account=citizen)
    client.force_login(citizen)
    assert complaint.number in client.get(reverse("petitions:mine")).content.decode()


def test_published_reply_is_on_the_board_and_feed(client, replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    publish_on_board(replied, operator)
    assert replied.title in client.get(reverse("petitions:board")).content.decode()
    assert (
        "已责令下架"
        in client.get(reverse("petitions:board_detail", args=[replied.number])).content.decode()
    )
    assert replied.title in client.get(reverse("petitions:feed")).content.decode()


def test_closed_reply_waits_for_the_moderator_before_the_board(client, replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    assert client.get(reverse("petitions:board_detail", args=[replied.number])).status_code == 404
    assert replied.title not in client.get(reverse("petitions:feed")).content.decode()


def test_unpublished_reply_stays_off_the_board(client, replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    assert client.get(reverse("petitions:board_detail", args=[replied.number])).status_code == 404


def test_figures_show_closure_and_satisfaction_rates(client, replied, operator):
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    page = client.get(reverse("petitions:figures")).content.decode()
    assert "100.0%" in page and replied.department.name in page


@pytest.mark.parametrize("year", ["99999", "-5", "abc"])
def test_figures_of_an_impossible_year_show_this_year(client, year):
    response = client.get(reverse("petitions:figures"), {"year": year})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_board_query_count_does_not_grow(client, django_assert_max_num_queries, replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    publish_on_board(replied, operator)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("petitions:board")).status_code == 200


def test_the_board_masks_numbers_typed_into_the_content(
    client, file_complaint, routed_category, clerk, operator
):
    complaint, _ = file_complaint(
        category=routed_category,
        allow_publication=True,
        content="我的电话13912345678，身份证331023198503120011。",
    )
    handling_services.complaint_sign(actor=clerk, complaint=complaint)
    handling_services.complaint_reply(
        actor=clerk, complaint=complaint, content="已联系13912345678本人。"
    )
    closing_services.complaint_return_visit(actor=operator, complaint=complaint, result="satisfied")
    publish_on_board(complaint, operator)
    page = client.get(reverse("petitions:board_detail", args=[complaint.number])).content.decode()
    assert "13912345678" not in page and "198503120011" not in page
    assert "139****5678" in page


def test_my_complaints_query_count_does_not_grow(
    client, django_assert_max_num_queries, file_complaint, routed_category, citizen
):
    for _ in range(10):
        file_complaint(category=routed_category, account=citizen)
    client.force_login(citizen)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("petitions:mine")).status_code == 200


def test_figures_query_count_is_constant(client, django_assert_max_num_queries, replied, operator):
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    # The first read computes and keeps the figures: inside the test's transaction that keeping
    # takes a savepoint and its release (2 of the 5).
    with django_assert_max_num_queries(5):
        assert client.get(reverse("petitions:figures")).status_code == 200

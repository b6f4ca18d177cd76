"""Messages through the pages: writing (anonymous with a query code), following, the public Q&A
with filters and a pinned query count, the staff actions and the moderation queue."""

import re

import pytest
from django.urls import reverse

from petitions.models import Message, ModerationItem
from petitions.services import moderation
from portal.submissions import new_token

pytestmark = pytest.mark.django_db


def form_data(department, **extra):
    return {
        "mailbox": "department",
        "addressee": department.pk,
        "category": "consultation",
        "title": "路灯报修",
        "content": "东门路灯不亮，请问找哪个部门？我的电话13912345678。",
        "contact_phone": "13912345678",
        "publish_consent": "on",
        "submission_token": new_token(),
        **extra,
    }


def test_an_anonymous_visitor_writes_and_follows_with_the_query_code(
    client, department, hotline_department
):
    response = client.post(reverse("petitions:message_write"), form_data(department), follow=True)
    page = response.content.decode()
    number = re.search(r'id="message-number">(\w+)<', page).group(1)
    code = re.search(r'id="query-code">(\w+)<', page).group(1)
    message = Message.objects.get(number=number)
    assert message.is_anonymous and message.author is None
    stranger = client.__class__()
    response = stranger.get(reverse("petitions:message_track_detail", args=[number]))
    assert response.status_code == 302
    response = stranger.post(
        reverse("petitions:message_track"), {"number": number, "code": code}, follow=True
    )
    assert "东门路灯不亮" in response.content.decode()


def test_a_wrong_query_code_says_so(client, write_message):
    message, _code = write_message(None)
    response = client.post(
        reverse("petitions:message_track"), {"number": message.number, "code": "AAAAAAAA"}
    )
    assert "留言编号或查询码不正确" in response.content.decode()


def test_the_same_form_sent_twice_is_stored_once(client, department, hotline_department):
    data = form_data(department)
    client.post(reverse("petitions:message_write"), data)
    client.post(reverse("petitions:message_write"), data)
    assert Message.objects.count() == 1


def test_a_department_mailbox_without_a_department_is_refused(
    client, department, hotline_department
):
    response = client.post(reverse("petitions:message_write"), form_data(department, addressee=""))
    assert response.status_code == 200
    assert "请选择收信单位" in response.content.decode()
    assert not Message.objects.exists()


def test_without_the_setting_visitors_are_sent_to_sign_in(client, settings):
    settings.PETITIONS_MESSAGES_ANONYMOUS = False
    response = client.get(reverse("petitions:message_write"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_nothing_is_public_before_moderation(client, write_message, citizen):
    message, _code = write_message(citizen)
    assert client.get(reverse("petitions:qa_detail", args=[message.number])).status_code == 404
    assert message.title not in client.get(reverse("petitions:qa_list")).content.decode()


def publish(message, operator):
    moderation.moderation_pass(
        item=ModerationItem.objects.get(message=message, status="pending"), actor=operator
    )


def test_the_public_list_filters_and_hides_personal_data(
    client, write_message, citizen, operator, other_department
):
    first, _code = write_message(citizen, title="执照咨询", content="我的电话13912345678")
    second, _code = write_message(
        citizen,
        title="住房补贴",
        content="申请住房补贴需要什么条件？",
        addressee=other_department,
        category=Message.Category.HELP,
    )
    publish(first, operator)
    publish(second, operator)
    page = client.get(reverse("petitions:qa_list")).content.decode()
    assert "执照咨询" in page and "住房补贴" in page
    page = client.get(reverse("petitions:qa_list"), {"category": "help"}).content.decode()
    assert "执照咨询" not in page and "住房补贴" in page
    page = client.get(reverse("petitions:qa_list"), {"q": "执照"}).content.decode()
    assert "执照咨询" in page and "住房补贴" not in page
    page = client.get(reverse("petitions:qa_list"), {"answered": "yes"}).content.decode()
    assert "执照咨询" not in page
    detail = client.get(reverse("petitions:qa_detail", args=[first.number])).content.decode()
    assert "139****5678" in detail and "13912345678" not in detail


def test_bad_filters_are_ignored(client):
    response = client.get(
        reverse("petitions:qa_list"),
        {"month": "9999-99", "department": "x", "category": "nope", "page": "-3"},
    )
    assert response.status_code == 200


def test_the_department_page_lists_its_published_answers(
    client, write_message, citizen, operator, department
):
    message, _code = write_message(citizen, title="执照咨询")
    publish(message, operator)
    page = client.get(reverse("petitions:department_qa", args=[department.code])).content.decode()
    assert "执照咨询" in page


def test_the_public_list_query_count_does_not_grow(
    client, write_message, citizen, operator, django_assert_max_num_queries
):
    for index in range(12):
        message, _code = write_message(citizen, title=f"咨询{index}")
        publish(message, operator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("petitions:qa_list"))
    assert response.status_code == 200


def test_the_department_answers_on_its_page(client, write_message, citizen, clerk):
    message, _code = write_message(citizen)
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:message_staff_act", args=[message.number, "answer"]),
        {"answer-answer": "请携带身份证办理。"},
        follow=True,
    )
    assert "已答复" in response.content.decode()
    message.refresh_from_db()
    assert message.status == Message.Status.ANSWERED


def test_a_refused_action_shows_why(client, write_message, citizen, operator):
    message, _code = write_message(citizen)
    client.force_login(operator)
    response = client.post(
        reverse("petitions:message_staff_act", args=[message.number, "assign"]),
        {"assign-department": message.department.pk},
        follow=True,
    )
    assert "该留言已分办" in response.content.decode()


def test_another_department_does_not_see_the_message(client, write_message, citizen, other_clerk):
    message, _code = write_message(citizen)
    client.force_login(other_clerk)
    response = client.get(reverse("petitions:message_staff_detail", args=[message.number]))
    assert response.status_code == 404


def test_the_moderator_sees_the_redaction_and_publishes(client, write_message, citizen, operator):
    message, _code = write_message(citizen, content="电话13912345678")
    item = ModerationItem.objects.get(message=message)
    client.force_login(operator)
    queue = client.get(reverse("petitions:moderation_queue")).content.decode()
    assert reverse("petitions:moderation_detail", args=[item.pk]) in queue
    detail = client.get(reverse("petitions:moderation_detail", args=[item.pk])).content.decode()
    assert "139****5678" in detail
    client.post(
        reverse("petitions:moderation_detail", args=[item.pk]),
        {
            "decision": "pass",
            "pass-title": "咨询",
            "pass-text": "电话139****5678（已核对）",
            "pass-reply": "",
        },
    )
    message.refresh_from_db()
    assert message.public_question == "电话139****5678（已核对）"


def test_a_department_clerk_cannot_open_the_queue(client, clerk):
    client.force_login(clerk)
    assert client.get(reverse("petitions:moderation_queue")).status_code == 404


def test_the_office_turns_a_complaint_into_a_message_from_its_page(
    client, file_complaint, routed_category, operator, citizen
):
    complaint, _code = file_complaint(category=routed_category, account=citizen)
    client.force_login(operator)
    page = client.get(reverse("petitions:staff_detail", args=[complaint.number])).content.decode()
    assert reverse("petitions:message_from_complaint", args=[complaint.number]) in page
    response = client.post(
        reverse("petitions:message_from_complaint", args=[complaint.number]),
        {"category": "consultation"},
        follow=True,
    )
    message = Message.objects.get(converted_from=complaint)
    assert response.redirect_chain[-1][0] == reverse(
        "petitions:message_staff_detail", args=[message.number]
    )

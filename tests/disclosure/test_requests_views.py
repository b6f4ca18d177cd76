"""Pages of disclosure on request: the applicant files and follows, the office works the queue,
strangers see nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.models import InformationRequest
from disclosure.services.requests.answer import request_answer
from disclosure.services.requests.extension import request_extend
from disclosure.services.requests.supplement import request_supplement_notice
from portal.models import InboxMessage
from portal.roles import Role
from portal.uploads import accept_upload
from tests.disclosure.factories import (
    at,
    file_request,
    office_clerk,
    office_department,
    office_head,
)
from tests.factories import CitizenFactory, EnterpriseFactory, StaffFactory
from tests.submissions import token_on
from tests.uploads import pdf_file, pdf_pages

pytestmark = pytest.mark.django_db

PDF = pdf_file()


def _detail(request):
    return reverse("disclosure:request_detail", args=[request.number])


def _answer(request, clerk, **kwargs):
    return request_answer(
        actor=clerk,
        request=request,
        reply_type="disclosed",
        text="现提供所申请的信息。",
        remedies="行政复议、行政诉讼",
        documents=[accept_upload(SimpleUploadedFile("预算.pdf", PDF))],
        **kwargs,
    )


# --- Filing ----------------------------------------------------------------------------------


def test_the_form_is_prefilled_from_the_profile(client):
    citizen = CitizenFactory(real_name="赵六", address="青山县城关镇1号")
    client.force_login(citizen)
    response = client.get(reverse("disclosure:request_new"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "赵六" in text and citizen.mobile in text and "青山县城关镇1号" in text


def test_an_enterprise_gives_its_name(client):
    enterprise = EnterpriseFactory()
    client.force_login(enterprise)
    response = client.get(reverse("disclosure:request_new"))
    assert enterprise.organization_name in response.content.decode()


def test_a_citizen_files_a_request_and_gets_a_number(client):
    office_department()
    citizen = CitizenFactory()
    client.force_login(citizen)
    response = client.post(
        reverse("disclosure:request_new"),
        {
            "applicant_name": citizen.real_name,
            "phone": citizen.mobile,
            "description": "请公开城关镇2025年道路维修项目的招标文件。",
            "purpose": "了解本村道路维修情况",
            "delivery": "online",
        },
        follow=True,
    )
    request = InformationRequest.objects.get()
    assert response.redirect_chain[-1][0] == _detail(request)
    assert request.number in response.content.decode()
    assert "申请已提交" in response.content.decode()
    assert InboxMessage.objects.filter(recipient=citizen).exists()


def test_a_double_submission_files_one_request_and_shows_the_same_one(client):
    office_department()
    citizen = CitizenFactory()
    client.force_login(citizen)
    token = token_on(client.get(reverse("disclosure:request_new")))
    form = {
        "applicant_name": citizen.real_name,
        "phone": citizen.mobile,
        "description": "请公开城关镇2025年道路维修项目的招标文件。",
        "delivery": "online",
        "submission_token": token,
    }
    first = client.post(reverse("disclosure:request_new"), form, follow=True)
    second = client.post(reverse("disclosure:request_new"), form, follow=True)
    request = InformationRequest.objects.get()
    assert first.redirect_chain[-1][0] == second.redirect_chain[-1][0] == _detail(request)
    assert request.number in second.content.decode() and "申请已提交" in second.content.decode()
    assert InboxMessage.objects.filter(recipient=citizen).count() == 1


def test_email_delivery_needs_an_address_and_nothing_is_filed(client):
    office_department()
    citizen = CitizenFactory(email="")
    client.force_login(citizen)
    response = client.post(
        reverse("disclosure:request_new"),
        {
            "applicant_name": "张三",
            "phone": "13900000001",
            "description": "请公开信息",
            "delivery": "email",
            "email": "",
        },
    )
    assert response.status_code == 200
    assert "请填写电子邮箱" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_staff_cannot_file_and_anonymous_users_are_sent_to_log_in(client):
    response = client.get(reverse("disclosure:request_new"))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(StaffFactory())
    assert client.get(reverse("disclosure:request_new")).status_code == 403


# --- Following -------------------------------------------------------------------------------


def test_the_applicant_follows_every_step_and_reads_the_answer(client):
    request = file_request(received="2026-11-02 10:00")
    request_extend(
        actor=office_head(),
        request=request,
        days=10,
        reason="需要调取档案",
        at=at("2026-11-20 10:00"),
    )
    _answer(request, office_clerk(), at=at("2026-12-03 10:00"))
    client.force_login(request.applicant)
    text = client.get(_detail(request)).content.decode()
    for step in (
        "收到申请",
        "延长答复期限",
        "需要调取档案",
        "作出答复",
        "予以公开",
        "现提供所申请的信息",
        "预算.pdf",
        "行政复议",
    ):
        assert step in text


def test_the_applicant_downloads_the_documents_and_a_stranger_cannot(client):
    request = _answer(file_request(), office_clerk())
    document = request.documents.get()
    url = reverse("disclosure:request_document", args=[document.pk])
    client.force_login(request.applicant)
    response = client.get(url)
    assert response.status_code == 200
    assert pdf_pages(b"".join(response.streaming_content)) == 1
    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 404
    client.force_login(StaffFactory(roles=[Role.WINDOW_CLERK]))
    assert client.get(url).status_code == 404
    client.force_login(office_clerk())
    assert client.get(url).status_code == 200


def test_strangers_get_404_on_someone_elses_request(client):
    request = file_request()
    client.force_login(CitizenFactory())
    assert client.get(_detail(request)).status_code == 404
    client.force_login(StaffFactory(roles=[Role.DEPARTMENT_HEAD]))
    assert client.get(_detail(request)).status_code == 404
    assert client.get(reverse("disclosure:request_detail", args=["YSQ0"])).status_code == 404


def test_the_applicant_supplies_the_supplement_online(client):
    request = file_request(received=None)
    request_supplement_notice(actor=office_clerk(), request=request, text="请写明年度。")
    client.force_login(request.applicant)
    assert "请写明年度" in client.get(_detail(request)).content.decode()
    response = client.post(
        reverse("disclosure:request_supplement", args=[request.number]),
        {"text": "2025年度"},
        follow=True,
    )
    assert "补正已提交" in response.content.decode()
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RECEIVED


def test_an_empty_supplement_changes_nothing(client):
    request = file_request(received=None)
    request_supplement_notice(actor=office_clerk(), request=request, text="请写明年度。")
    client.force_login(request.applicant)
    response = client.post(
        reverse("disclosure:request_supplement", args=[request.number]), {"text": ""}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.SUPPLEMENT


def test_my_requests_lists_only_mine(client, django_assert_max_num_queries):
    citizen = CitizenFactory()
    mine = [file_request(citizen) for _ in range(12)]
    other = file_request()
    client.force_login(citizen)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("disclosure:requests_mine"))
    text = response.content.decode()
    assert mine[-1].number in text and other.number not in text


def test_my_account_links_my_requests(client):
    request = file_request()
    client.force_login(request.applicant)
    text = client.get(reverse("portal:account")).content.decode()
    assert request.number in text and reverse("disclosure:requests_mine") in text


# --- The office ------------------------------------------------------------------------------


def test_the_queue_is_for_the_office_only(client):
    client.force_login(CitizenFactory())
    assert client.get(reverse("disclosure:request_queue")).status_code == 403
    client.force_login(StaffFactory(roles=[Role.WINDOW_CLERK]))
    assert client.get(reverse("disclosure:request_queue")).status_code == 403


def test_queue_query_count_does_not_grow(client, django_assert_max_num_queries):
    requests = [file_request() for _ in range(15)]
    client.force_login(office_clerk())
    with django_assert_max_num_queries(8):
        response = client.get(reverse("disclosure:request_queue"))
    assert response.status_code == 200
    assert requests[0].number in response.content.decode()


def test_the_office_answers_with_a_document_from_the_page(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "answer"]),
        {
            "answer-reply_type": "partial",
            "answer-refusal_reason": "third_party",
            "answer-text": "部分信息涉及商业秘密，其余予以公开。",
            "answer-remedies": "行政复议、行政诉讼",
            "answer-documents": SimpleUploadedFile("答复.pdf", PDF, content_type="application/pdf"),
        },
        follow=True,
    )
    assert "答复已送达申请人" in response.content.decode()
    request.refresh_from_db()
    assert request.reply_type == "partial" and request.documents.count() == 1


def test_a_document_that_is_not_a_document_is_refused(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "answer"]),
        {
            "answer-reply_type": "disclosed",
            "answer-text": "答复",
            "answer-remedies": "行政复议、行政诉讼",
            "answer-documents": SimpleUploadedFile(
                "virus.pdf", b"MZ\x90\x00binary", content_type="application/pdf"
            ),
        },
    )
    assert response.status_code == 400
    assert "文件内容不是 PDF" in response.content.decode()
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RECEIVED


def test_a_refusal_without_reason_is_refused_on_the_page(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "answer"]),
        {"answer-reply_type": "refused", "answer-text": "不予公开", "answer-remedies": "行政复议"},
    )
    assert response.status_code == 400
    assert "必须说明法定理由" in response.content.decode()


def test_the_clerk_does_not_see_the_extension_but_the_head_does(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    text = client.get(_detail(request)).content.decode()
    assert "须由政府信息公开工作机构负责人批准" in text
    assert reverse("disclosure:request_act", args=[request.number, "extend"]) not in text
    client.force_login(office_head())
    text = client.get(_detail(request)).content.decode()
    assert reverse("disclosure:request_act", args=[request.number, "extend"]) in text


def test_a_clerk_posting_an_extension_gets_a_clear_refusal(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "extend"]),
        {"extend-days": 10, "extend-reason": "理由"},
        follow=True,
    )
    assert "须经政府信息公开工作机构负责人同意" in response.content.decode()
    request.refresh_from_db()
    assert request.extension_days == 0


def test_citizens_cannot_post_office_actions(client):
    request = file_request(received=None)
    client.force_login(request.applicant)
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "answer"]),
        {"answer-reply_type": "disclosed", "answer-text": "x", "answer-remedies": "y"},
    )
    assert response.status_code == 404


def test_the_workbench_shows_the_office_its_open_requests(client):
    file_request(received=None)
    client.force_login(office_clerk())
    text = client.get(reverse("portal:workbench")).content.decode()
    assert "依申请公开办理中 1 件" in text


@pytest.mark.parametrize("url", ["portal:home", "disclosure:index"])
def test_request_link_is_offered_to_citizens_not_to_staff(client, url):
    link = reverse("disclosure:request_new")
    client.force_login(StaffFactory())
    response = client.get(reverse(url))
    assert response.status_code == 200
    assert link not in response.content.decode()
    client.force_login(CitizenFactory())
    assert link in client.get(reverse(url)).content.decode()

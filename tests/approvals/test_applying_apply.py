"""Applying online: who may start, the pre-filled form, drafts, uploads, submission."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from approvals.models import Case, CaseEvent, CaseMaterial, Process
from disclosure.models import CatalogueItem
from portal.query_codes import query_code_matches
from portal.roles import Role
from tests.approvals.factories import PDF, CaseFactory, ProcessFactory
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import CitizenFactory, EnterpriseFactory, StaffFactory

pytestmark = pytest.mark.django_db


def apply_url(item) -> str:
    return reverse("approvals:apply", args=[item.pk])


def pdf(name="申请书.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_anonymous_visitor_is_sent_to_sign_in(client, process):
    response = client.get(apply_url(process.item))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_citizen_starts_a_draft_prefilled_from_the_profile(client, process, citizen):
    client.force_login(citizen)
    assert "开始填写" in client.get(apply_url(process.item)).content.decode()

    response = client.post(apply_url(process.item))

    case = Case.objects.get(applicant=citizen)
    assert case.status == Case.Status.DRAFT and case.agent is None
    assert response["Location"] == reverse("approvals:draft", args=[case.pk])
    page = client.get(response["Location"]).content.decode()
    assert citizen.real_name in page and citizen.resident_id in page and citizen.mobile in page


def test_a_second_visit_continues_the_draft(client, process, citizen):
    client.force_login(citizen)
    client.post(apply_url(process.item))
    response = client.get(apply_url(process.item))
    case = Case.objects.get(applicant=citizen)
    assert response["Location"] == reverse("approvals:draft", args=[case.pk])
    client.post(apply_url(process.item))
    assert Case.objects.filter(applicant=citizen).count() == 1


def test_enterprise_form_shows_the_enterprise_identity(client, process):
    enterprise = EnterpriseFactory()
    client.force_login(enterprise)
    client.post(apply_url(process.item))
    case = Case.objects.get(applicant=enterprise)
    page = client.get(reverse("approvals:draft", args=[case.pk])).content.decode()
    assert "统一社会信用代码" in page and enterprise.credit_code in page
    assert enterprise.organization_name in page and enterprise.real_name in page


def test_withdrawn_item_is_refused_kindly(client, process, citizen):
    CatalogueItem.objects.filter(pk=process.item.pk).update(status=CatalogueItem.Status.WITHDRAWN)
    client.force_login(citizen)
    assert "不再受理" in client.get(apply_url(process.item)).content.decode()
    response = client.post(apply_url(process.item))
    assert response.status_code == 400 and "不再受理" in response.content.decode()
    assert not Case.objects.exists()


def test_item_without_active_process_is_refused(client, citizen):
    item = CatalogueItemFactory(published=True)
    ProcessFactory(item=item, status=Process.Status.DRAFT)
    client.force_login(citizen)
    client.post(apply_url(item))
    assert "暂未开通网上办理" in client.get(apply_url(item)).content.decode()
    assert not Case.objects.exists()


def test_unpublished_item_is_not_found(client, citizen):
    item = CatalogueItemFactory()
    client.force_login(citizen)
    assert client.get(apply_url(item)).status_code == 404


def test_staff_cannot_apply(client, process, crew):
    client.force_login(crew.clerk)
    client.post(apply_url(process.item))
    assert "工作人员账号不能申请" in client.get(apply_url(process.item)).content.decode()
    assert not Case.objects.exists()


def test_village_agent_files_for_a_registered_citizen(client, process, citizen):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    client.force_login(agent)
    assert "申请人身份证号码" in client.get(apply_url(process.item)).content.decode()

    client.post(
        apply_url(process.item),
        {"applicant_code": citizen.resident_id.lower(), "applicant_mobile": citizen.mobile},
    )

    case = Case.objects.get()
    assert (case.applicant, case.agent) == (citizen, agent)
    assert case.consent.status == "pending"


def test_village_agent_with_an_unknown_id_number_gets_an_error(client, process):
    agent = StaffFactory(roles=[Role.VILLAGE_AGENT])
    client.force_login(agent)
    unknown = CitizenFactory.build().resident_id
    response = client.post(
        apply_url(process.item), {"applicant_code": unknown, "applicant_mobile": "13800000000"}
    )
    assert response.status_code == 400
    assert "没有找到" in response.content.decode()
    assert not Case.objects.exists()


@pytest.fixture
def draft(process, citizen):
    return CaseFactory(process=process, applicant=citizen, stage="draft")


def draft_url(case) -> str:
    return reverse("approvals:draft", args=[case.pk])


def test_save_draft_keeps_answers_and_uploads(client, citizen, process):
    client.force_login(citizen)
    client.post(apply_url(process.item))
    case = Case.objects.get()
    response = client.post(
        draft_url(case),
        {"action": "save", "address": "城关镇一号", "description": "新开门店", "material_0": pdf()},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT
    assert case.form_data["description"] == "新开门店"
    assert list(case.materials.values_list("name", flat=True)) == ["申请书"]
    page = client.get(draft_url(case)).content.decode()
    assert "新开门店" in page and "申请书.pdf" in page


def test_submit_without_a_required_material_is_refused(client, citizen, process):
    client.force_login(citizen)
    client.post(apply_url(process.item))
    case = Case.objects.get()
    response = client.post(draft_url(case), {"action": "submit", "material_0": pdf()})
    assert response.status_code == 400
    assert "请先上传以下必须提交的材料：身份证明" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.DRAFT and case.number == ""


def test_submit_shows_the_number_and_query_code(client, citizen, process):
    client.force_login(citizen)
    client.post(apply_url(process.item))
    case = Case.objects.get()
    response = client.post(
        draft_url(case),
        {"action": "submit", "material_0": pdf(), "material_1": pdf("身份证.pdf")},
    )
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    assert response["Location"] == reverse("approvals:submitted", args=[case.pk])
    receipt = client.get(response["Location"])
    page = receipt.content.decode()
    code = receipt.context["query_code"]
    assert case.number in page and code in page
    assert query_code_matches(case.query_code_digest, case.number, code)


def test_the_receipt_shows_the_query_code_only_once(client, citizen, process):
    client.force_login(citizen)
    client.post(apply_url(process.item))
    case = Case.objects.get()
    files = {"material_0": pdf(), "material_1": pdf("身份证.pdf")}
    client.post(draft_url(case), {"action": "submit", **files})
    code = client.get(reverse("approvals:submitted", args=[case.pk])).context["query_code"]
    again = client.get(reverse("approvals:submitted", args=[case.pk])).content.decode()
    assert code not in again and "查询码只在提交时显示一次" in again


def test_a_file_that_is_not_a_document_or_image_is_refused(client, citizen, draft):
    client.force_login(citizen)
    fake = SimpleUploadedFile("申请书.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    before = CaseMaterial.objects.filter(case=draft).count()
    response = client.post(draft_url(draft), {"action": "save", "material_0": fake})
    assert response.status_code == 400
    assert "文件内容不是 PDF" in response.content.decode()
    assert CaseMaterial.objects.filter(case=draft).count() == before


def test_photos_lose_their_metadata(client, citizen, draft):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"
    Image.new("RGB", (8, 8), "red").save(buffer, format="JPEG", exif=exif)
    photo = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(citizen)
    client.post(draft_url(draft), {"action": "save", "material_0": photo})
    material = draft.materials.get(original_name="photo.jpg")
    with material.file.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif()


def test_removing_a_material_from_the_draft(client, citizen, draft):
    material = draft.materials.first()
    client.force_login(citizen)
    url = reverse("approvals:material_remove", args=[draft.pk, material.pk])
    assert client.post(url)["Location"] == draft_url(draft)
    assert not CaseMaterial.objects.filter(pk=material.pk).exists()
    assert draft.events.filter(code=CaseEvent.Code.MATERIAL_REMOVED).exists()


def test_someone_elses_draft_is_not_found(client, draft):
    client.force_login(CitizenFactory())
    assert client.get(draft_url(draft)).status_code == 404
    assert client.post(draft_url(draft), {"action": "submit"}).status_code == 404


def test_a_submitted_case_is_no_longer_editable(client, citizen, process):
    case = CaseFactory(process=process, applicant=citizen)
    client.force_login(citizen)
    response = client.get(draft_url(case))
    assert response["Location"] == reverse("approvals:case", args=[case.pk])


def test_catalogue_item_page_links_to_apply_only_with_an_active_process(client, process):
    page = client.get(process.item.get_absolute_url()).content.decode()
    assert apply_url(process.item) in page
    other = CatalogueItemFactory(published=True)
    page = client.get(other.get_absolute_url()).content.decode()
    assert apply_url(other) not in page and "暂未开通网上办理" in page

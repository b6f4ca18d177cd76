"""Application materials reach the handling department without their author's identity."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from approvals.models import CaseMaterial
from approvals.services.applying import case_submit
from tests.approvals.factories import CaseFactory
from tests.uploads import docx_with_markers, jpeg_with_markers, marked, pdf_file, pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(process, citizen):
    return CaseFactory(process=process, applicant=citizen, stage="draft")


def _save(client, case, **uploads):
    return client.post(reverse("approvals:draft", args=[case.pk]), {"action": "save", **uploads})


def test_the_department_downloads_materials_without_a_marker(client, citizen, draft, crew):
    client.force_login(citizen)
    _save(
        client,
        draft,
        material_0=SimpleUploadedFile("申请书.docx", docx_with_markers()),
        material_1=SimpleUploadedFile("身份证.jpg", jpeg_with_markers()),
    )
    case_submit(actor=citizen, case=draft)
    client.force_login(crew.clerk)
    for name in ("申请书.docx", "身份证.jpg"):
        material = CaseMaterial.objects.get(case=draft, original_name=name)
        with material.file.open("rb") as handle:
            assert not marked(handle.read()), name
        response = client.get(reverse("approvals:material", args=[material.pk]))
        assert response.status_code == 200
        assert not marked(b"".join(response.streaming_content)), name


def test_a_pdf_material_keeps_its_pages(client, citizen, draft):
    client.force_login(citizen)
    _save(client, draft, material_0=SimpleUploadedFile("申请书.pdf", pdf_file(pages=3)))
    material = CaseMaterial.objects.get(case=draft, original_name="申请书.pdf")
    with material.file.open("rb") as handle:
        assert pdf_pages(handle.read()) == 3


def test_a_corrupt_pdf_is_refused_with_a_message_and_nothing_is_stored(client, citizen, draft):
    before = set(CaseMaterial.objects.filter(case=draft).values_list("pk", flat=True))
    client.force_login(citizen)
    response = _save(client, draft, material_0=SimpleUploadedFile("申请书.pdf", pdf_file()[:200]))
    assert response.status_code == 400 and "PDF 文件已损坏" in response.content.decode()
    assert set(CaseMaterial.objects.filter(case=draft).values_list("pk", flat=True)) == before

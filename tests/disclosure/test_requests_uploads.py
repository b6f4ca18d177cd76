"""Answer documents reach the applicant without metadata naming their author."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.models import InformationRequest
from tests.disclosure.factories import file_request, office_clerk
from tests.uploads import docx_with_markers, marked, pdf_with_markers

pytestmark = pytest.mark.django_db


def test_the_applicant_downloads_answer_documents_without_a_marker(client):
    request = file_request(received=None)
    client.force_login(office_clerk())
    response = client.post(
        reverse("disclosure:request_act", args=[request.number, "answer"]),
        {
            "answer-reply_type": "disclosed",
            "answer-text": "现提供所申请的信息。",
            "answer-remedies": "行政复议、行政诉讼",
            "answer-documents": [
                SimpleUploadedFile("答复.pdf", pdf_with_markers()),
                SimpleUploadedFile("清单.docx", docx_with_markers()),
            ],
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.ANSWERED
    client.force_login(request.applicant)
    for document in request.documents.all():
        with document.file.open("rb") as handle:
            assert not marked(handle.read()), document.original_name
        download = client.get(reverse("disclosure:request_document", args=[document.pk]))
        assert download.status_code == 200
        assert not marked(b"".join(download.streaming_content)), document.original_name
    assert request.documents.count() == 2

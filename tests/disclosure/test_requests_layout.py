"""Where the office's request page puts the third party's answer: under the consultation it
closes, so that on a phone (one column) the question is read before the answer is recorded."""

import pytest
from django.urls import reverse

from disclosure.services.requests.consultation import request_consult
from tests.disclosure.factories import at, file_request, office_clerk

pytestmark = pytest.mark.django_db


def test_the_answer_form_sits_under_the_consultation(client):
    request = file_request()
    clerk = office_clerk()
    request_consult(
        actor=clerk,
        request=request,
        third_party="青山建材有限公司",
        question="是否同意公开贵公司的中标价格？",
        at=at("2026-11-04 10:00"),
    )
    client.force_login(clerk)
    response = client.get(reverse("disclosure:request_detail", args=[request.number]))
    text = response.content.decode()
    question = text.index("是否同意公开贵公司的中标价格？")
    assert question < text.index('id="action-consultation_answer"') < text.index("办理过程")

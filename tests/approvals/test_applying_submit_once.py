"""Submitting an application once per form: a double click or a resubmitted page submits once
and shows the same receipt, query code included."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from approvals.models import Case, CaseEvent
from tests.approvals.factories import PDF
from tests.submissions import token_on

pytestmark = pytest.mark.django_db


def _submission(token):
    return {
        "action": "submit",
        "submission_token": token,
        "material_0": SimpleUploadedFile("申请书.pdf", PDF, content_type="application/pdf"),
        "material_1": SimpleUploadedFile("身份证.pdf", PDF, content_type="application/pdf"),
    }


def _receipt(client, case, token):
    response = client.post(reverse("approvals:draft", args=[case.pk]), _submission(token))
    assert response["Location"] == reverse("approvals:submitted", args=[case.pk])
    return client.get(response["Location"]).context["query_code"]


@pytest.fixture
def started(client, citizen, process):
    client.force_login(citizen)
    client.post(reverse("approvals:apply", args=[process.item.pk]))
    return Case.objects.get()


def test_a_double_submission_submits_once_and_shows_the_same_query_code(client, started):
    token = token_on(client.get(reverse("approvals:draft", args=[started.pk])))
    first = _receipt(client, started, token)
    second = _receipt(client, started, token)
    assert first and second == first
    assert CaseEvent.objects.filter(case=started, code="submitted").count() == 1
    assert started.materials.count() == 2


def test_without_the_token_a_second_submission_only_shows_the_case(client, started):
    client.post(reverse("approvals:draft", args=[started.pk]), _submission(""))
    response = client.post(reverse("approvals:draft", args=[started.pk]), _submission(""))
    assert response["Location"] == reverse("approvals:case", args=[started.pk])

"""A PostgreSQL that refuses writes (a read-only replica, `default_transaction_read_only`):
writes answer 503 and store nothing, reads answer 200, /healthz says read-only."""

import pytest
from django.db import connection
from django.urls import reverse

from disclosure.models import InformationRequest
from petitions.models import Complaint
from portal import maintenance
from tests.disclosure.factories import office_department
from tests.factories import CitizenFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory

# Real top-level transactions: the setting applies to each new one, as on a replica.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def category():
    category = CategoryFactory(code="complaint", name="投诉")
    RoutingRuleFactory(category=category)
    return category


@pytest.fixture
def read_only():
    """Call it to make the database refuse every write from then on (this session's setting)."""

    def refuse_writes() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET default_transaction_read_only = on")

    yield refuse_writes
    with connection.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = off")
    maintenance.refusals.forget()


def test_a_complaint_answers_503_in_chinese_and_is_not_stored(client, category, read_only):
    read_only()
    response = client.post(
        reverse("petitions:file"),
        {
            "category": category.pk,
            "title": "路灯不亮",
            "content": "城关镇人民路路灯连续三晚不亮。",
            "is_anonymous": "on",
            "contact_method": "none",
        },
    )
    assert response.status_code == 503
    page = response.content.decode()
    assert "您提交的内容没有保存" in page
    assert "城关镇人民路路灯连续三晚不亮。" in page
    assert not Complaint.objects.exists()


def test_a_disclosure_request_answers_503_and_is_not_stored(client, read_only):
    office_department()
    client.force_login(CitizenFactory(real_name="赵六"))
    read_only()
    response = client.post(
        reverse("disclosure:request_new"),
        {
            "applicant_name": "赵六",
            "phone": "13900000001",
            "description": "请公开城关镇2025年道路维修项目的招标文件。",
            "delivery": "online",
        },
    )
    assert response.status_code == 503
    assert "请公开城关镇2025年道路维修项目的招标文件。" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_reads_answer_200(client, category, read_only):
    read_only()
    for name in ["portal:home", "petitions:index", "petitions:file", "disclosure:index"]:
        assert client.get(reverse(name)).status_code == 200, name


def test_healthz_says_read_only(client, read_only):
    read_only()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "read-only"
    assert response.json()["status"] == "degraded"

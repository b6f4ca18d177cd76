"""Control characters and overlong query values: one 400 page, before any view reads them."""

import pytest
from django.urls import reverse

from petitions.models import Complaint
from portal.input_guard import QUERY_VALUE_MAX_LENGTH
from tests.petitions.factories import CategoryFactory

pytestmark = pytest.mark.django_db

REFUSED = "请求中含有无法处理的内容，未作任何保存"


def _complaint(category, **extra) -> dict:
    return {
        "category": category.pk,
        "title": "超市销售过期食品",
        "content": "城南超市货架上有过期酸奶。",
        "is_anonymous": "on",
        "contact_method": "none",
        **extra,
    }


@pytest.mark.parametrize("value", ["\x00", "酸奶\x00", "\x1b[31m", "a\tb", "a\nb", "\x7f"])
def test_a_control_character_in_the_query_string_is_refused(client, value):
    response = client.get(reverse("disclosure:search"), {"q": value})
    assert response.status_code == 400
    assert REFUSED in response.content.decode()


def test_a_control_character_in_a_query_key_is_refused(client):
    response = client.get(reverse("disclosure:search"), {"q\x00": "酸奶"})
    assert response.status_code == 400


def test_a_query_value_past_the_limit_is_refused(client):
    url = reverse("disclosure:search")
    assert client.get(url, {"q": "酸" * QUERY_VALUE_MAX_LENGTH}).status_code == 200
    assert client.get(url, {"q": "酸" * (QUERY_VALUE_MAX_LENGTH + 1)}).status_code == 400


def test_a_nul_in_the_path_is_refused(client):
    assert client.get("/petitions/track/P2026%00/").status_code == 400


def test_a_nul_in_a_form_field_stores_nothing(client):
    category = CategoryFactory()
    response = client.post(
        reverse("petitions:file"), _complaint(category, title="超市\x00销售过期食品")
    )
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not Complaint.objects.exists()


def test_tab_and_line_breaks_in_form_text_reach_the_form(client):
    response = client.post(reverse("portal:login"), {"username": "a\tb", "password": "x\r\ny"})
    assert response.status_code == 200
    assert REFUSED not in response.content.decode()


def test_too_many_query_fields_get_the_same_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    response = client.get(reverse("disclosure:search"), {f"k{n}": "1" for n in range(5)})
    assert response.status_code == 400
    assert REFUSED in response.content.decode()

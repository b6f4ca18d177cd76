"""Tracking a complaint while Redis (the look-up rate limit) is down."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_number_and_code_open_the_case(client, file_complaint, routed_category, redis_down):
    complaint, code = file_complaint(category=routed_category)
    response = client.post(
        reverse("petitions:track"), {"number": complaint.number, "code": code}, follow=True
    )
    assert response.status_code == 200
    assert complaint.title in response.content.decode()


def test_guessing_codes_is_still_stopped(
    client, file_complaint, routed_category, settings, redis_down
):
    settings.PETITIONS_TRACK_ATTEMPTS_PER_HOUR = 2
    complaint, code = file_complaint(category=routed_category)
    for _ in range(2):
        client.post(reverse("petitions:track"), {"number": complaint.number, "code": "AAAAAAAA"})
    response = client.post(reverse("petitions:track"), {"number": complaint.number, "code": code})
    assert "次数过多" in response.content.decode()

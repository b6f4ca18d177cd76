"""Where the staff complaint page puts a move that acts on one part of the complaint: in that
part, so that on a phone (one column) it is not a screen away from what it decides."""

import pytest
from django.urls import reverse

from petitions.services.complaints import handling as handling_services

pytestmark = pytest.mark.django_db


def detail(client, user, complaint) -> str:
    client.force_login(user)
    response = client.get(reverse("petitions:staff_detail", args=[complaint.number]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_extension_decision_sits_under_the_request_it_decides(
    client, handling, clerk, operator
):
    handling_services.extension_request(
        actor=clerk, complaint=handling, days=5, reason="需现场核查"
    )
    text = detail(client, operator, handling)
    assert text.index("需现场核查") < text.index('id="action-extension_decide"')
    assert 'id="actions-heading"' not in text[: text.index('id="action-extension_decide"')]


def test_the_return_visit_sits_under_the_reply_it_asks_about(client, replied, operator):
    text = detail(client, operator, replied)
    reply = text.index("已责令下架并立案查处。")
    assert reply < text.index('id="action-return_visit"') < text.index("办理过程")

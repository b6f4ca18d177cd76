"""政民互动: one page leads to every interaction channel; the main menu links to it."""

import pytest
from django.urls import reverse

from petitions.views.interaction import CHANNELS

pytestmark = pytest.mark.django_db


def test_the_page_links_every_channel(client):
    response = client.get(reverse("petitions:interaction"))
    body = response.content.decode()
    assert response.status_code == 200
    for name, title, _text in CHANNELS:
        assert f'href="{reverse(name)}"' in body
        assert str(title) in body


def test_the_main_menu_leads_to_the_page(client):
    body = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("petitions:interaction")}"' in body

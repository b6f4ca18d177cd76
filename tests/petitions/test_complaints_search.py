"""A reply on the public board is findable in the site-wide search, with what the board shows."""

import pytest

from petitions.models import Complaint
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints.publicity import SEARCH_KIND, complaint_publicity_changed
from portal.search.models import SearchEntry
from tests.petitions.helpers import publish_on_board

pytestmark = pytest.mark.django_db
URL = "/disclosure/search/"


@pytest.fixture
def closed(replied, operator):
    Complaint.objects.filter(pk=replied.pk).update(allow_publication=True)
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    replied.refresh_from_db()
    return replied


def test_a_closed_complaint_is_not_indexed_before_its_reply_passes_moderation(closed):
    assert not SearchEntry.objects.filter(kind=SEARCH_KIND).exists()


def test_a_published_reply_is_indexed_with_the_board_texts(closed, operator):
    publish_on_board(closed, operator)
    entry = SearchEntry.objects.get(kind=SEARCH_KIND, object_id=closed.pk)

    assert entry.title == closed.title
    assert entry.fields["reply"] == "已责令下架并立案查处。"
    assert entry.url == f"/petitions/board/{closed.number}/"
    assert entry.department == closed.department


def test_the_search_page_finds_the_reply_and_names_the_field(client, closed, operator):
    publish_on_board(closed, operator)
    page = client.get(URL, {"q": "立案查处"}).content.decode()

    assert f'href="/petitions/board/{closed.number}/"' in page
    assert "诉求答复" in page and "匹配：答复" in page
    assert '<mark class="p-0">立案查处</mark>' in page


def test_a_complaint_off_the_board_leaves_the_index(closed, operator):
    publish_on_board(closed, operator)
    Complaint.objects.filter(pk=closed.pk).update(allow_publication=False)

    complaint_publicity_changed(closed)

    assert not SearchEntry.objects.filter(kind=SEARCH_KIND).exists()

import pytest
from django.utils import timezone

from disclosure.demo import columns as demo_columns
from disclosure.models import Article, Column, InfoReport
from disclosure.selectors.reporting import monthly_ranking
from portal import demo as portal_demo
from portal.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_the_demo_columns_are_published_searchable_and_idempotent(client):
    portal_demo.seed()
    logins = demo_columns.seed(scale=1)
    demo_columns.seed(scale=1)

    assert any(username == "admin" for username, _text in logins)
    assert Column.objects.count() == len(demo_columns.COLUMNS)
    published = Article.objects.published().count()
    assert published == len(demo_columns.ARTICLES)
    assert SearchEntry.objects.filter(kind="article").count() == published
    assert Article.objects.filter(status="review").count() == 1
    assert InfoReport.objects.count() == len(demo_columns.REPORTS)
    assert client.get("/disclosure/").status_code == 200
    assert client.get("/disclosure/columns/work-news/").status_code == 200


def test_the_demo_reports_give_a_ranking():
    portal_demo.seed()
    demo_columns.seed(scale=1)
    report = InfoReport.objects.filter(status="adopted").first()
    month = timezone.localtime(report.submitted_at)
    assert monthly_ranking(month.year, month.month)

"""The complaint figures of the public pages are materialised by beat (`portal.snapshots`):
pages read the stored figures and say when they were computed."""

import pytest
from django.urls import reverse
from django.utils import timezone

from petitions.selectors import complaints_public as public_complaints
from petitions.services.complaints import closing as closing_services
from portal import snapshots, tasks
from portal.models import Snapshot

pytestmark = pytest.mark.django_db


def test_the_figures_page_says_when_its_figures_were_computed(client, replied):
    page = client.get(reverse("petitions:figures")).content.decode()
    assert "数据更新于" in page


def test_figures_stay_as_stored_until_beat_refreshes_them(client, replied, operator):
    assert "100.0%" not in client.get(reverse("petitions:figures")).content.decode()
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    assert "100.0%" not in client.get(reverse("petitions:figures")).content.decode()
    tasks.refresh_snapshots()
    assert "100.0%" in client.get(reverse("petitions:figures")).content.decode()


def test_beat_refreshes_this_year_and_the_last(replied):
    year = timezone.localdate().year
    snapshots.refresh()
    keys = set(
        Snapshot.objects.filter(name=public_complaints.FIGURES).values_list("key", flat=True)
    )
    assert keys == {str(year), str(year - 1)}


def test_stored_figures_equal_the_figures_computed_from_the_complaints(replied, operator):
    closing_services.complaint_rate(complaint=replied, level="satisfied")
    closing_services.complaint_return_visit(actor=operator, complaint=replied, result="satisfied")
    year = timezone.localdate().year
    computed, computed_total = public_complaints.figures(year=year)
    stored, stored_total, _at = public_complaints.figures_stored(year=year)
    assert [(row.department, row.received, row.resolved, row.satisfied) for row in stored] == [
        (row.department, row.received, row.resolved, row.satisfied) for row in computed
    ]
    assert [row.month.isoformat()[:7] for row in stored] == [
        timezone.localtime(row.month).date().isoformat()[:7] for row in computed
    ]
    assert stored_total == computed_total


def test_the_home_page_reads_the_stored_figures_with_a_fixed_number_of_queries(
    client, replied, django_assert_max_num_queries
):
    client.get(reverse("portal:home"))
    with django_assert_max_num_queries(4):
        page = client.get(reverse("portal:home")).content.decode()
    assert "数据更新于" in page


def test_the_interaction_figures_are_read_from_their_snapshot(client):
    client.get(reverse("petitions:interaction_figures"))
    assert Snapshot.objects.filter(
        name="petitions.interaction", key=str(timezone.localdate().year)
    ).exists()
    assert "数据更新于" in client.get(reverse("petitions:interaction_figures")).content.decode()

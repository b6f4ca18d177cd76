"""The county loader of `bench/bench_http.py` at a tiny size on the demo county, and the page list
the bench finds in what it loaded.

Seeding the demo county takes about 30 s, so the module seeds and loads it once inside a
transaction that is rolled back at the end; each test runs in a savepoint within it.
"""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from approvals.models import Case, CaseTask
from bench.loaders import county
from bench.web import targets
from petitions.models import Complaint, Reply
from portal.roles import Role
from supervision.models import Clock
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

TINY = county.Sizes(
    items=60,
    articles=120,
    cases=150,
    complaints=90,
    officials=30,
    votes=200,
    clocks=900,
    citizens=40,
)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    # The demo's uploads go where the per-test fixture would put them, never into the var dir.
    uploads = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("uploads"))
    with django_db_blocker.unblock(), transaction.atomic(), uploads:
        call_command("seed_demo", stdout=io.StringIO())
        before = {model: model.objects.count() for model in (Clock, Complaint)}
        yield county.load(TINY), before
        transaction.set_rollback(True)


def test_the_county_loader_spreads_work_and_keeps_what_pages_read_consistent(loaded, client):
    added, before = loaded
    assert added["cases"] == TINY.cases and added["complaints"] == TINY.complaints
    assert Clock.objects.count() - before[Clock] == TINY.clocks
    loaded_cases = Case.objects.filter(number__startswith="BA")
    assert loaded_cases.values("department").distinct().count() > 1
    assert loaded_cases.values("applicant").distinct().count() > 10
    open_cases = loaded_cases.filter(status="in_progress")
    assert (
        CaseTask.objects.filter(case__in=open_cases, status="active").count() == open_cases.count()
    )
    assert not loaded_cases.filter(status="finished", clock__state="running").exists()
    complaints = Complaint.objects.order_by("id")[before[Complaint] :]
    closed = [c.pk for c in complaints if c.status == "closed"]
    assert Reply.objects.filter(complaint__in=closed).count() == len(closed)
    months = Counter(c.registered_at.month for c in complaints)
    assert len(months) > 6
    # Which units have open cases depends on the ids the database hands out: a window clerk of
    # the first one's unit opens it.
    case = open_cases.order_by("pk").first()
    client.force_login(StaffFactory(department=case.department, roles=[Role.WINDOW_CLERK]))
    assert client.get(f"/approvals/staff/cases/{case.pk}/").status_code == 200


def test_the_bench_finds_a_page_for_every_role(loaded):
    pages = targets.pages()
    roles = {page.role for page in pages}
    assert {
        None,
        "13900000001",
        "clerk_a",
        "head_market",
        "operator",
        "leader",
        "inspector",
    } <= roles
    assert {page.floor for page in pages if page.method == "POST"} == {"form", ""}

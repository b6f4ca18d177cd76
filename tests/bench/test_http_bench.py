"""The pieces of `bench/bench_http.py --quick`, run cheaply so the harness cannot rot: the county
loader at a tiny size on the demo county, the page list it finds, the floors and the query
counter of the server, wrk with the bench's Lua script, and the report."""

import io
import shutil
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import include, path

from approvals.models import Case, CaseTask
from bench.loaders import county
from bench.web import report, run, server, targets
from petitions.models import Complaint, Reply
from portal.models import User
from supervision.models import Clock

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
urlpatterns = [
    path("bench/tiny/", server.tiny),
    path("bench/bare/", server.bare_page),
    path("bench/form/", server.bare_form),
    path("", include("portal.urls")),
]


@pytest.fixture
def loaded(db):
    call_command("seed_demo", stdout=io.StringIO())
    before = {model: model.objects.count() for model in (Clock, Complaint)}
    return county.load(TINY), before


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
    clerk = User.objects.get(username="clerk_a")
    client.force_login(clerk)
    case = open_cases.filter(department=clerk.department).first()
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


def test_the_query_counter_answers_only_when_asked(db, client, settings):
    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = ["bench.web.server.QueryCountMiddleware", *settings.MIDDLEWARE]
    asked = client.get("/bench/bare/", headers={"X-Bench-Queries": "1"})
    assert asked.status_code == 200 and int(asked["X-Bench-Queries"]) >= 1
    assert "X-Bench-Queries" not in client.get("/bench/bare/")
    assert not connection.force_debug_cursor


@pytest.mark.skipif(not shutil.which(run.WRK), reason="wrk is not installed")
def test_wrk_with_the_bench_script_reports_figures(live_server, settings):
    settings.ROOT_URLCONF = __name__
    port = int(live_server.url.rsplit(":", 1)[1])
    page = targets.Page("tiny", None, "/bench/tiny/")
    figures = run.run_wrk(port, page, {"jar": {}, "token": ""}, 1, connections=2)
    assert figures["requests"] > 0 and figures["wrong"] == 0 and figures["p50"] > 0


def test_the_report_gives_each_page_its_ratio_to_its_floor():
    def figures(rate, p50):
        return {"rate": rate, "p50": p50, "p99": p50 * 2, "wrong": 0, "socket_errors": 0}

    results = [
        (targets.FLOORS[1], 200, 1, figures(500, 10)),
        (targets.Page("home", None, "/"), 200, 4, figures(100, 30)),
        (
            targets.Page("plain form POST (floor)", None, "/bench/form/", "POST", floor=""),
            200,
            1,
            figures(800, 5),
        ),
        (targets.Page("a vote", None, "/x/", "POST", 302, floor="form"), 302, 6, figures(400, 9)),
    ]
    text = report.render(
        results,
        scale="small",
        seconds=2,
        seed_seconds=3,
        sizes={"cases": 10},
        machine="2 cores",
        memory=[[100.0, 101.0], [104.0, 102.0]],
        command="bench/bench_http.py --quick",
    )
    assert (
        "| home | public | `/` | 200 | 4 | 100 | 30.0 | 60.0 | 3.0× | 0.20 | 0 | **missed** |"
        in text
    )
    assert (
        "| a vote | public | `/x/` | 302 | 6 | 400 | 9.0 | 18.0 | 1.8× | 0.50 | 0 | **missed** |"
        in text
    )
    assert "flat" in text


def test_the_plain_form_floor_stores_one_row_and_redirects(db, client, settings):
    settings.ROOT_URLCONF = __name__
    key = "bigserial" if connection.vendor == "postgresql" else "integer"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {server.BARE_TABLE} (id {key} PRIMARY KEY, body text)")
    assert client.get("/bench/form/").status_code == 200
    response = client.post("/bench/form/", {"body": "one"})
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {server.BARE_TABLE}")
        rows = cursor.fetchall()
    assert response.status_code == 302
    assert rows == [("one",)]

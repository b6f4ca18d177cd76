"""The pieces of `bench/bench_http.py --quick`, run cheaply so the harness cannot rot: the floors
and the query counter of the server, wrk with the bench's Lua script, and the report (the county
loader and the page list it finds: test_county_loader.py)."""

import shutil

import pytest
from django.db import connection
from django.urls import include, path

from bench.web import client, report, run, server, targets

urlpatterns = [
    path("bench/tiny/", server.tiny),
    path("bench/bare/", server.bare_page),
    path("bench/form/", server.bare_form),
    path("", include("portal.urls")),
]


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


def figures(rate, p50):
    return {"rate": rate, "p50": p50, "p99": p50 * 2, "wrong": 0, "socket_errors": 0}


def render(results, **options):
    return report.render(
        results,
        **{
            "scale": "small",
            "seconds": 2,
            "seed_seconds": None,
            "sizes": {"cases": 10},
            "machine": "2 cores",
            "memory": None,
            "command": "bench/bench_http.py --quick",
            **options,
        },
    )


def test_the_report_gives_each_page_its_ratio_to_its_floor():
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
    text = render(results, seed_seconds=3, memory=[[100.0, 101.0], [104.0, 102.0]])
    assert (
        "| home | public | `/` | 200 | 4 | 100 | 30.0 | 60.0 |  | 3.0× | 0.20 | 0 | **missed** |"
        in text
    )
    assert (
        "| a vote | public | `/x/` | 302 | 6 | 400 | 9.0 | 18.0 |  | 1.8× | 0.50 | 0 | **missed** |"
        in text
    )
    assert "flat" in text


def test_a_page_is_compared_with_its_floor_measured_just_before_it():
    results = [
        (targets.FLOORS[1], 200, 1, figures(500, 10)),
        (targets.Page("home", None, "/"), 200, 4, figures(100, 30)),
    ]
    # The machine slowed down after the floor's own row: 10 ms then, 20 ms just before home.
    text = render(results, adjacent={"home": figures(250, 20)})
    assert (
        "| home | public | `/` | 200 | 4 | 100 | 30.0 | 60.0 | 20.0 | 1.5× | 0.40 | 0 | met |"
        in text
    )


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


def test_a_page_s_queries_are_the_fewest_of_three_requests(monkeypatch):
    # Two workers: the counted request may reach the one whose caches are still cold.
    counts = iter(["12", "8", "9"])

    def fetch(port, path, method="GET", body=None, headers=None):
        if headers and "X-Bench-Queries" in headers:
            return 200, [("X-Bench-Queries", next(counts))], ""
        return 200, [], ""

    monkeypatch.setattr(client, "fetch", fetch)
    page = targets.Page("clerk case", "clerk_a", "/approvals/staff/cases/3/")
    assert client.count_queries(8000, page, {"jar": {}, "token": ""}) == (200, 8)


def test_a_ceiling_is_reported_as_a_ceiling_not_as_a_target_met_or_missed():
    results = [
        (targets.FLOORS[1], 200, 1, figures(500, 10)),
        (targets.statements_alone("citizen case"), 200, 6, figures(100, 30)),
    ]
    text = render(results)
    assert (
        "| citizen case: its statements alone (ceiling) | public | "
        "`/bench/statements/citizen-case/` | 200 | 6 | 100 | 30.0 | 60.0 |  | 3.0× | 0.20 | 0 | "
        "ceiling |" in text
    )

"""Benchmark: every role's main pages and the write paths over HTTP at county scale (issue 21).

Run: `.venv/bin/python bench/bench_http.py [--scale county|10x] [--seconds 10] [--reuse]`
(PostgreSQL on 127.0.0.1:5432, database `bench_http`, recreated and seeded with
`seed_demo --scale <scale>` unless `--reuse`). The script starts gunicorn (2 sync workers,
DEBUG off, its own free port), signs in as each demo role, and drives each page with
`wrk -t2 -c16 -d<seconds>s` in turn, in the same run as four floors that never ship: a tiny
response, a bare page rendering 50 rows in `base.html` with one query, a bare single-row
insert and a plain form POST storing one row. Each page's queries are counted on one request
(a header asks this server to count).
Writes the table into the `http` section of docs/PERFORMANCE.md (another scale: `http-<scale>`;
`BENCH_HTTP_DB=bench_http_10x` keeps the 10x data beside the county's).

`--quick`: a small county (`--scale small`) and 2 s per page, to see that the harness works.
`--memory`: a 10-minute mixed run over all pages, sampling each worker's RSS every 30 s.
`--sweep`: also run `bench/bench_supervision.py` (the sweep over 1M clocks vs a bare UPDATE).

This one file is also the settings module and URLconf of the benchmarked server (imported by
gunicorn with BENCH_HTTP_SERVER=1).
"""

import os
import sys

if os.environ.get("BENCH_HTTP_SERVER"):
    # --- Imported by gunicorn: settings and URLconf of the server under test ------------------
    from portal.settings import *  # noqa: F403
    from portal.settings import MIDDLEWARE, STORAGES

    DEBUG = False
    ROOT_URLCONF = "bench_http"
    ALLOWED_HOSTS = ["127.0.0.1"]
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
    # The bench posts from one address far more often than a citizen would.
    for _name in [name for name in dir() if name.endswith("_PER_HOUR")]:
        globals()[_name] = 10**9
    EVALUATION_ANONYMOUS_RATE = (10**9, 3600)
    MIDDLEWARE = ["bench.web.server.QueryCountMiddleware", *MIDDLEWARE]

    def __getattr__(name):
        # The URLconf is read after the apps are loaded; building it at settings time is too early.
        if name == "urlpatterns":
            from django.urls import include, path

            from bench.web import ceilings
            from bench.web import server as views

            return [
                path("bench/tiny/", views.tiny),
                path("bench/bare/", views.bare_page),
                path("bench/insert/", views.bare_insert),
                path("bench/form/", views.bare_form),
                path("bench/statements/<str:name>/", ceilings.its_statements),
                path("bench/vote/<int:pk>/", ceilings.vote_in_four_statements),
                path("", include("portal.urls")),
            ]
        raise AttributeError(name)
else:
    from pathlib import Path

    ROOT = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(ROOT))

    from bench.web.run import main

    if __name__ == "__main__":
        sys.exit(main())

"""What the HTTP bench adds to the server under test (`bench/bench_http.py`): never shipped.

Three floors measured in the same run as the pages (a tiny response; a bare page of 50 rows in
`base.html` with one query; a bare single-row insert), and a middleware that counts a request's
queries when the bench asks for it with a header.
"""

from django.db import connection
from django.http import HttpResponse
from django.template import engines

COUNT_HEADER = "HTTP_X_BENCH_QUERIES"
BARE_TABLE = "bench_bare"
BARE_TEMPLATE = """{% extends "base.html" %}{% block content %}<table class="table">
{% for row in rows %}<tr><td>{{ row.0 }}</td><td>{{ row.1 }}</td><td>{{ row.2 }}</td></tr>{% endfor %}
</table>{% endblock %}"""


def tiny(request):
    """The ceiling of the server itself: no session, no query, no template."""
    return HttpResponse("ok", content_type="text/plain")


def bare_page(request):
    """The floor every page is compared with: the shell and 50 article rows from one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title, published_at FROM disclosure_article ORDER BY id DESC LIMIT 50"
        )
        rows = cursor.fetchall()
    template = engines["django"].from_string(BARE_TEMPLATE)
    return HttpResponse(template.render({"rows": rows}, request))


def bare_insert(request):
    """The floor of a write: one INSERT, no form, no session, no template."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BARE_TABLE} (body) VALUES (%s)", [request.POST.get("body", "")]
        )
    return HttpResponse("ok", content_type="text/plain")


bare_insert.csrf_exempt = True


class QueryCountMiddleware:
    """Answer `X-Bench-Queries: <n>` for a request sent with that header (DEBUG is off)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if COUNT_HEADER not in request.META:
            return self.get_response(request)
        connection.force_debug_cursor = True
        start = len(connection.queries_log)
        try:
            response = self.get_response(request)
        finally:
            connection.force_debug_cursor = False
        response["X-Bench-Queries"] = str(len(connection.queries_log) - start)
        return response

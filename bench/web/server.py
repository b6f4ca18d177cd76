"""What the HTTP bench adds to the server under test (`bench/bench_http.py`): never shipped.

Four floors measured in the same run as the pages (a tiny response; a bare page of 50 rows in
`base.html` with one query; a bare single-row insert; a plain form POST that stores one row),
and a middleware that counts a request's queries when the bench asks for it with a header.
"""

from django import forms
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.template import engines

COUNT_HEADER = "HTTP_X_BENCH_QUERIES"
CAPTURE_HEADER = "HTTP_X_BENCH_CAPTURE"
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

FORM_TEMPLATE = """{% extends "base.html" %}{% block content %}<form method="post">
{% csrf_token %}{{ form }}<button type="submit">ok</button></form>{% endblock %}"""


class BareForm(forms.Form):
    body = forms.CharField(max_length=200)


def bare_form(request):
    """The floor the write targets name: a plain form POST (CSRF checked, the form validated)
    that stores one row and redirects, as a Django form view does."""
    form = BareForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {BARE_TABLE} (body) VALUES (%s)", [form.cleaned_data["body"]]
            )
        return HttpResponseRedirect(request.path)
    return form_page(request, form)


def form_page(request, form):
    template = engines["django"].from_string(FORM_TEMPLATE)
    return HttpResponse(template.render({"form": form}, request))


class QueryCountMiddleware:
    """Answer `X-Bench-Queries: <n>` for a request sent with that header (DEBUG is off); with
    `X-Bench-Capture: <name>`, also keep its statements for the ceiling `<name>`
    (`bench/web/ceilings.py`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        capture = request.META.get(CAPTURE_HEADER)
        if COUNT_HEADER not in request.META and not capture:
            return self.get_response(request)
        connection.force_debug_cursor = True
        start = len(connection.queries_log)
        try:
            response = self.get_response(request)
        finally:
            connection.force_debug_cursor = False
        statements = [query["sql"] for query in list(connection.queries_log)[start:]]
        response["X-Bench-Queries"] = str(len(statements))
        if capture:
            from bench.web import ceilings  # which imports this module

            ceilings.save_statements(capture, statements)
        return response

"""Error pages in the portal's style."""

import sys

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from portal import maintenance


def bad_request(request, exception=None):
    """Answer input no page takes (control characters, overlong values, a malformed upload)."""
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # A write the database refused outside a view (the session saved on the way out): 503.
    refusal = maintenance.refusal_for(request, sys.exc_info()[1])
    if refusal is not None:
        return refusal
    # No request context: the page must render when the database or the session is what failed.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


def csrf_failure(request, reason=""):
    """Answer a form sent without a valid token (an expired page, cookies off) in our style."""
    return render(request, "errors/403_csrf.html", status=403)

"""Refuse hostile input once, before any view: control characters and overlong query values.

PostgreSQL refuses a NUL in text ("A string literal cannot contain NUL"), so a `?q=%00` that
reaches a filter or a form that reaches a save answers 500 unless something stops it first. No
page of the portal takes control characters: a query string never carries them, and form text
keeps only the tab and the line breaks a textarea sends. Rather than trusting each view and form
to clean every field, this middleware answers 400 with a page in the visitor's language before
the view runs, so nothing is read or stored. Malformed numbers and dates are the query-parameter
helpers' business (`portal.query_params`); forms report their own fields' errors.
"""

import re

from portal.views.errors import bad_request

# C0 controls and DEL; form text may keep the tab, CR and LF a textarea sends.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FORM_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# No query value of ours comes near this (searches keep 60 characters, a `next` is one path);
# longer ones are someone probing, and refusing them keeps them out of filters and logs.
QUERY_VALUE_MAX_LENGTH = 500


def has_control(value: str, *, in_form: bool = False) -> bool:
    """Whether `value` holds a control character a page of ours never takes."""
    return (FORM_CONTROL if in_form else CONTROL).search(value) is not None


def query_is_hostile(query) -> bool:
    """Whether a query string holds a control character or a key or value past the limit."""
    limit = QUERY_VALUE_MAX_LENGTH
    return any(
        has_control(key) or len(key) > limit or has_control(value) or len(value) > limit
        for key, values in query.lists()
        for value in values
    )


def form_is_hostile(data, files) -> bool:
    """Whether a submitted form holds a control character in a field.

    Django's multipart parser already drops control characters from uploaded files' names.
    """
    return any(
        has_control(key) or has_control(value, in_form=True)
        for key, values in data.lists()
        for value in values
    ) or any(has_control(key) for key in files)


class HostileInputMiddleware:
    """Answer 400 to a request whose path, query string or form holds input no page takes.

    It runs as the last `process_view`, once the staff-host and second-factor rules have answered
    what is not meant for the visitor, and before the view reads or stores anything.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        hostile = has_control(request.path_info) or query_is_hostile(request.GET)
        if not hostile and request.method == "POST":
            hostile = form_is_hostile(request.POST, request.FILES)
        return bad_request(request) if hostile else None

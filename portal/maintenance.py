"""Read-only and maintenance mode: a write that cannot be stored answers 503, never 500.

While `MAINTENANCE` is on, every unsafe request is refused before its view runs. Whatever the
setting, a write the database refuses (a read-only replica or `default_transaction_read_only`:
SQLSTATE 25006; a full disk: 53100; SQLite on a read-only file or a full disk) or a database that
cannot be reached (restarting, shut down, connection lost) ends in the same 503 page: it tells
the user that nothing was stored and to try again later, shows what they typed and offers it back
with a fresh CSRF token. Every service writes in one transaction, so "not stored" is true. Reads
keep working: only requests that write meet the page.
"""

import logging
import re
import time
from collections.abc import Iterator

from django.conf import settings
from django.db import Error, InterfaceError, OperationalError
from django.http import HttpResponse
from django.http.request import RawPostDataException
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Pages that only set a cookie: they work while writes are refused.
COOKIE_ONLY_VIEWS = frozenset({"set_language"})

MAINTENANCE = "maintenance"
REFUSED = "refused"
UNAVAILABLE = "unavailable"

# PostgreSQL: read_only_sql_transaction, disk_full.
REFUSED_SQLSTATES = frozenset({"25006", "53100"})
# PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (class 08: connection errors).
UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
# SQLite: a read-only file (SQLITE_READONLY and its extended codes), a full disk.
REFUSED_SQLITE = ("SQLITE_READONLY", "SQLITE_FULL")
UNAVAILABLE_SQLITE = ("SQLITE_CANTOPEN",)
# A refusal stays visible in /healthz this long: a full disk cannot be seen with a SELECT.
REFUSAL_MEMORY_SECONDS = 60


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def refusal_kind(error: BaseException) -> str | None:
    """Return REFUSED (the database refused a write), UNAVAILABLE (it could not be reached) or None.

    Django wraps the driver's exception; the SQLSTATE (psycopg) or the SQLite error name is on
    the driver's exception, its cause.
    """
    if not isinstance(error, Error):
        return None
    for cause in _chain(error):
        sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None) or ""
        sqlite_name = getattr(cause, "sqlite_errorname", None) or ""
        if sqlstate in REFUSED_SQLSTATES or sqlite_name.startswith(REFUSED_SQLITE):
            return REFUSED
        if (
            sqlstate in UNAVAILABLE_SQLSTATES
            or sqlstate.startswith("08")
            or sqlite_name.startswith(UNAVAILABLE_SQLITE)
        ):
            return UNAVAILABLE
        # psycopg gives no SQLSTATE when the server cannot be reached or the connection dropped.
        if (
            not sqlstate
            and isinstance(error, OperationalError)
            and type(cause).__module__.startswith("psycopg")
        ):
            return UNAVAILABLE
    return UNAVAILABLE if isinstance(error, InterfaceError) else None


class RefusalMemory:
    """When this process last saw the database refuse a write, for /healthz."""

    def __init__(self):
        self.at: float | None = None

    def note(self) -> None:
        self.at = time.monotonic()

    def recent(self) -> bool:
        """Whether a write was refused in the last REFUSAL_MEMORY_SECONDS."""
        return self.at is not None and time.monotonic() - self.at < REFUSAL_MEMORY_SECONDS

    def forget(self) -> None:
        self.at = None


refusals = RefusalMemory()


def resubmittable_fields(request) -> tuple[list[tuple[str, str]], bool]:
    """Return the posted (name, value) pairs to offer back, and whether any were left out.

    Passwords are never written into a page, and files cannot be: both must be given again.
    """
    try:
        posted = list(request.POST.lists())
        has_files = bool(request.FILES)
    except RawPostDataException:
        # The view read the raw body (not a form): there are no fields to offer back.
        return [], False
    kept = []
    left_out = has_files
    for name, values in posted:
        if name == "csrfmiddlewaretoken":
            continue
        if "password" in name.lower():
            left_out = True
            continue
        kept.extend((name, value) for value in values)
    return kept, left_out


# Machinery a form posts that the user never typed (the one-time submission token).
UNTYPED_FIELDS = {"submission_token"}
# A choice's code ("sms", "in_progress", "market"): chosen from a list, not typed.
CHOICE_CODE = re.compile(r"[a-z][a-z0-9_.-]{0,39}")


def is_typed_text(name: str, value: str) -> bool:
    """Whether a posted value is something the user typed (not a box ticked or a code chosen)."""
    value = value.strip()
    if name in UNTYPED_FIELDS or not value or value.isdigit() or value == "on":
        return False
    return not CHOICE_CODE.fullmatch(value)


def refusal_response(request, *, reason: str) -> HttpResponse:
    """The 503 page: nothing was stored, try again later, here is what you typed."""
    unsafe = request.method not in SAFE_METHODS
    fields, left_out = resubmittable_fields(request) if unsafe else ([], False)
    response = render(
        request,
        "errors/503.html",
        {
            "reason": reason,
            "unsafe": unsafe,
            "fields": fields,
            "typed": [value for name, value in fields if is_typed_text(name, value)],
            "left_out": left_out,
            # Sent again without its files, a form could be stored without its attachments.
            "can_resubmit": unsafe and not request.FILES,
            "action": request.get_full_path(),
        },
        status=503,
    )
    response["Retry-After"] = str(settings.MAINTENANCE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def refusal_for(request, error: BaseException) -> HttpResponse | None:
    """Return the 503 page when `error` means the database refused or is away, else None."""
    kind = refusal_kind(error)
    if kind is None:
        return None
    if kind == REFUSED:
        refusals.note()
    logger.warning(
        "%s %s: database %s (%s)", request.method, request.path, kind, type(error).__name__
    )
    return refusal_response(request, reason=kind)


class WriteRefusalMiddleware:
    """Answer a write that cannot be stored with the 503 page, whatever view it reached.

    It sits after the CSRF check, so a forged form never gets its fields offered back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            settings.MAINTENANCE
            and request.method not in SAFE_METHODS
            and request.resolver_match.view_name not in COOKIE_ONLY_VIEWS
        ):
            return refusal_response(request, reason=MAINTENANCE)
        return None

    def process_exception(self, request, exception):
        return refusal_for(request, exception)

"""Reads from a PostgreSQL read replica (只读副本) for the pages that tolerate a second of lag.

Off unless `DATABASE_REPLICA_URL` is set (see docs/SCALING.md). Two kinds of request read from the
replica: a GET of a public page by someone without a session (the open site, most of the traffic),
and a GET of a dashboard named in `REPLICA_READ_VIEWS` (the supervision dashboard, the leader's
brief, figures), after the signed-in user has been loaded from the primary. Everything else — every
write, every page of one's own matters, anything inside a transaction — uses the primary, so nobody
reads their own submission from a replica that has not received it yet.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

from portal.middleware import Audience, audience_of

REPLICA = "replica"

_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def replica_reads():
    """Within the block, reads outside a transaction go to the replica (when one is configured)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


class ReplicaRouter:
    """Send reads to the replica inside `replica_reads()`; writes and migrations to the primary."""

    def db_for_read(self, model, **hints):
        if not _reading_from_replica.get():
            return None
        # A read inside a transaction may decide a write: it must see the primary's rows.
        if connections["default"].in_atomic_block:
            return "default"
        return REPLICA

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: objects from either may be related.
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA


def reads_from_replica(request) -> bool:
    """Whether this request may read from the replica (see the module docstring)."""
    if request.method not in ("GET", "HEAD") or request.resolver_match is None:
        return False
    if request.resolver_match.view_name in settings.REPLICA_READ_VIEWS:
        return True
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and audience_of(request.resolver_match) == Audience.PUBLIC
    )


class ReplicaReadsMiddleware:
    """Serve `reads_from_replica` requests with reads from the replica, rendering included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_replica_token", None)
            if token is not None:
                _reading_from_replica.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if replica_configured() and reads_from_replica(request):
            # Load the signed-in user and the session from the primary: a login a moment ago may
            # not have reached the replica yet.
            request.user.is_authenticated  # noqa: B018
            request._replica_token = _reading_from_replica.set(True)

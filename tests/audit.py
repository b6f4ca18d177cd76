"""Tampering with an event table as a superuser would, for the audit-chain tests."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def tampering(table: str):
    """A cursor for raw SQL on `table`; on PostgreSQL its append-only trigger is off meanwhile."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of this transaction's inserts must run before ALTER.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        yield cursor
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")

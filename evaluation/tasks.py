"""Thin Celery tasks of the efficiency rating."""

from celery import shared_task

from evaluation import services
from portal.audit import acting_as


@shared_task
def check_tallies() -> int:
    """Nightly: recount dissatisfied votes and raise any warning missed (idempotent)."""
    with acting_as(None):
        return services.tallies_check()

"""Thin Celery tasks of the efficiency rating."""

from celery import shared_task

from evaluation.services import tallies as tally_services
from portal.audit import acting_as


@shared_task
def check_tallies() -> int:
    """Nightly: recount dissatisfied votes and raise any warning missed (idempotent)."""
    with acting_as(None):
        return tally_services.tallies_check()

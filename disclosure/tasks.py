"""Thin Celery tasks of the disclosure pillar."""

from celery import shared_task

from disclosure.services.columns import columns_check
from disclosure.services.requests import deadlines


@shared_task(ignore_result=True)
def check_disclosure_columns() -> None:
    """Daily: alerts for stale columns and articles not published within 20 working days."""
    columns_check()


@shared_task(ignore_result=True)
def request_deadlines() -> None:
    """Deem late supplements abandoned (视为放弃) and resume clocks after lapsed consultations."""
    deadlines.request_deadlines()

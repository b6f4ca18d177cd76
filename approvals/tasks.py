"""Thin Celery tasks of approvals."""

from celery import shared_task

from approvals.services.handling.acceptance import cases_deem_accepted
from approvals.services.handling.legal import cases_check_legal_limits


@shared_task(ignore_result=True)
def deem_accepted() -> int:
    """行政许可法 Art 32: cases left without a notice or decision for 5 WD count as accepted."""
    return cases_deem_accepted()


@shared_task(ignore_result=True)
def check_legal_limits() -> int:
    """Alert on cases still running past their legal limit (法定办结时限)."""
    return cases_check_legal_limits()

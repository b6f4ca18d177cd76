"""Thin Celery tasks of supervision: the sweep, notice notifications, the calendar check,
the nightly audit-chain check and the monthly leader brief."""

from celery import shared_task

from portal import event_chain
from supervision.models import Alert
from supervision.services import alerts, brief, notices, sweep


@shared_task(ignore_result=True)
def sweep_clocks() -> None:
    sweep.sweep_clocks()
    notices.notify_pending()


@shared_task(ignore_result=True)
def notify_notices() -> None:
    notices.notify_pending()


@shared_task(ignore_result=True)
def check_calendar_years() -> None:
    alerts.calendar_check()


@shared_task(ignore_result=True)
def verify_audit() -> None:
    """Walk the audit hash chains nightly; a broken one raises a serious alert per table."""
    for problem in event_chain.verify().problems:
        alerts.alert_raise(
            kind=Alert.Kind.AUDIT_BROKEN,
            severity=Alert.Severity.SERIOUS,
            department=None,
            subject_ref=f"{problem.table}#{problem.row_id}",
            subject_url="",
            message=problem.message(),
            dedup_key=f"audit-broken:{problem.table}:{problem.row_id}",
        )


@shared_task(ignore_result=True)
def generate_brief() -> None:
    """Store and deliver last month's leader brief on the month's first working day."""
    brief.brief_generate_due()

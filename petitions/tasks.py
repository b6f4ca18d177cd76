"""Thin Celery tasks of petitions."""

from celery import shared_task

from petitions.services.consultations import consultations_check_feedback
from petitions.services.messages.handling import messages_check_hard_line
from petitions.services.monitors import monitors_check_missing


@shared_task(ignore_result=True)
def check_consultation_feedback() -> int:
    """Alert on consultations closed 30 days or more without their adoption feedback."""
    return consultations_check_feedback()


@shared_task(ignore_result=True)
def check_message_hard_line() -> int:
    """Raise the serious alert, once, for valid messages unanswered past 3 months."""
    return messages_check_hard_line()


@shared_task(ignore_result=True)
def check_monitor_reports() -> int:
    """Alert, once per monitor and month, on monitors who filed no report last month."""
    return monitors_check_missing()

"""Thin Celery tasks of petitions."""

from celery import shared_task

from petitions.services.consultations import consultations_check_feedback
from petitions.services.messages.handling import messages_check_hard_line


@shared_task(ignore_result=True)
def check_consultation_feedback() -> int:
    """Alert on consultations closed 30 days or more without their adoption feedback."""
    return consultations_check_feedback()


@shared_task(ignore_result=True)
def check_message_hard_line() -> int:
    """Raise the serious alert, once, for valid messages unanswered past 3 months."""
    return messages_check_hard_line()

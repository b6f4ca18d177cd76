"""Thin Celery tasks of supervision: the sweep, notice notifications, the calendar check."""

from celery import shared_task

from supervision.services import alerts, notices, sweep


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

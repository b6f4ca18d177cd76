"""Time travel for the daily check: stale columns and the 20-working-day publication rule."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure.services import columns as services
from disclosure.tasks import check_disclosure_columns
from portal import workdays
from supervision.models import Alert
from tests.disclosure.factories import (
    ArticleFactory,
    ColumnFactory,
    admin,
    published_article,
)

pytestmark = pytest.mark.django_db


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_column_past_its_interval_raises_one_alert_against_its_department():
    column = ColumnFactory(name="工作动态", update_interval_days=7)
    published_article(column=column, at=at(datetime.date(2026, 3, 2)))

    services.columns_check(today=datetime.date(2026, 3, 9))
    assert not Alert.objects.exists()  # due on the 9th: still in time

    services.columns_check(today=datetime.date(2026, 3, 10))
    services.columns_check(today=datetime.date(2026, 3, 11))
    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.STALE_COLUMN and alert.department == column.department
    assert "工作动态" in alert.text and "2026-03-02" in alert.text


def test_a_new_update_then_a_new_lapse_raises_a_new_alert():
    column = ColumnFactory(update_interval_days=7)
    published_article(column=column, at=at(datetime.date(2026, 3, 2)))
    services.columns_check(today=datetime.date(2026, 3, 10))
    published_article(column=column, at=at(datetime.date(2026, 3, 12)))

    services.columns_check(today=datetime.date(2026, 3, 15))
    assert Alert.objects.count() == 1
    services.columns_check(today=datetime.date(2026, 3, 20))
    assert Alert.objects.filter(kind=Alert.Kind.STALE_COLUMN).count() == 2


def test_a_column_never_updated_counts_from_its_creation():
    ColumnFactory(update_interval_days=30, created_at=at(datetime.date(2026, 1, 5)))
    services.columns_check(today=datetime.date(2026, 2, 4))
    assert not Alert.objects.exists()
    services.columns_check(today=datetime.date(2026, 2, 5))
    assert Alert.objects.filter(kind=Alert.Kind.STALE_COLUMN).count() == 1


def test_an_inactive_column_is_never_stale():
    ColumnFactory(is_active=False, update_interval_days=1, created_at=at(datetime.date(2025, 1, 1)))
    services.columns_check(today=datetime.date(2026, 3, 1))
    assert not Alert.objects.exists()


def test_an_article_not_published_within_20_working_days_raises_one_alert():
    created = at(datetime.date(2026, 3, 2))
    column = ColumnFactory(update_interval_days=3650)
    article = ArticleFactory(column=column, title="城区道路改造公告", created_at=created)
    due = workdays.add_working_days(created, 20).date()

    services.columns_check(today=due)
    assert not Alert.objects.exists()

    after = due + datetime.timedelta(days=1)
    while not workdays.is_working_day(after):
        after += datetime.timedelta(days=1)
    services.columns_check(today=after)
    services.columns_check(today=after + datetime.timedelta(days=1))
    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.LATE_PUBLICATION and alert.department == article.department
    assert "城区道路改造公告" in alert.text


def test_a_published_article_is_not_late_and_a_revision_counts_from_the_change():
    created = at(datetime.date(2026, 3, 2))
    column = ColumnFactory(update_interval_days=3650)
    article = published_article(column=column, created_at=created, at=created)
    services.columns_check(today=datetime.date(2026, 6, 1))
    assert not Alert.objects.exists()

    article = services.article_revise(actor=admin(), article=article)
    # The revision was opened on 1 June: the 20 WD count from then.
    article.revisions.update(created_at=at(datetime.date(2026, 6, 1)))
    services.columns_check(today=datetime.date(2026, 6, 10))
    assert not Alert.objects.exists()
    services.columns_check(today=datetime.date(2026, 7, 31))
    assert Alert.objects.filter(kind=Alert.Kind.LATE_PUBLICATION).count() == 1


def test_the_command_and_the_task_run_the_check(capsys):
    ColumnFactory(update_interval_days=1, created_at=at(datetime.date(2026, 1, 5)))
    call_command("check_disclosure_columns", "--today", "2026-02-01")
    assert "stale columns 1" in capsys.readouterr().out
    check_disclosure_columns.delay()
    assert Alert.objects.count() == 1


def test_the_command_refuses_a_bad_date():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("check_disclosure_columns", "--today", "tomorrow")


def test_the_command_refuses_a_far_future_day_unless_forced(capsys):
    from django.core.management import CommandError

    ColumnFactory(update_interval_days=1, created_at=at(datetime.date(2026, 1, 5)))
    far = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    with pytest.raises(CommandError, match="ahead of the real clock"):
        call_command("check_disclosure_columns", "--today", far)
    assert not Alert.objects.exists()

    call_command("check_disclosure_columns", "--today", far, "--force")
    assert Alert.objects.count() == 1

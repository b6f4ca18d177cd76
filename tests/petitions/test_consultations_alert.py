"""A consultation closed 30 days without its adoption feedback raises one alert."""

import datetime

import pytest
import time_machine

from petitions import tasks
from petitions.services import consultations as services
from supervision.models import Alert
from tests.petitions.participation import consultation, noon

pytestmark = pytest.mark.django_db

CLOSES = datetime.date(2026, 3, 31)


@pytest.fixture
def closed(clerk):
    return consultation(clerk, opens_on=datetime.date(2026, 3, 2), closes_on=CLOSES)


def test_29_days_after_closing_no_alert(closed):
    services.consultations_check_feedback(today=CLOSES + datetime.timedelta(days=29))
    assert not Alert.objects.filter(kind=Alert.Kind.CONSULTATION_FEEDBACK).exists()


def test_30_days_after_closing_one_alert_even_when_run_twice(closed, department):
    for _run in range(2):
        services.consultations_check_feedback(today=CLOSES + datetime.timedelta(days=30))
    alert = Alert.objects.get(kind=Alert.Kind.CONSULTATION_FEEDBACK)
    assert alert.department == department
    assert closed.title in alert.text


def test_a_consultation_with_feedback_raises_none(closed, clerk):
    services.consultation_give_feedback(
        actor=clerk,
        consultation=closed,
        feedback="未收到意见。",
        at=noon(CLOSES + datetime.timedelta(days=3)),
    )
    services.consultations_check_feedback(today=CLOSES + datetime.timedelta(days=60))
    assert not Alert.objects.filter(kind=Alert.Kind.CONSULTATION_FEEDBACK).exists()


def test_the_beat_task_checks_as_of_today(closed):
    with time_machine.travel(noon(CLOSES + datetime.timedelta(days=31)), tick=False):
        tasks.check_consultation_feedback.delay()
    assert Alert.objects.filter(kind=Alert.Kind.CONSULTATION_FEEDBACK).count() == 1

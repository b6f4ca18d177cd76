"""The light badge (`{% clock_light %}`)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from supervision.services import clocks as clock_services
from supervision.services import sweep
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


def _badge(clock) -> str:
    return Template("{% load supervision_tags %}{% clock_light clock %}").render(
        Context({"clock": clock})
    )


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        ("2026-09-28 09:00", "正常"),
        ("2026-10-09 09:00", "即将到期"),
        ("2026-10-10 09:00", "已超期"),
    ],
)
def test_the_badge_says_the_light_in_words(moment, text):
    clock = start_clock(limit=5)
    sweep.sweep_clocks(now=at(moment))
    clock.refresh_from_db()
    assert text in _badge(clock)


def test_the_badge_of_finished_work_says_whether_it_was_on_time():
    clock = clock_services.clock_stop(
        clock=start_clock(limit=5), actor=None, at=at("2026-09-30 10:00")
    )
    assert "按时办结" in _badge(clock)


def test_each_running_light_shows_its_own_due_date():
    early = start_clock(limit=5, ref="T-1")
    late = start_clock(limit=10, ref="T-2")
    assert 'title="期限至 2026-10-09"' in _badge(early)
    assert 'title="期限至 2026-10-15"' in _badge(late)


def test_the_light_is_in_the_readers_language_whichever_was_built_first():
    clock = start_clock(limit=5)
    chinese = _badge(clock)
    with translation.override("en"):
        english = _badge(clock)
    assert chinese == '<span class="light light-green" title="期限至 2026-10-09">正常</span>'
    assert english == '<span class="light light-green" title="Due 2026-10-09">In time</span>'

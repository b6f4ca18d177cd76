"""Labels, never codes, where staff look; alert texts and event notes in the reader's language.

English assertions use strings the English catalogue already translates; the new templates
(e.g. "已超期：%(subject)s") are asserted in Chinese only until the lead compiles their English.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from portal.roles import Role
from portal.texts import Text, register_texts, render_text
from supervision.models import Alert, ClockEvent, Notice
from supervision.services import sweep
from tests.factories import StaffFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue():
    """A complaint's reply clock gone red: its notices and overdue alert issued by the sweep."""
    clock = start_clock(kind="petitions.reply", ref="TS-1")
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    return clock


@pytest.fixture
def leader_client(client):
    client.force_login(StaffFactory(roles=[Role.LEADER]))
    return client


@pytest.fixture
def english(leader_client):
    leader_client.cookies["django_language"] = "en"
    return leader_client


def page(client, name, *args, query=""):
    return client.get(reverse(name, args=args) + query).content.decode()


def test_the_sweep_stores_the_overdue_message_as_a_code_and_its_subject(overdue):
    alert = Alert.objects.get(kind=Alert.Kind.OVERDUE)
    assert (alert.message_code, alert.message_params, alert.message) == (
        sweep.OVERDUE_MESSAGE,
        {"subject": "测试事项 TS-1"},
        "",
    )
    assert alert.text == "已超期：测试事项 TS-1"


def test_clock_list_names_the_kind_in_chinese(leader_client, overdue):
    body = page(leader_client, "supervision:clocks")
    assert "TS-1 · 答复" in body
    assert "petitions.reply" not in body


def test_clock_list_names_the_kind_in_english(english, overdue):
    body = page(english, "supervision:clocks")
    assert "TS-1 · Reply" in body
    assert "petitions.reply" not in body


def test_dashboard_filter_and_alerts_show_labels(leader_client, overdue):
    body = page(leader_client, "supervision:dashboard")
    assert '<option value="petitions.reply">答复</option>' in body
    assert ">petitions.reply<" not in body
    assert "超期</a>" in body


def test_dashboard_shows_english_labels(english, overdue):
    body = page(english, "supervision:dashboard")
    assert '<option value="petitions.reply">Reply</option>' in body
    assert "Overdue</a>" in body


def test_alert_list_renders_the_message_from_its_code(leader_client, overdue):
    body = page(leader_client, "supervision:alerts")
    assert "已超期：测试事项 TS-1" in body


def test_alert_page_in_english_names_the_kind(english, overdue):
    alert = Alert.objects.get(kind=Alert.Kind.OVERDUE)
    body = page(english, "supervision:alert", alert.pk)
    assert "Overdue" in body
    assert ">overdue<" not in body


def test_an_alert_stored_before_codes_shows_its_text(leader_client):
    Alert.objects.create(kind=Alert.Kind.OTHER, message="旧预警：某事项超期", dedup_key="old:1")
    assert "旧预警：某事项超期" in page(leader_client, "supervision:alerts")


def test_notice_page_names_the_level_in_english(english, overdue):
    notice = Notice.objects.get(level=Notice.Level.SUPERVISION)
    body = page(english, "supervision:notice", notice.pk)
    assert "Supervision notice" in body
    assert ">supervision<" not in body


def test_a_pillars_alert_reads_in_the_readers_language():
    register_texts({"test.rated": Text(gettext_lazy("%(what)s：%(number)s"), translated=("what",))})
    params = {"what": "群众评价不满意", "number": "TS-9"}
    with translation.override("zh-hans"):
        assert render_text("test.rated", params) == "群众评价不满意：TS-9"
    with translation.override("en"):
        # The parameter is translated; the new template keeps its Chinese colon until compiled.
        assert "Requester rated the reply dissatisfied" in render_text("test.rated", params)


def test_an_unknown_code_shows_the_stored_text():
    assert render_text("nobody.registered", {}, fallback="原文") == "原文"


def test_an_event_note_stored_as_a_code_reads_in_the_readers_language(overdue):
    event = ClockEvent.record(
        overdue, ClockEvent.Code.STOPPED, note_code="petitions.rated_unsatisfied"
    )
    with translation.override("zh-hans"):
        assert event.note == "" and event.note_text == "群众评价不满意"
    with translation.override("en"):
        assert event.note_text == "Requester rated the reply dissatisfied"

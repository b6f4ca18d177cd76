"""A notice a clerk triggers while browsing in English reaches the citizen in the reader's language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.models import InboxMessage, OutboxMessage
from tests.approvals.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided_in_english(process, crew):
    """The staff take the case to its decision with their browser in English."""
    with translation.override("en"):
        return CaseFactory(process=process, stage="decided")


def open_decision(client, case, language: str) -> str:
    message = InboxMessage.objects.get(recipient=case.applicant, subject_code="approvals.decided")
    client.force_login(case.applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("portal:inbox_message", args=[message.pk])).content.decode()


def test_a_chinese_reader_reads_the_decision_in_chinese(client, decided_in_english):
    page = open_decision(client, decided_in_english, "zh-hans")
    assert "审批决定" in page
    assert f"您的办件 {decided_in_english.number} 已作出决定：准予许可。" in page


def test_an_english_reader_reads_the_same_message_in_english(client, decided_in_english):
    page = open_decision(client, decided_in_english, "en")
    assert "Decision" in page
    assert f"Your case {decided_in_english.number} has been decided: Granted." in page
    assert "准予许可" not in page


def test_the_inbox_list_shows_the_subject_in_the_readers_language(client, decided_in_english):
    client.force_login(decided_in_english.applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("portal:inbox")).content.decode()
    assert "Decision" in page and "审批决定" not in page


def test_the_sms_goes_out_in_chinese_whatever_the_clerk_browsed_in(decided_in_english):
    sms = OutboxMessage.objects.filter(
        recipient=decided_in_english.applicant, channel=OutboxMessage.Channel.SMS
    ).values_list("body", flat=True)
    assert any(
        body.startswith(f"审批决定：您的办件 {decided_in_english.number} 已作出决定：准予许可。")
        for body in sms
    )

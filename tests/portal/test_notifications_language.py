"""Inbox messages are rendered in the reader's language; SMS and e-mail in the default one."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.models import InboxMessage, OutboxMessage
from portal.notifications import notify, notify_contact
from portal.texts import coded, plain
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def read(client, user, message, language: str) -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("portal:inbox_message", args=[message.pk])).content.decode()


def test_the_inbox_keeps_the_chinese_text_beside_the_code():
    citizen = CitizenFactory()
    with translation.override("en"):
        notify([citizen], subject=coded("portal.password_reset"), body=plain("…"))
    message = InboxMessage.objects.get(recipient=citizen)
    assert (message.subject, message.subject_code) == ("密码已重设", "portal.password_reset")


def test_an_email_goes_out_in_chinese_when_the_actor_browses_in_english():
    citizen = CitizenFactory(email="a@example.com")
    with translation.override("en"):
        notify(
            [citizen],
            subject=coded("portal.mobile_changed"),
            body=coded("portal.mobile_changed_body"),
        )
    mail = OutboxMessage.objects.get(channel=OutboxMessage.Channel.EMAIL)
    assert mail.subject == "手机号码已更换"
    assert mail.body.startswith("您的账号已更换为新的手机号码")


def test_an_sms_to_a_bare_number_is_joined_in_chinese_too():
    with translation.override("en"):
        notify_contact(
            mobile="13912345678",
            subject=coded("portal.mobile_changed"),
            body=coded("portal.mobile_left_body"),
        )
    assert OutboxMessage.objects.get().body.startswith("手机号码已更换：您的政务服务网账号")


def test_an_old_row_without_a_code_shows_its_stored_text(client):
    citizen = CitizenFactory()
    message = InboxMessage.objects.create(recipient=citizen, subject="旧通知", body="旧的正文")
    page = read(client, citizen, message, "en")
    assert "旧通知" in page and "旧的正文" in page


def test_a_code_no_longer_registered_shows_the_stored_text(client):
    citizen = CitizenFactory()
    message = InboxMessage.objects.create(
        recipient=citizen, subject="旧通知", body="旧的正文", subject_code="gone.code"
    )
    assert "旧通知" in read(client, citizen, message, "en")


def test_a_coded_parameter_is_rendered_in_the_readers_language(client):
    citizen = CitizenFactory()
    body = coded("petitions.complaint_numbered", text=coded("portal.welcome"), number="TS-1")
    notify([citizen], subject=coded("portal.welcome"), body=body)
    message = InboxMessage.objects.get(recipient=citizen)
    assert message.body.startswith("欢迎注册县政务服务网")
    assert "Welcome" in read(client, citizen, message, "en")


def test_an_unregistered_code_is_refused_before_anything_is_written():
    with pytest.raises(LookupError):
        notify([CitizenFactory()], subject=coded("no.such.code"), body=plain("…"))
    assert not InboxMessage.objects.exists()

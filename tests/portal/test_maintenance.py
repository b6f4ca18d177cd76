"""Maintenance mode and writes the database refuses: 503, nothing stored, what was typed kept."""

import re
import sqlite3

import psycopg.errors
import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, InternalError, OperationalError
from django.test import Client
from django.urls import reverse

from petitions.models import Complaint
from petitions.services.complaints import filing as filing_services
from petitions.views.complaints.public import JUST_FILED_KEY
from portal import maintenance
from tests.factories import CitizenFactory
from tests.petitions.factories import CategoryFactory, RoutingRuleFactory
from tests.portal.test_english import untranslated
from tests.uploads import png_file

pytestmark = pytest.mark.django_db

CONTENT = "城南超市货架上有过期酸奶。\n已拍照留存。"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


@pytest.fixture
def category(db):
    category = CategoryFactory(code="complaint", name="投诉")
    RoutingRuleFactory(category=category)
    return category


@pytest.fixture
def in_maintenance(settings):
    settings.MAINTENANCE = True


@pytest.fixture
def refused_writes(monkeypatch):
    """Filing meets the error SQLite raises on a read-only database file."""

    def refuse(**kwargs):
        raise readonly_sqlite_error()

    monkeypatch.setattr(filing_services, "complaint_file", refuse)
    yield
    maintenance.refusals.forget()


def readonly_sqlite_error() -> OperationalError:
    """A real SQLite read-only error, wrapped as Django wraps driver errors."""
    database = sqlite3.connect("file::memory:?mode=ro", uri=True)
    try:
        database.execute("CREATE TABLE t (x)")
    except sqlite3.OperationalError as error:
        try:
            raise OperationalError(*error.args) from error
        except OperationalError as wrapped:
            return wrapped
    finally:
        database.close()
    raise AssertionError("SQLite accepted a write on a read-only database")


def complaint_form(category, **extra) -> dict:
    return {
        "category": category.pk,
        "title": "超市销售过期食品",
        "content": CONTENT,
        "is_anonymous": "on",
        "contact_method": "none",
        **extra,
    }


def test_maintenance_refuses_a_complaint_and_stores_nothing(client, in_maintenance, category):
    response = client.post(reverse("petitions:file"), complaint_form(category))
    assert response.status_code == 503
    page = response.content.decode()
    assert "您提交的内容没有保存" in page
    assert "系统正在维护" in page
    assert "城南超市货架上有过期酸奶。<br>已拍照留存。" in page
    assert not Complaint.objects.exists()


def test_the_refusal_lists_only_what_was_typed_not_codes_or_the_token(
    client, in_maintenance, category
):
    token = "3KjA9QBp0FelvE6PgXaVujQ0P48CVU3f"
    form = complaint_form(category, contact_method="sms", submission_token=token)
    response = client.post(reverse("petitions:file"), form)
    typed = response.content.decode().split("<ul")[1].split("</ul>")[0]
    assert "超市销售过期食品" in typed
    assert "sms" not in typed and token not in typed
    # Both still go back with the resubmitted form.
    assert ("submission_token", token) in HIDDEN.findall(response.content.decode())


def test_the_refusal_tells_clients_when_to_come_back_and_is_never_cached(
    client, in_maintenance, settings, category
):
    settings.MAINTENANCE_RETRY_AFTER = 120
    response = client.post(reverse("petitions:file"), complaint_form(category))
    assert response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]


def test_reads_keep_working_in_maintenance(client, in_maintenance, category):
    for name in ["portal:home", "petitions:index", "petitions:file", "disclosure:index"]:
        assert client.get(reverse(name)).status_code == 200, name


def test_the_typed_form_is_sent_again_once_maintenance_ends(settings, category):
    browser = Client(enforce_csrf_checks=True)
    form_page = browser.get(reverse("petitions:file"))
    token = form_page.cookies["csrftoken"].value
    settings.MAINTENANCE = True
    refused = browser.post(
        reverse("petitions:file"), {**complaint_form(category), "csrfmiddlewaretoken": token}
    )
    offered = HIDDEN.findall(refused.content.decode())
    assert ("title", "超市销售过期食品") in offered

    settings.MAINTENANCE = False
    resent = browser.post(reverse("petitions:file"), dict(offered))
    assert resent.status_code == 302
    assert Complaint.objects.get().content == CONTENT.strip()


def test_a_password_is_never_written_into_the_refusal_page(client, in_maintenance):
    citizen = CitizenFactory()
    response = client.post(
        reverse("portal:login"), {"username": citizen.mobile, "password": "Secret#Pass2026"}
    )
    page = response.content.decode()
    assert response.status_code == 503
    assert citizen.mobile in page
    assert "Secret#Pass2026" not in page
    assert "附件和密码不会保留" in page


def test_a_form_with_attachments_is_not_offered_back_without_them(client, in_maintenance, category):
    upload = SimpleUploadedFile("photo.png", png_file(), content_type="image/png")
    response = client.post(
        reverse("petitions:file"), {**complaint_form(category), "attachments": [upload]}
    )
    page = response.content.decode()
    assert response.status_code == 503
    assert "重新选择附件" in page
    assert "重新提交</button>" not in page


def test_the_language_can_still_be_switched_in_maintenance(client, in_maintenance):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"


def test_the_refusal_page_is_english_when_chosen(client, in_maintenance, category):
    client.cookies["django_language"] = "en"
    response = client.post(reverse("petitions:file"), complaint_form(category))
    page = response.content.decode()
    assert untranslated(page, ["超市销售过期食品", *CONTENT.split("\n")]) == []


def test_a_write_the_database_refuses_answers_503_and_keeps_the_text(
    client, refused_writes, category
):
    response = client.post(reverse("petitions:file"), complaint_form(category))
    assert response.status_code == 503
    page = response.content.decode()
    assert "系统暂时只能浏览" in page
    assert "超市销售过期食品" in page


def test_a_refusal_after_the_view_answers_503_too(monkeypatch, category):
    browser = Client(raise_request_exception=False)
    session = browser.session
    session[JUST_FILED_KEY] = {"number": "TS20260000001", "code": "ABCD1234"}
    session.save()

    def refuse(self, must_create=False):
        raise readonly_sqlite_error()

    # Showing the receipt once empties the session, which is saved after the view.
    monkeypatch.setattr(SessionStore, "save", refuse)
    response = browser.get(reverse("petitions:filed"))
    maintenance.refusals.forget()
    assert response.status_code == 503


@pytest.mark.parametrize(
    ("wrapper", "driver_error", "kind"),
    [
        (InternalError, psycopg.errors.ReadOnlySqlTransaction, maintenance.REFUSED),
        (OperationalError, psycopg.errors.DiskFull, maintenance.REFUSED),
        (OperationalError, psycopg.errors.AdminShutdown, maintenance.UNAVAILABLE),
        (OperationalError, psycopg.OperationalError, maintenance.UNAVAILABLE),
        (IntegrityError, psycopg.errors.UniqueViolation, None),
    ],
)
def test_postgresql_errors_are_told_apart_by_their_sqlstate(wrapper, driver_error, kind):
    try:
        raise wrapper("from the driver") from driver_error("from the server")
    except wrapper as wrapped:
        assert maintenance.refusal_kind(wrapped) == kind


def test_sqlite_read_only_is_a_refusal_and_other_errors_are_not():
    assert maintenance.refusal_kind(readonly_sqlite_error()) == maintenance.REFUSED
    assert maintenance.refusal_kind(ValueError("not a database error")) is None

"""A request whose answer deadline runs into 2027, a year the State Council has not announced:
the deadline counts the statutory holidays, is marked provisional wherever it is shown, and
moves (with a word to the applicant) when an admin loads the announced year."""

import pytest
from django.urls import reverse

from disclosure.services.requests.supplement import request_supplement_notice
from portal import sms
from portal.models import InboxMessage
from portal.roles import Role
from supervision.models import Alert
from tests.disclosure.factories import at, file_request, office_clerk
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CAVEAT = "以国务院公布的节假日安排为准"
END = " 23:59:59.999999"


@pytest.fixture
def request_over_new_year(settings, django_capture_on_commit_callbacks):
    # Ten working days from Monday 28 December 2026: 元旦 (Friday 1 January) is skipped.
    settings.DISCLOSURE_REQUESTS_ANSWER_WORKDAYS = 10
    with django_capture_on_commit_callbacks(execute=True):
        return file_request(received="2026-12-28 10:00")


def test_the_deadline_skips_new_year_and_is_provisional(request_over_new_year):
    clock = request_over_new_year.clock
    assert clock.due_at == at("2027-01-12" + END)
    assert clock.provisional


def test_the_receipt_sms_names_the_caveat(request_over_new_year):
    mobile = request_over_new_year.applicant.mobile
    naming_the_date = [m for m in sms.outbox if m.to == mobile and "2027-01-12" in m.body]
    assert naming_the_date and all(CAVEAT in m.body for m in naming_the_date)


def test_the_citizens_page_marks_the_deadline_provisional(client, request_over_new_year):
    client.force_login(request_over_new_year.applicant)
    url = reverse("disclosure:request_detail", args=[request_over_new_year.number])
    page = client.get(url).content.decode()
    assert "2027-01-12" in page and "期限暂定" in page and CAVEAT in page


def test_the_clerks_queue_marks_the_deadline_provisional(client, request_over_new_year):
    client.force_login(office_clerk())
    page = client.get(reverse("disclosure:request_queue")).content.decode()
    assert request_over_new_year.number in page and CAVEAT in page


def test_the_clock_list_marks_the_deadline_provisional(client, request_over_new_year):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    page = client.get(reverse("supervision:clocks")).content.decode()
    assert request_over_new_year.number in page and CAVEAT in page


def test_the_admin_alert_is_raised_when_the_request_is_filed(request_over_new_year):
    alert = Alert.objects.get(kind=Alert.Kind.CALENDAR_MISSING, subject_ref="2027")
    assert alert.status == Alert.Status.OPEN


def _announce_2027(client, capture):
    client.force_login(StaffFactory(is_staff=True, is_superuser=True))
    with capture(execute=True):
        return client.post(
            reverse("admin:portal_calendaryear_announce"),
            {
                "year": "2027",
                "holidays": "2027-01-01 2027-02-05~2027-02-11",
                # A make-up Saturday before the new-year week ends.
                "workdays": "2027-01-09",
            },
        )


def test_loading_the_announced_year_moves_the_deadline_and_tells_the_applicant(
    client, request_over_new_year, django_capture_on_commit_callbacks
):
    sms.outbox.clear()
    response = _announce_2027(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    request_over_new_year.clock.refresh_from_db()
    assert request_over_new_year.clock.due_at == at("2027-01-11" + END)
    assert not request_over_new_year.clock.provisional
    message = InboxMessage.objects.get(
        recipient=request_over_new_year.applicant, subject="答复期限调整告知"
    )
    assert "2027-01-12" in message.body and "2027-01-11" in message.body
    assert CAVEAT not in message.body
    assert any("2027-01-11" in m.body for m in sms.outbox)


def test_after_loading_the_pages_drop_the_caveat_and_the_alert_closes(
    client, request_over_new_year, django_capture_on_commit_callbacks
):
    _announce_2027(client, django_capture_on_commit_callbacks)
    client.force_login(request_over_new_year.applicant)
    url = reverse("disclosure:request_detail", args=[request_over_new_year.number])
    page = client.get(url).content.decode()
    assert "2027-01-11" in page and CAVEAT not in page
    alert = Alert.objects.get(kind=Alert.Kind.CALENDAR_MISSING, subject_ref="2027")
    assert alert.status == Alert.Status.CLOSED


def test_the_admin_page_refuses_a_date_outside_the_year(client, django_capture_on_commit_callbacks):
    client.force_login(StaffFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:portal_calendaryear_announce"),
        {"year": "2027", "holidays": "2028-01-01", "workdays": ""},
    )
    assert response.status_code == 200
    assert "所有日期都应在2027年内" in response.content.decode()


def test_a_stored_supplement_deadline_is_provisional_then_moves_on_loading(
    client, django_capture_on_commit_callbacks
):
    request = file_request(received="2026-12-21 10:00")
    # 15 working days from Tuesday 22 December 2026: 元旦 skipped, so Wednesday 13 January.
    request = request_supplement_notice(
        actor=office_clerk(), request=request, text="请写明年度。", at=at("2026-12-22 10:00")
    )
    notice = InboxMessage.objects.get(recipient=request.applicant, subject="补正申请通知")
    assert "2027-01-13" in notice.body and CAVEAT in notice.body
    _announce_2027(client, django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert request.supplement_due_at == at("2027-01-12" + END)
    moved = InboxMessage.objects.get(recipient=request.applicant, subject="补正期限调整告知")
    assert "2027-01-13" in moved.body and "2027-01-12" in moved.body

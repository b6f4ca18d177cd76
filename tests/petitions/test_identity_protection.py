"""Whistleblower protection: a department user reaches every page, export, feed, notification and
history view of a complaint, at every stage, and never meets the complainant's identity."""

import logging

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from petitions.models import Complaint, ComplaintEvent, IdentityAccess
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from petitions.services.complaints import reviews as review_services
from portal.models import InboxMessage, OutboxMessage
from tests.factories import CitizenFactory, make_resident_id

pytestmark = pytest.mark.django_db


MARKERS = {
    "name": "标记人甲乙丙",
    "id_number": make_resident_id(777, birth="19770707"),
    "phone": "13987654321",
    "email": "marker-zzq@example.org",
    "address": "标记路九九九号",
    "username": "markeruser777",
}


@pytest.fixture
def whistleblower(db):
    return CitizenFactory(
        username=MARKERS["username"],
        real_name=MARKERS["name"],
        resident_id=MARKERS["id_number"],
        mobile=MARKERS["phone"],
        email=MARKERS["email"],
        address=MARKERS["address"],
    )


def _file(whistleblower, category, *, anonymous):
    complaint, _code = filing_services.complaint_file(
        actor=None,
        category=category,
        title="举报市场所工作人员吃拿卡要",
        content="办理执照时被索要好处费。",
        is_anonymous=anonymous,
        names_official=True,
        allow_publication=True,
        contact_method=Complaint.Contact.SMS,
        identity=filing_services.IdentityData(
            name=MARKERS["name"],
            id_number=MARKERS["id_number"],
            phone=MARKERS["phone"],
            email=MARKERS["email"],
            address=MARKERS["address"],
        ),
        account=whistleblower,
    )
    return Complaint.objects.get(pk=complaint.pk)


def _pages(complaint, clerk):
    """Every address a department user can reach about this complaint."""
    number = complaint.number
    pages = [
        reverse("petitions:staff_queue"),
        reverse("petitions:staff_detail", args=[number]),
        reverse("petitions:staff_history", args=[number]),
        reverse("petitions:staff_identity", args=[number]),
        reverse("petitions:staff_export"),
        reverse("petitions:index"),
        reverse("petitions:board"),
        reverse("petitions:feed"),
        reverse("petitions:figures"),
        reverse("portal:workbench"),
        reverse("portal:inbox"),
        reverse("portal:home"),
        "/admin/petitions/complaint/",
        f"/admin/petitions/complaint/{complaint.pk}/change/",
        f"/admin/petitions/complaint/{complaint.pk}/history/",
        "/admin/petitions/complainantidentity/",
    ]
    if complaint.status == Complaint.Status.CLOSED:
        pages.append(reverse("petitions:board_detail", args=[number]))
    pages += [
        reverse("portal:inbox_message", args=[m.pk])
        for m in InboxMessage.objects.filter(recipient=clerk)
    ]
    return pages


def _assert_no_marker(client, complaint, clerk):
    # Searching by the complainant's details does not find the complaint (nor confirm who filed it).
    for field in ("phone", "name", "id_number", "email"):
        response = client.get(reverse("petitions:staff_queue"), {"q": MARKERS[field]})
        assert complaint.number not in response.content.decode(), (
            f"search by {field} found the complaint"
        )
    for url in _pages(complaint, clerk):
        response = client.get(url)
        body = response.content.decode("utf-8", errors="replace")
        for field, marker in MARKERS.items():
            assert marker not in body, (
                f"{field} leaked on {url} ({response.status_code}) at {complaint.status}"
            )


def _assert_no_marker_in_messages(clerk):
    for message in InboxMessage.objects.filter(recipient=clerk):
        for marker in MARKERS.values():
            assert marker not in message.subject + message.body
    # SMS and e-mail to the department's staff, queued in the outbox.
    for message in OutboxMessage.objects.filter(recipient=clerk):
        assert not any(marker in message.subject + message.body for marker in MARKERS.values())
    for message in mail.outbox:
        if clerk.email in message.to:
            assert not any(marker in message.body + message.subject for marker in MARKERS.values())


@pytest.mark.parametrize("anonymous", [True, False])
def test_department_never_sees_the_complainant(
    client, whistleblower, routed_category, clerk, operator, leader, anonymous, caplog
):
    # The clerk may use the admin, with every view permission on complaints: still no identity.
    clerk.is_staff = True
    clerk.mobile = "13800009999"
    clerk.save()
    clerk.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="petitions").exclude(
            codename="view_complainant_identity"
        )
    )
    client.force_login(clerk)
    caplog.set_level(logging.DEBUG)

    complaint = _file(whistleblower, routed_category, anonymous=anonymous)
    stages = [
        lambda c: handling_services.complaint_sign(actor=clerk, complaint=c),
        lambda c: handling_services.extension_request(
            actor=clerk, complaint=c, days=3, reason="需核查"
        ),
        lambda c: handling_services.extension_decide(actor=operator, complaint=c, approve=True),
        lambda c: handling_services.complaint_reply(
            actor=clerk, complaint=c, content="已立案调查。"
        ),
        lambda c: closing_services.complaint_rate(
            complaint=c, level="unsatisfied", comment="不满意"
        ),
        lambda c: handling_services.complaint_reply(
            actor=clerk, complaint=c, content="已给予当事人处分。"
        ),
        lambda c: closing_services.complaint_rate(complaint=c, level="basic"),
        lambda c: closing_services.complaint_return_visit(
            actor=operator, complaint=c, result="basic"
        ),
        lambda c: review_services.review_request(complaint=c, reason="处分过轻"),
    ]
    _assert_no_marker(client, complaint, clerk)
    for stage in stages:
        stage(Complaint.objects.get(pk=complaint.pk))
        complaint = Complaint.objects.get(pk=complaint.pk)
        _assert_no_marker(client, complaint, clerk)
    _assert_no_marker_in_messages(clerk)
    assert not any(marker in caplog.text for marker in MARKERS.values())


def test_the_complainant_is_not_an_actor_anywhere(whistleblower, routed_category, clerk):
    complaint = _file(whistleblower, routed_category, anonymous=True)
    handling_services.complaint_sign(actor=clerk, complaint=complaint)
    handling_services.complaint_reply(actor=clerk, complaint=complaint, content="答复")
    closing_services.complaint_rate(complaint=complaint, level="satisfied")
    assert not ComplaintEvent.objects.filter(actor=whistleblower).exists()
    assert not complaint.history.filter(history_user=whistleblower).exists()


def test_the_hotline_office_reads_the_identity_and_the_reading_is_logged(
    client, whistleblower, routed_category, operator
):
    complaint = _file(whistleblower, routed_category, anonymous=True)
    client.force_login(operator)
    url = reverse("petitions:staff_identity", args=[complaint.number])
    assert MARKERS["name"] not in client.get(url).content.decode()
    response = client.post(url, {"purpose": "回访联系"})
    assert MARKERS["name"] in response.content.decode()

    assert (
        IdentityAccess.objects.filter(
            complaint=complaint, user=operator, purpose="回访联系"
        ).count()
        == 1
    )

"""Anonymous means anonymous: a complaint filed anonymously while signed in is not linked to the
account, and nothing is sent to the account; the number and query code are the only way back."""

import pytest
from django.core import mail
from django.urls import reverse

from petitions.forms.complaints import ComplaintForm
from petitions.models import Complaint
from portal.models import InboxMessage, OutboxMessage

pytestmark = pytest.mark.django_db


def _post(client, category, **fields):
    data = {
        "category": category.pk,
        "title": "匿名反映噪音扰民",
        "content": "夜间施工噪音很大。",
        "is_anonymous": "on",
        "contact_method": Complaint.Contact.NONE,
        **fields,
    }
    return client.post(reverse("petitions:file"), data)


def test_anonymous_complaint_is_not_linked_to_the_account(
    client, routed_category, citizen, hotline_department
):
    client.force_login(citizen)
    assert _post(client, routed_category).status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.identity.account is None
    assert complaint.identity.phone == "" and complaint.identity.email == ""
    assert complaint.number not in client.get(reverse("petitions:mine")).content.decode()


def test_anonymous_complaint_sends_nothing_to_the_account(
    file_complaint, routed_category, citizen, clerk
):
    complaint, _code = file_complaint(category=routed_category, account=citizen, anonymous=True)
    assert complaint.identity.account is None
    assert not InboxMessage.objects.filter(recipient=citizen).exists()
    assert not OutboxMessage.objects.filter(address__in=[citizen.mobile, citizen.email]).exists()
    assert not any(citizen.email in message.to for message in mail.outbox)


def test_form_refuses_the_account_inbox_for_an_anonymous_complaint(
    client, routed_category, citizen, hotline_department
):
    client.force_login(citizen)
    response = _post(client, routed_category, contact_method=Complaint.Contact.INBOX)
    assert response.status_code == 200
    assert "匿名反映不使用您账号的站内信" in response.content.decode()
    assert not Complaint.objects.exists()


def test_form_refuses_the_account_mobile_for_an_anonymous_complaint(
    client, routed_category, citizen, hotline_department
):
    client.force_login(citizen)
    response = _post(
        client, routed_category, contact_method=Complaint.Contact.SMS, phone=citizen.mobile
    )
    assert response.status_code == 200
    assert "匿名反映不使用您账号的站内信、手机号码或邮箱" in response.content.decode()


def test_form_says_what_anonymous_means(client, citizen):
    client.force_login(citizen)
    page = client.get(reverse("petitions:file")).content.decode()
    assert "匿名反映不会与您的账号关联" in page


def test_named_complaint_from_an_account_is_in_my_complaints(
    client, file_complaint, routed_category, citizen
):
    complaint, _code = file_complaint(category=routed_category, account=citizen)
    client.force_login(citizen)
    assert complaint.number in client.get(reverse("petitions:mine")).content.decode()


def test_visitor_keeps_the_default_contact_without_giving_a_phone(
    client, routed_category, hotline_department
):
    default = ComplaintForm().fields["contact_method"].initial  # what a visitor is offered
    response = _post(client, routed_category, contact_method=default, phone="")
    assert response.status_code == 302
    assert Complaint.objects.get().contact_method == Complaint.Contact.NONE

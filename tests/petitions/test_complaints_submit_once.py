"""Filing and rating once per form: a double click or a resubmitted page stores one complaint
and shows the same receipt; anonymous filing is limited per client address."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from petitions.models import Complaint, Rating
from portal.models import Submission
from tests.factories import CitizenFactory
from tests.submissions import token_on

pytestmark = pytest.mark.django_db


def _form(category, token, **extra):
    return {
        "category": category.pk,
        "title": "超市销售过期食品",
        "content": "城南超市货架上有过期酸奶。",
        "is_anonymous": "on",
        "contact_method": "none",
        "submission_token": token,
        **extra,
    }


def _receipt(client, data):
    response = client.post(reverse("petitions:file"), data, follow=True)
    assert response.status_code == 200
    return response.context["number"], response.context["code"]


def test_a_double_submission_files_once_and_shows_the_same_number_and_code(
    client, routed_category, hotline_department
):
    token = token_on(client.get(reverse("petitions:file")))
    first = _receipt(client, _form(routed_category, token))
    second = _receipt(client, _form(routed_category, token))
    assert Complaint.objects.count() == 1
    assert second == first == (Complaint.objects.get().number, first[1]) and first[1]


def test_a_retry_from_a_browser_that_lost_the_first_answer_gets_the_receipt(
    client, routed_category, hotline_department
):
    token = token_on(client.get(reverse("petitions:file")))
    first = _receipt(client, _form(routed_category, token))
    # The retried POST carries no session cookie of the first answer.
    second = _receipt(Client(), _form(routed_category, token))
    assert Complaint.objects.count() == 1 and second == first


def test_each_newly_opened_form_files_its_own_complaint(
    client, routed_category, hotline_department
):
    for _ in range(2):
        token = token_on(client.get(reverse("petitions:file")))
        _receipt(client, _form(routed_category, token))
    assert Complaint.objects.count() == 2


def test_a_signed_in_anonymous_filing_keeps_no_link_to_the_account(
    client, routed_category, hotline_department
):
    citizen = CitizenFactory()
    client.force_login(citizen)
    token = token_on(client.get(reverse("petitions:file")))
    first = _receipt(client, _form(routed_category, token))
    assert _receipt(client, _form(routed_category, token)) == first
    assert Submission.objects.get().account is None


def test_anonymous_filing_over_the_hourly_limit_is_refused_and_nothing_stored(
    client, routed_category, hotline_department, settings
):
    settings.PETITIONS_ANONYMOUS_FILINGS_PER_HOUR = 3
    for _ in range(3):
        token = token_on(client.get(reverse("petitions:file")))
        _receipt(client, _form(routed_category, token))
    token = token_on(client.get(reverse("petitions:file")))
    response = client.post(reverse("petitions:file"), _form(routed_category, token))
    assert response.status_code == 429
    assert "提交的次数过多" in response.content.decode()
    assert Complaint.objects.count() == 3


def test_the_limit_counts_per_client_address(client, routed_category, hotline_department, settings):
    settings.PETITIONS_ANONYMOUS_FILINGS_PER_HOUR = 1
    url = reverse("petitions:file")
    client.post(url, _form(routed_category, ""), REMOTE_ADDR="198.51.100.1")
    refused = client.post(url, _form(routed_category, ""), REMOTE_ADDR="198.51.100.1")
    other = client.post(url, _form(routed_category, ""), REMOTE_ADDR="198.51.100.2")
    assert refused.status_code == 429 and other.status_code == 302
    assert Complaint.objects.count() == 2


def test_a_duplicate_of_the_last_allowed_filing_is_not_counted_against_the_limit(
    client, routed_category, hotline_department, settings
):
    settings.PETITIONS_ANONYMOUS_FILINGS_PER_HOUR = 1
    token = token_on(client.get(reverse("petitions:file")))
    first = _receipt(client, _form(routed_category, token))
    assert _receipt(client, _form(routed_category, token)) == first


def test_a_double_rating_rates_once_and_thanks_twice(client, replied):
    session = client.session
    session["petitions_tracked"] = [replied.pk]
    session.save()
    token = token_on(client.get(reverse("petitions:track_detail", args=[replied.number])))
    url = reverse("petitions:rate", args=[replied.number])
    for _ in range(2):
        response = client.post(url, {"level": "satisfied", "submission_token": token}, follow=True)
        assert "感谢您的评价" in response.content.decode()
    assert Rating.objects.filter(complaint=replied).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_identical_posts_at_once_file_one_complaint(routed_category, hotline_department):
    token = token_on(Client().get(reverse("petitions:file")))
    barrier = threading.Barrier(2)
    receipts = [None, None]

    def post(index):
        try:
            barrier.wait()
            receipts[index] = _receipt(Client(), _form(routed_category, token))
        except Exception as error:
            receipts[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Complaint.objects.count() == 1
    assert receipts[0] == receipts[1] == (Complaint.objects.get().number, receipts[0][1])

"""The annual report (政府信息公开工作年度报告): figures from the data, the identity
new + carried over = concluded + carried forward, the page and its downloads."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure.models import InformationRequest
from disclosure.selectors.reporting import annual_report, year_bounds
from disclosure.services.requests.answer import request_answer
from tests.disclosure.factories import at, file_request, office_clerk
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

OUTCOMES = [*InformationRequest.ReplyType.values, "abandoned"]
YEAR_START = at("2025-01-01 00:00")


def _row(applicant, received, closed, outcome) -> InformationRequest:
    answered = closed is not None and outcome != "abandoned"
    return InformationRequest(
        applicant=applicant,
        applicant_name="申请人",
        phone="13900000000",
        description="信息",
        received_at=received,
        closed_at=closed,
        status=(
            InformationRequest.Status.ANSWERED if answered else InformationRequest.Status.ABANDONED
        )
        if closed
        else InformationRequest.Status.RECEIVED,
        reply_type=outcome if answered else "",
        refusal_reason="process" if outcome in ("refused", "partial") and answered else "",
        other_agency="县公安局" if outcome == "not_this_office" and answered else "",
        answered_at=closed if answered else None,
        remedies="行政复议" if answered else "",
    )


requests_strategy = st.lists(
    st.tuples(
        st.integers(min_value=-400, max_value=800),  # received, days from 1 Jan 2025
        st.one_of(st.none(), st.integers(min_value=0, max_value=400)),  # closed, days later
        st.sampled_from(OUTCOMES),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=requests_strategy)
def test_the_identity_holds_and_every_figure_matches_a_plain_count(rows):
    InformationRequest.objects.all().delete()
    applicant = CitizenFactory.build()
    applicant.save()
    made = []
    for received_days, closed_days, outcome in rows:
        received = YEAR_START + datetime.timedelta(days=received_days, hours=9)
        closed = None if closed_days is None else received + datetime.timedelta(days=closed_days)
        made.append(_row(applicant, received, closed, outcome))
    InformationRequest.objects.bulk_create(made)
    report = annual_report(2025)
    start, end = year_bounds(2025)
    alive = [
        r for r in made if r.received_at < end and (r.closed_at is None or r.closed_at >= start)
    ]
    concluded = [r for r in alive if r.closed_at is not None and r.closed_at < end]
    assert report.balanced
    assert report.received + report.carried_over == report.concluded_total + report.carried_forward
    assert report.received == sum(r.received_at >= start for r in alive)
    assert report.carried_over == sum(r.received_at < start for r in alive)
    assert report.concluded_total == len(concluded)
    by_type = {key: count for key, _label, count in report.concluded}
    assert by_type["abandoned"] == sum(
        r.status == InformationRequest.Status.ABANDONED for r in concluded
    )
    assert by_type["disclosed"] == sum(r.reply_type == "disclosed" for r in concluded)


def test_a_year_with_carry_over_and_an_overdue_answer():
    clerk = office_clerk()
    old = file_request(received="2025-12-22 10:00")
    late = file_request(received="2026-03-02 10:00")
    request_answer(
        actor=clerk,
        request=old,
        reply_type="disclosed",
        text="x",
        remedies="行政复议",
        at=at("2026-01-05 10:00"),
    )
    # 20 working days from 2 Mar end on 30 Mar: answered on 8 Apr is late.
    request_answer(
        actor=clerk,
        request=late,
        reply_type="not_exist",
        text="x",
        remedies="行政复议",
        at=at("2026-04-08 10:00"),
    )
    # Still open at the year's end but not yet due then (due in January): carried, not overdue.
    file_request(received="2026-12-14 10:00")
    report_2025, report_2026 = annual_report(2025), annual_report(2026)
    assert (report_2025.received, report_2025.carried_over, report_2025.carried_forward) == (
        1,
        0,
        1,
    )
    assert (report_2026.received, report_2026.carried_over, report_2026.concluded_total) == (
        2,
        1,
        2,
    )
    assert report_2026.carried_forward == 1
    assert report_2026.overdue == 1
    assert {k: n for k, _l, n in report_2026.concluded}["not_exist"] == 1


def test_the_report_takes_two_queries_whatever_the_data(django_assert_max_num_queries):
    for _ in range(5):
        file_request(received=None)
    # One for the requests, one for the columns' counts.
    with django_assert_max_num_queries(2):
        annual_report(timezone.localdate().year)


def test_the_public_page_shows_the_figures(client):
    file_request(received="2025-06-02 10:00")
    response = client.get(reverse("disclosure:annual_report"), {"year": 2025})
    assert response.status_code == 200
    text = response.content.decode()
    assert "2025年政府信息公开工作年度报告" in text
    assert "本年新收政府信息公开申请数量" in text
    assert "新收 1 + 上年结转 0 = 办结 0 + 结转下年 1" in text


def test_nonsense_years_do_not_fail(client):
    assert client.get(reverse("disclosure:annual_report"), {"year": "abc"}).status_code == 200
    assert client.get(reverse("disclosure:annual_report"), {"year": "1800"}).status_code == 404
    url = reverse("disclosure:annual_report_download", args=[2025, "exe"])
    assert client.get(url).status_code == 404


def test_csv_download(client):
    file_request(received="2025-06-02 10:00")
    response = client.get(reverse("disclosure:annual_report_download", args=[2025, "csv"]))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "本年新收政府信息公开申请数量,1" in text


def test_xlsx_download(client):
    from openpyxl import load_workbook

    file_request(received="2025-06-02 10:00")
    response = client.get(reverse("disclosure:annual_report_download", args=[2025, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[1]: row[2] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["本年新收政府信息公开申请数量"] == 1


def test_pdf_download(client):
    response = client.get(reverse("disclosure:annual_report_download", args=[2025, "pdf"]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"

import pytest
import time_machine

from disclosure.demo import requests as demo_requests
from disclosure.models import InformationRequest
from disclosure.selectors.reporting import annual_report
from portal import demo as portal_demo
from tests.disclosure.factories import at

pytestmark = pytest.mark.django_db


def test_the_demo_requests_cover_every_state_and_are_idempotent():
    portal_demo.seed()
    logins = demo_requests.seed(scale=1)
    demo_requests.seed(scale=1)

    assert ("clerk_office", "政务公开办窗口：办理依申请公开（补正、征求意见、答复）") in logins
    states = set(InformationRequest.objects.values_list("status", flat=True))
    assert states == {"received", "supplement", "consulting", "answered", "abandoned"}
    assert InformationRequest.objects.count() == 8
    answered = InformationRequest.objects.get(reply_type="disclosed")
    assert answered.extension_days == 10 and answered.documents.count() == 1


# Mid-year, so that none of the demo's recent requests (up to 40 days back) falls in last year.
@time_machine.travel(at("2026-06-15 10:00"))
def test_last_years_demo_requests_fill_the_annual_report():
    portal_demo.seed()
    demo_requests.seed(scale=1)

    report = annual_report(2025)
    assert report.received == 3
    assert report.balanced and report.carried_forward == 1

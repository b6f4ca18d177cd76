"""Promised and legal limits (承诺办结时限 / 法定办结时限).

An item promising 3 WD with a legal limit of 20 WD: the case accepted on Monday 2 November 2026
runs its clock on 3 WD (yellow on Thursday 5 November, red from Friday 6 November), and the
separate serious alert comes once the 20th working day (Monday 30 November) is over.
"""

import pytest
import time_machine
from django.urls import reverse

from approvals.services.handling.acceptance import case_accept
from approvals.services.handling.clocks import case_pause
from approvals.services.handling.legal import cases_check_legal_limits
from approvals.services.processes import process_activate, process_add_step, process_create
from portal.errors import DomainError
from portal.models import OutboxMessage
from portal.roles import Role
from supervision.models import Alert, Notice
from supervision.services.sweep import sweep_clocks
from tests.approvals.factories import CaseFactory, ProcessFactory
from tests.factories import StaffFactory
from tests.supervision.factories import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(department, crew):
    process = ProcessFactory(
        item__department=department,
        item__time_limit_days=3,
        item__legal_limit_days=20,
        total_limit_workdays=3,
    )
    submitted = CaseFactory(process=process, at=at("2026-11-02 09:00"))
    return case_accept(actor=crew.clerk, case=submitted, at=at("2026-11-02 10:00"))


def _light(case, now):
    sweep_clocks(now=at(now))
    case.clock.refresh_from_db()
    return case.clock.light


def _legal_alerts():
    return Alert.objects.filter(kind=Alert.Kind.LEGAL_LIMIT)


def test_the_case_clock_runs_on_the_promise(case):
    assert (case.clock.limit, case.legal_limit_workdays) == (3, 20)


def test_the_case_is_green_on_its_second_working_day(case):
    assert _light(case, "2026-11-04 16:00") == "green"


def test_the_case_is_yellow_on_the_last_promised_day_with_an_urge(case):
    assert _light(case, "2026-11-05 09:00") == "yellow"
    assert Notice.objects.filter(clock=case.clock, level=Notice.Level.URGE).exists()


def test_the_case_is_red_once_the_promise_is_over(case):
    assert _light(case, "2026-11-06 09:00") == "red"


def test_no_legal_alert_while_within_the_legal_limit(case):
    sweep_clocks(now=at("2026-11-30 23:00"))

    assert cases_check_legal_limits(now=at("2026-11-30 23:00")) == 0
    assert not _legal_alerts().exists()


def test_the_legal_alert_fires_once_the_twentieth_working_day_is_over(case):
    assert cases_check_legal_limits(now=at("2026-12-01 00:30")) == 1
    assert cases_check_legal_limits(now=at("2026-12-01 00:40")) == 0

    alert = _legal_alerts().get()
    assert alert.severity == Alert.Severity.SERIOUS and alert.subject_ref == case.number
    assert "超过法定办结时限 20 个工作日" in alert.text


def test_the_acceptance_sms_names_the_promise(department, crew):
    process = ProcessFactory(
        item__department=department, item__time_limit_days=3, total_limit_workdays=3
    )
    submitted = CaseFactory(process=process, at=at("2026-11-02 09:00"))

    case = case_accept(actor=crew.clerk, case=submitted, at=at("2026-11-02 10:00"))

    sms = OutboxMessage.objects.get(
        recipient=case.applicant, channel="sms", body__contains="已受理"
    )
    assert "承诺3个工作日内办结（法定办结时限20个工作日）" in sms.body


def test_both_limits_show_on_the_applicants_and_the_clerks_pages(client, case, crew):
    client.force_login(case.applicant)
    mine = client.get(reverse("approvals:case", args=[case.pk])).content.decode()
    client.force_login(crew.clerk)
    staff = client.get(reverse("approvals:staff_case", args=[case.pk])).content.decode()

    for page in (mine, staff):
        assert "承诺办结时限：3 个工作日" in page
        assert "法定办结时限：20 个工作日（至 2026-11-30）" in page


def test_activation_is_refused_when_the_steps_exceed_the_promise(department):
    admin = StaffFactory(roles=[Role.ADMIN], department=department)
    item = ProcessFactory(item__department=department, item__time_limit_days=3).item
    draft = process_create(actor=admin, item=item)
    for kind, limit in [("accept", 1), ("review", 2), ("decide", 2), ("finish", 1)]:
        process_add_step(
            actor=admin,
            process=draft,
            kind=kind,
            name=kind,
            departments=[department],
            limit_workdays=limit,
        )

    with pytest.raises(DomainError, match="各环节时限之和为4个工作日，超过承诺办结时限3个工作日"):
        process_activate(actor=admin, process=draft)
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.total_limit_workdays == 3


def test_a_case_paused_past_its_legal_limit_before_any_check_still_gets_the_alert(case, crew):
    with time_machine.travel(at("2026-12-01 09:00"), tick=False):
        case_pause(actor=crew.reviewer, case=case, reason_kind="hearing", expected_days=5)

    assert _legal_alerts().filter(subject_ref=case.number).exists()
    assert cases_check_legal_limits(now=at("2026-12-01 09:10")) == 0

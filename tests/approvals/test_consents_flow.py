"""代办授权: a village agent files for a citizen only once the citizen agrees."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from approvals.models import AgentConsent, Case, CaseEvent
from approvals.services.applying import case_add_material
from portal import sms
from portal.errors import DomainError
from portal.roles import Role
from tests.approvals.factories import pdf_upload
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_sms_outbox():
    sms.outbox.clear()


@pytest.fixture
def agent(db):
    return StaffFactory(roles=[Role.VILLAGE_AGENT])


@pytest.fixture
def citizen(db):
    return CitizenFactory(real_name="赵代办", mobile="13912345678")


@pytest.fixture
def requested(client, agent, citizen, process, django_capture_on_commit_callbacks):
    """The agent has asked to file for the citizen: the case and the code texted to the citizen."""
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("approvals:apply", args=[process.item.pk]),
            {"applicant_code": citizen.resident_id, "applicant_mobile": citizen.mobile},
        )
    case = Case.objects.get(agent=agent)
    code = re.search(r"验证码 (\d{6})", sms.outbox[-1].body).group(1)
    return case, code


def consent_url(case) -> str:
    return reverse("approvals:consent", args=[case.pk])


def confirm(client, case, code):
    return client.post(consent_url(case), {"action": "confirm", "code": code})


def test_the_code_goes_to_the_mobile_of_the_citizens_account(requested, citizen):
    case, code = requested
    assert sms.outbox[-1].to == citizen.mobile
    assert code not in case.consent.code_digest
    history = list(case.consent.history.values())
    assert history and all("code_digest" not in record for record in history)
    assert list(case.events.values_list("code", flat=True)) == ["consent_requested"]


def test_before_consent_the_agent_sees_the_applicant_masked(client, requested, citizen):
    case, _code = requested
    response = client.get(reverse("approvals:draft", args=[case.pk]), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == consent_url(case)
    assert "赵**" in page and "139****5678" in page
    assert citizen.real_name not in page and citizen.mobile not in page
    assert citizen.resident_id not in page


def test_the_right_code_grants_consent_and_opens_the_form(client, requested, citizen):
    case, code = requested
    response = confirm(client, case, code)
    assert response["Location"] == reverse("approvals:draft", args=[case.pk])
    assert citizen.real_name in client.get(response["Location"]).content.decode()
    event = case.events.get(code=CaseEvent.Code.CONSENT_GRANTED)
    assert event.data["via"] == "sms"


def test_a_wrong_code_is_refused_and_counted(client, requested):
    case, code = requested
    wrong = "000000" if code != "000000" else "111111"
    response = confirm(client, case, wrong)
    assert response.status_code == 400
    assert "验证码不正确，还可以输入4次" in response.content.decode()
    assert AgentConsent.objects.get(case=case).code_attempts == 1


def test_after_five_wrong_codes_even_the_right_one_is_refused(client, requested):
    case, code = requested
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        confirm(client, case, wrong)
    response = confirm(client, case, code)
    assert response.status_code == 400
    assert AgentConsent.objects.get(case=case).status == "pending"


def test_an_expired_code_is_refused_and_a_new_one_can_be_sent(
    client, requested, django_capture_on_commit_callbacks
):
    case, code = requested
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        response = confirm(client, case, code)
        assert response.status_code == 400 and "验证码已失效" in response.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(consent_url(case), {"action": "resend"})
        fresh = re.search(r"验证码 (\d{6})", sms.outbox[-1].body).group(1)
        assert confirm(client, case, fresh).status_code == 302
    assert AgentConsent.objects.get(case=case).status == "granted"


def test_the_citizen_approves_in_their_own_account(client, requested, citizen):
    case, _code = requested
    client.force_login(citizen)
    page = client.get(reverse("approvals:consents")).content.decode()
    assert case.item.name in page and "同意代办" in page
    consent = case.consent
    client.post(reverse("approvals:consent_decide", args=[consent.pk]), {"decision": "grant"})
    consent.refresh_from_db()
    assert consent.status == "granted" and consent.via == "account"
    assert case.events.filter(code=CaseEvent.Code.CONSENT_GRANTED, actor=citizen).exists()


def test_a_refusal_is_an_event_and_the_agent_cannot_go_on(client, requested, citizen, agent):
    case, code = requested
    client.force_login(citizen)
    client.post(reverse("approvals:consent_decide", args=[case.consent.pk]), {"decision": "refuse"})
    assert case.events.filter(code=CaseEvent.Code.CONSENT_REFUSED, actor=citizen).exists()
    client.force_login(agent)
    assert "申请人已拒绝" in client.get(consent_url(case)).content.decode()
    assert confirm(client, case, code).status_code == 400
    case.refresh_from_db()
    assert case.applicant_name != citizen.real_name


def test_the_agent_cannot_add_materials_before_consent(requested, agent):
    case, _code = requested
    with pytest.raises(DomainError, match="尚未同意代办"):
        case_add_material(actor=agent, case=case, name="申请书", upload=pdf_upload())


def test_another_citizen_cannot_answer_the_request(client, requested):
    case, _code = requested
    client.force_login(CitizenFactory())
    url = reverse("approvals:consent_decide", args=[case.consent.pk])
    assert client.post(url, {"decision": "grant"}).status_code == 404
    assert AgentConsent.objects.get(case=case).status == "pending"


def test_a_wrong_mobile_finds_no_one(client, agent, citizen, process):
    client.force_login(agent)
    response = client.post(
        reverse("approvals:apply", args=[process.item.pk]),
        {"applicant_code": citizen.resident_id, "applicant_mobile": "13700000000"},
    )
    assert response.status_code == 400 and "没有找到" in response.content.decode()
    assert not Case.objects.exists() and not sms.outbox


def test_an_agent_guessing_applicants_is_stopped(client, agent, citizen, process, settings):
    # A cache of this process only: the shared file cache is cleared by other test runs.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client.force_login(agent)
    url = reverse("approvals:apply", args=[process.item.pk])
    for _ in range(10):
        client.post(url, {"applicant_code": citizen.resident_id, "applicant_mobile": "13700000000"})
    response = client.post(
        url, {"applicant_code": citizen.resident_id, "applicant_mobile": citizen.mobile}
    )
    assert response.status_code == 429 and "失败次数过多" in response.content.decode()
    assert not Case.objects.exists()

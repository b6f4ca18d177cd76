"""Consents (代办授权): the citizen agrees that a village agent files for them.

The agent's draft starts with the applicant masked and an SMS code sent to the mobile of the
citizen's account; the agent types the code in, or the citizen approves (or refuses) the
request in their own account. Codes expire, are limited in attempts and kept only as digests.
"""

import datetime
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import AgentConsent, Case, CaseEvent
from approvals.selectors.applying import mask_name
from portal.errors import DomainError
from portal.identity import mask_mobile, mask_resident_id
from portal.locking import lock
from portal.models import User
from portal.notifications import notify, notify_contact
from portal.query_codes import query_code_digest, query_code_matches
from portal.texts import coded, source_text

CODE_MINUTES = 10
# Wrong codes allowed per code, and codes sent per request: together at most 15 guesses of 10**6.
CODE_ATTEMPTS = 5
CODES_PER_REQUEST = 3


def applicant_identity(user: User) -> tuple[str, str, str]:
    """Return the applicant's name, ID number (or credit code) and mobile, from the profile."""
    if user.kind == User.Kind.ENTERPRISE:
        return user.organization_name or user.display_name, user.credit_code, user.mobile
    return user.real_name or user.display_name, user.resident_id, user.mobile


def masked_identity(user: User) -> tuple[str, str, str]:
    """The applicant as the agent sees them before consent."""
    name, id_number, mobile = applicant_identity(user)
    return mask_name(name), mask_resident_id(id_number), mask_mobile(mobile)


def _code_key(consent: AgentConsent) -> str:
    return f"consent-{consent.pk}"


def code_is_live(consent: AgentConsent, at: datetime.datetime | None = None) -> bool:
    """Whether the last code sent can still be typed in."""
    at = at or timezone.now()
    return bool(
        consent.code_digest
        and consent.code_expires_at
        and consent.code_expires_at > at
        and consent.code_attempts < CODE_ATTEMPTS
    )


def consent_request(*, agent: User, case: Case) -> AgentConsent:
    """Open the consent request of an agent's new draft and send the first code; in a transaction."""
    consent = AgentConsent.objects.create(case=case, agent=agent, citizen=case.applicant)
    CaseEvent.record(case, CaseEvent.Code.CONSENT_REQUESTED, actor=agent)
    _send_code(consent)
    notify(
        [case.applicant],
        subject=coded("approvals.consent_asked"),
        body=coded("approvals.consent_asked_body", agent=agent.display_name, item=case.item.name),
        url=reverse("approvals:consents"),
        sms=False,
        email=False,
    )
    return consent


def _send_code(consent: AgentConsent) -> None:
    """Issue a fresh code and text it to the mobile of the citizen's account."""
    code = f"{secrets.randbelow(10**6):06d}"
    consent.code_digest = query_code_digest(_code_key(consent), code)
    consent.code_expires_at = timezone.now() + datetime.timedelta(minutes=CODE_MINUTES)
    consent.code_attempts = 0
    consent.codes_sent += 1
    consent.save()
    notify_contact(
        mobile=consent.citizen.mobile,
        subject=coded("approvals.consent_code"),
        body=coded(
            "approvals.consent_code_body",
            item=consent.case.item.name,
            code=code,
            minutes=CODE_MINUTES,
        ),
    )


def _check_pending(consent: AgentConsent) -> None:
    if consent.status == AgentConsent.Status.GRANTED:
        raise DomainError(_("申请人已同意代办，无需再次确认。"))
    if consent.status == AgentConsent.Status.REFUSED:
        raise DomainError(_("申请人已拒绝本次代办请求。"))


@transaction.atomic
def consent_resend_code(*, actor: User, consent: AgentConsent) -> AgentConsent:
    """Send a new code once the last one has expired or run out of attempts."""
    consent = lock(consent, related=("case__item", "citizen"))
    if actor.pk != consent.agent_id:
        raise DomainError(_("只有发起请求的代办员可以重新发送验证码。"))
    _check_pending(consent)
    if code_is_live(consent):
        raise DomainError(_("验证码仍然有效，请向申请人询问短信中的验证码。"))
    if consent.codes_sent >= CODES_PER_REQUEST:
        raise DomainError(_("验证码发送次数已达上限，请申请人登录本人账号确认。"))
    _send_code(consent)
    return consent


def consent_confirm_code(*, actor: User, consent: AgentConsent, code: str) -> AgentConsent:
    """The agent types in the code the citizen received: consent by SMS."""
    with transaction.atomic():
        consent = lock(consent, related=("case", "citizen"))
        if actor.pk != consent.agent_id:
            raise DomainError(_("只有发起请求的代办员可以输入验证码。"))
        _check_pending(consent)
        if consent.code_attempts >= CODE_ATTEMPTS:
            raise DomainError(_("验证码错误次数过多，请重新发送验证码。"))
        if not code_is_live(consent):
            raise DomainError(_("验证码已过期，请重新发送验证码。"))
        if query_code_matches(consent.code_digest, _code_key(consent), code or ""):
            return _decide(consent, actor=actor, grant=True, via=AgentConsent.Via.SMS)
        # The wrong attempt is counted even though the request is refused.
        consent.code_attempts += 1
        consent.save()
        left = CODE_ATTEMPTS - consent.code_attempts
    raise DomainError(_("验证码不正确，还可以输入%(left)s次。") % {"left": left})


@transaction.atomic
def consent_decide(*, actor: User, consent: AgentConsent, grant: bool) -> AgentConsent:
    """The citizen approves or refuses the request in their own account."""
    consent = lock(consent, related=("case", "citizen"))
    if actor.pk != consent.citizen_id:
        raise DomainError(_("只有申请人本人可以确认代办请求。"))
    _check_pending(consent)
    return _decide(consent, actor=actor, grant=grant, via=AgentConsent.Via.ACCOUNT)


def _decide(consent: AgentConsent, *, actor: User, grant: bool, via: str) -> AgentConsent:
    """Record the citizen's answer; on consent the draft gets the applicant's real identity."""
    case = consent.case
    consent.status = AgentConsent.Status.GRANTED if grant else AgentConsent.Status.REFUSED
    consent.via, consent.decided_at = via, timezone.now()
    consent.code_digest = ""
    consent.save()
    if grant:
        case = lock(case)
        case.applicant_name, case.applicant_id_number, case.applicant_mobile = applicant_identity(
            consent.citizen
        )
        case.save()
    code = CaseEvent.Code.CONSENT_GRANTED if grant else CaseEvent.Code.CONSENT_REFUSED
    CaseEvent.record(case, code, actor=actor, via=via)
    subject = "approvals.consent_granted" if grant else "approvals.consent_refused"
    notify(
        [consent.agent],
        subject=coded(subject),
        body=coded(
            "approvals.consent_answered_body",
            item=case.item.name,
            status=source_text(AgentConsent.Status(consent.status).label),
        ),
        url=reverse("approvals:consent", args=[case.pk]),
        sms=False,
        email=False,
    )
    return consent


def consent_missing(case: Case, actor: User) -> bool:
    """Whether the actor is the case's agent and the applicant has not (yet) agreed."""
    if actor is None or actor.pk != case.agent_id:
        return False
    return (
        AgentConsent.objects.filter(case=case).exclude(status=AgentConsent.Status.GRANTED).exists()
    )

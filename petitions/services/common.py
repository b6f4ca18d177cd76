"""Helpers shared by the complaint services: locking, events, clocks, notifications."""

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from petitions.models import (
    Complaint,
    ComplaintEvent,
)
from portal.models import Department, User
from portal.notifications import notify, notify_contact
from portal.roles import Role
from supervision import services as supervision
from supervision.models import Clock

S = Complaint.Status
E = ComplaintEvent.Code
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class IdentityData:
    """What the complainant told us about themselves; every field may be empty when anonymous."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


# --- Small helpers ---------------------------------------------------------------------------


def query_code_digest(number: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{number}:{code.strip().upper()}".encode(), hashlib.sha256).hexdigest()


def query_code_matches(complaint: Complaint, code: str) -> bool:
    return hmac.compare_digest(
        complaint.query_code_digest, query_code_digest(complaint.number or "", code)
    )


def _lock(complaint: Complaint) -> Complaint:
    """Re-read the complaint under a row lock: two operators or two tabs never both move it."""
    return (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("category")
        .get(pk=complaint.pk)
    )


def _event(
    complaint: Complaint, code: str, *, actor: User | None = None, note: str = "", **data
) -> ComplaintEvent:
    return ComplaintEvent.objects.create(
        complaint=complaint, code=code, actor=actor, note=note, data=data
    )


def _label(complaint: Complaint) -> str:
    return f"{complaint.number} {complaint.title}"[:200]


def _staff_url(complaint: Complaint) -> str:
    return reverse("petitions:staff_detail", args=[complaint.number])


def _track_url(complaint: Complaint) -> str:
    return reverse("petitions:track")


def hotline_department() -> Department | None:
    return Department.objects.filter(code=settings.PETITIONS_HOTLINE_DEPARTMENT).first()


def _clock_unit(unit: str) -> str:
    return Clock.Unit.DAYS if unit == "days" else Clock.Unit.WORKDAYS


def _start_clock(
    complaint: Complaint,
    *,
    kind: str,
    limit: int,
    unit: str,
    department: Department | None,
    actor: User | None,
    started_at=None,
) -> None:
    """Stop the complaint's running clock and start the next one."""
    _stop_clock(complaint, actor=actor)
    department = department or hotline_department() or complaint.department
    complaint.clock = supervision.clock_start(
        kind=kind,
        subject_ref=complaint.number,
        subject_label=_label(complaint),
        subject_url=_staff_url(complaint),
        department=department,
        responsible=None,
        limit=limit,
        unit=unit,
        started_at=started_at,
        actor=actor,
    )


def _stop_clock(complaint: Complaint, *, actor: User | None) -> None:
    if complaint.clock_id is not None and complaint.clock.is_open:
        supervision.clock_stop(clock=complaint.clock, actor=actor)
    complaint.clock = None


def _office_staff() -> Iterable[User]:
    return User.objects.with_role(Role.HOTLINE_OPERATOR)


def _notify_office(complaint: Complaint, subject: str) -> None:
    notify(
        _office_staff(),
        subject=subject,
        body=_label(complaint),
        url=_staff_url(complaint),
        sms=False,
        email=False,
    )


def _notify_department(complaint: Complaint, subject: str, *, sms: bool = True) -> None:
    """Tell the handling department; the message names the complaint, never the complainant."""
    recipients = User.objects.staff().filter(department_id=complaint.department_id)
    notify(
        recipients,
        subject=subject,
        body=_label(complaint),
        url=_staff_url(complaint),
        sms=sms,
        email=False,
    )


def _notify_complainant(complaint: Complaint, subject: str, body: str) -> None:
    """Tell the complainant through their account, or their phone / e-mail if they left one."""
    identity = getattr(complaint, "identity", None)
    if identity is None or (
        complaint.contact_method == Complaint.Contact.NONE and identity.account_id is None
    ):
        return
    body = f"{body} {_('诉求编号')}：{complaint.number}"
    if identity.account_id is not None:
        notify(
            [identity.account],
            subject=subject,
            body=body,
            url=_track_url(complaint),
            sms=complaint.contact_method == Complaint.Contact.SMS,
            email=complaint.contact_method == Complaint.Contact.EMAIL,
        )
    elif identity.phone or identity.email:
        use_email = complaint.contact_method == Complaint.Contact.EMAIL and identity.email
        notify_contact(
            mobile="" if use_email else identity.phone,
            email=identity.email if use_email else "",
            subject=subject,
            body=body,
        )


def _new_query_code() -> str:
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(8))

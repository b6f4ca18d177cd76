"""Who is told what about a complaint: the hotline office, leaders, the department, the complainant.

A message to staff names the complaint, never the complainant.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from petitions.models import Complaint
from portal.models import User
from portal.notifications import notify, notify_contact
from portal.roles import Role


def complaint_label(complaint: Complaint) -> str:
    """Return how staff messages and clocks name the complaint: its number and title."""
    return f"{complaint.number} {complaint.title}"[:200]


def staff_url(complaint: Complaint) -> str:
    return reverse("petitions:staff_detail", args=[complaint.number])


def track_url(complaint: Complaint) -> str:
    return reverse("petitions:track")


def notify_office(complaint: Complaint, subject: str) -> None:
    """Tell the hotline office (in its inbox only)."""
    notify(
        User.objects.with_role(Role.HOTLINE_OPERATOR),
        subject=subject,
        body=complaint_label(complaint),
        url=staff_url(complaint),
        sms=False,
        email=False,
    )


def notify_leaders(complaint: Complaint, subject: str) -> None:
    """Tell the leaders (in their inbox only): an instruction or a 复核 awaits them."""
    notify(
        User.objects.with_role(Role.LEADER),
        subject=subject,
        body=complaint_label(complaint),
        url=staff_url(complaint),
        sms=False,
        email=False,
    )


def notify_department(complaint: Complaint, subject: str, *, sms: bool = True) -> None:
    """Tell the handling department."""
    recipients = User.objects.staff().filter(department_id=complaint.department_id)
    notify(
        recipients,
        subject=subject,
        body=complaint_label(complaint),
        url=staff_url(complaint),
        sms=sms,
        email=False,
    )


def notify_complainant(complaint: Complaint, subject: str, body: str) -> None:
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
            url=track_url(complaint),
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

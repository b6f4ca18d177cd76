"""Who is told what about a complaint: the hotline office, leaders, the department, the complainant.

A message to staff names the complaint, never the complainant.
"""

from django.urls import reverse

from petitions.models import Complaint
from portal.models import User
from portal.notifications import notify, notify_contact
from portal.roles import Role
from portal.texts import Coded, coded, plain


def complaint_label(complaint: Complaint) -> str:
    """Return how staff messages and clocks name the complaint: its number and title."""
    return f"{complaint.number} {complaint.title}"[:200]


def staff_url(complaint: Complaint) -> str:
    return reverse("petitions:staff_detail", args=[complaint.number])


def track_url(complaint: Complaint) -> str:
    return reverse("petitions:track")


def notify_office(complaint: Complaint, subject: str) -> None:
    """Tell the hotline office (in its inbox only); `subject` is a code of `labels.NOTICES`."""
    notify(
        User.objects.with_role(Role.HOTLINE_OPERATOR),
        subject=coded(subject),
        body=plain(complaint_label(complaint)),
        url=staff_url(complaint),
        sms=False,
        email=False,
    )


def notify_leaders(complaint: Complaint, subject: str) -> None:
    """Tell the leaders (in their inbox only): an instruction or a 复核 awaits them."""
    notify(
        User.objects.with_role(Role.LEADER),
        subject=coded(subject),
        body=plain(complaint_label(complaint)),
        url=staff_url(complaint),
        sms=False,
        email=False,
    )


def notify_department(complaint: Complaint, subject: str, *, sms: bool = True) -> None:
    """Tell the handling department."""
    recipients = User.objects.staff().filter(department_id=complaint.department_id)
    notify(
        recipients,
        subject=coded(subject),
        body=plain(complaint_label(complaint)),
        url=staff_url(complaint),
        sms=sms,
        email=False,
    )


def notify_complainant(complaint: Complaint, subject: Coded, body: Coded) -> None:
    """Tell the complainant through their account, or their phone / e-mail if they left one."""
    identity = getattr(complaint, "identity", None)
    if identity is None or (
        complaint.contact_method == Complaint.Contact.NONE and identity.account_id is None
    ):
        return
    body = coded("petitions.complaint_numbered", text=body, number=complaint.number)
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

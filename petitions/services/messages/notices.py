"""Who is told what about a message, and how staff pages and clocks name it."""

from django.urls import reverse

from petitions.models import Message
from portal.models import User
from portal.notifications import notify, notify_contact
from portal.roles import Role
from portal.texts import Coded, coded, plain


def message_label(message: Message) -> str:
    """Return how staff messages and clocks name the message: its number and title."""
    return f"{message.number} {message.title}"[:200]


def staff_url(message: Message) -> str:
    return reverse("petitions:message_staff_detail", args=[message.number])


def public_url(message: Message) -> str:
    return reverse("petitions:qa_detail", args=[message.number])


def notify_office(message: Message, subject: str) -> None:
    """Tell the hotline office, which routes messages (inbox only); `subject` is a notice code."""
    notify(
        User.objects.with_role(Role.HOTLINE_OPERATOR),
        subject=coded(subject),
        body=plain(message_label(message)),
        url=staff_url(message),
        sms=False,
        email=False,
    )


def notify_department(message: Message, subject: str) -> None:
    """Tell the staff of the department that answers the message."""
    notify(
        User.objects.staff().filter(department_id=message.department_id),
        subject=coded(subject),
        body=plain(message_label(message)),
        url=staff_url(message),
        sms=True,
        email=False,
    )


def notify_author(message: Message, subject: Coded, body: Coded) -> None:
    """Tell the author through their account, or the phone they left when anonymous."""
    body = coded("petitions.message_numbered", text=body, number=message.number)
    if message.author_id is not None:
        notify(
            [message.author],
            subject=subject,
            body=body,
            url=reverse("petitions:message_track"),
            email=False,
        )
    elif message.contact_phone:
        notify_contact(mobile=message.contact_phone, subject=subject, body=body)

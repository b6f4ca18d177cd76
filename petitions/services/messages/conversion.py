"""Conversion between messages and complaints (转为投诉 / 转为留言), the clock carried over.

The complaint is filed through the complaints' own filing (number, identity, query code sent to
the author) and goes straight to the department that already had the message, as accepted: that
department has been working on it since it arrived. Its reply clock counts from the message's
receipt (`clock_carry`), so the time the citizen has waited is never lost. The other way, a
complaint that is really a question becomes a message whose answer clock counts from the
complaint's registration. Both records remain and their events name each other.
"""

import re
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Category, Complaint, ComplaintEvent, Message, MessageEvent
from petitions.services.complaints.clocks import stop_clock
from petitions.services.complaints.filing import IdentityData, complaint_file
from petitions.services.complaints.notices import complaint_label
from petitions.services.complaints.notices import staff_url as complaint_staff_url
from petitions.services.messages.clocks import KIND, clock_carry, reply_limit
from petitions.services.messages.handling import require_office
from petitions.services.messages.notices import message_label
from petitions.services.messages.notices import staff_url as message_staff_url
from petitions.services.messages.writing import message_submit
from petitions.services.routing import clock_unit
from petitions.transitions.complaints import COMPLAINT_MOVES
from petitions.transitions.messages import MESSAGE_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from supervision.models import Clock

MOBILE = re.compile(r"1[3-9]\d{9}")

# A report (举报) or a petition (信访) has its own protections and statutory path: the citizen
# files it there; the office converts only what the complaint board handles the same way.
CONVERTIBLE_KINDS = (Category.Kind.COMPLAINT, Category.Kind.HELP, Category.Kind.CONSULTATION)


def identity_of(message: Message) -> IdentityData:
    author = message.author
    return IdentityData(
        name=message.contact_name or (author.real_name or author.username if author else ""),
        phone=message.contact_phone or (author.mobile if author else ""),
        address=message.contact_address,
    )


@transaction.atomic
def message_convert_to_complaint(
    *,
    message: Message,
    actor: User,
    category: Category,
    department: Department | None = None,
    at: datetime | None = None,
) -> Complaint:
    """The office turns the message into a complaint of `category`, handled by `department`
    (default: the message's department); the message is closed as converted."""
    require_office(actor)
    message = lock(message)
    MESSAGE_MOVES.check(message, "convert")
    if category.kind not in CONVERTIBLE_KINDS or not category.is_active:
        raise DomainError(
            _("留言只能转为投诉、求助或咨询类诉求；举报和信访请群众通过相应渠道提出。")
        )
    department = department or message.department
    if department is None or not department.is_active:
        raise DomainError(_("请选择承办单位。"))
    now = at or timezone.now()
    contact = Complaint.Contact.INBOX if message.author_id else Complaint.Contact.SMS
    if not message.author_id and not message.contact_phone:
        contact = Complaint.Contact.NONE
    complaint, _code = complaint_file(
        actor=None,
        category=category,
        title=message.title,
        content=message.content,
        is_anonymous=message.is_anonymous,
        contact_method=contact,
        allow_publication=message.publish_consent,
        identity=identity_of(message),
        account=message.author,
        at=now,
    )
    complaint = lock(complaint, related=("category",))
    # Whatever routing did, the department that had the message keeps it, as accepted.
    stop_clock(complaint, actor=actor, at=now)
    complaint.status = Complaint.Status.HANDLING
    complaint.department = department
    complaint.dispatched_at = complaint.dispatched_at or now
    complaint.dispatch_minutes = complaint.dispatch_minutes or 0
    complaint.signed_at = now
    complaint.clock = clock_carry(
        message.clock,
        kind="petitions.reply",
        subject_ref=complaint.number,
        subject_label=complaint_label(complaint),
        subject_url=complaint_staff_url(complaint),
        department=department,
        limit=category.reply_limit,
        unit=clock_unit(category.limit_unit),
        actor=actor,
        at=now,
    )
    complaint.save()
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.DISPATCHED,
        actor=actor,
        at=now,
        note=_("由留言 %(number)s 转为投诉") % {"number": message.number},
        department=department.name,
        from_message=message.number,
    )
    message.status = Message.Status.CONVERTED
    message.converted_to = complaint
    message.clock = None
    message.save()
    MessageEvent.record(
        message,
        MessageEvent.Code.CONVERTED_TO_COMPLAINT,
        actor=actor,
        at=now,
        complaint=complaint.number,
    )
    return complaint


@transaction.atomic
def complaint_convert_to_message(
    *, complaint: Complaint, actor: User, category: str, at: datetime | None = None
) -> Message:
    """The office turns a complaint that is really a question into a message of `category`.

    The message goes to the complaint's department (or waits for the office's routing) and its
    answer clock counts from the complaint's registration. A protected complaint (a report, an
    anonymous one) is never converted: it would leave the protections of its identity.
    """
    require_office(actor)
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "convert_to_message")
    if complaint.is_protected:
        raise DomainError(_("举报件和匿名诉求不能转为留言。"))
    now = at or timezone.now()
    identity = getattr(complaint, "identity", None)
    account = identity.account if identity is not None else None
    phone = identity.phone if identity is not None else ""
    message, _code = message_submit(
        author=account if account is not None and account.kind != User.Kind.STAFF else None,
        mailbox=Message.Mailbox.DEPARTMENT if complaint.department else Message.Mailbox.COUNTY_HEAD,
        addressee=complaint.department,
        category=category,
        title=complaint.title,
        content=complaint.content,
        contact_name=identity.name if identity is not None else "",
        contact_phone=phone if MOBILE.fullmatch(phone or "") else "",
        contact_address=identity.address if identity is not None else "",
        publish_consent=complaint.allow_publication,
        at=now,
    )
    message.is_anonymous = False
    message.converted_from = complaint
    message.clock = clock_carry(
        message.clock,
        kind=KIND,
        subject_ref=message.number,
        subject_label=message_label(message),
        subject_url=message_staff_url(message),
        department=message.clock.department,
        limit=reply_limit(category),
        unit=Clock.Unit.WORKDAYS,
        actor=actor,
        at=now,
        started_at=complaint.registered_at,
    )
    message.save()
    MessageEvent.record(
        message,
        MessageEvent.Code.CONVERTED_FROM_COMPLAINT,
        actor=actor,
        at=now,
        complaint=complaint.number,
    )
    stop_clock(complaint, actor=actor, at=now)
    complaint.status = Complaint.Status.CONVERTED
    complaint.save()
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.CONVERTED_TO_MESSAGE,
        actor=actor,
        at=now,
        note=_("转为留言 %(number)s") % {"number": message.number},
        message=message.number,
    )
    return message

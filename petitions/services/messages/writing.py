"""Writing a message: signed in, or anonymous where the setting allows, followed by a query code."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import Message, MessageEvent
from petitions.services.messages.clocks import carry_message_clock
from petitions.services.messages.notices import notify_author, notify_department, notify_office
from petitions.services.messages.publication import submit_for_publication
from portal import query_codes
from portal.audit import acting_as
from portal.errors import DomainError
from portal.identity import validate_mobile
from portal.models import Department, User
from portal.texts import coded


def query_code_matches(message: Message, code: str) -> bool:
    return query_codes.query_code_matches(message.query_code_digest, message.number, code)


def message_submit(
    *,
    author: User | None,
    mailbox: str,
    addressee: Department | None,
    category: str,
    title: str,
    content: str,
    contact_name: str = "",
    contact_phone: str = "",
    contact_address: str = "",
    publish_consent: bool = False,
    at: datetime | None = None,
) -> tuple[Message, str]:
    """Write a message; return it and its query code (shown once, stored as a digest only).

    `author` None is an anonymous message (refused unless `PETITIONS_MESSAGES_ANONYMOUS`). A
    message to a department's mailbox goes to that department at once; one to the county head's
    mailbox waits for the office to route it. The answer clock starts now either way.
    """
    if author is None and not settings.PETITIONS_MESSAGES_ANONYMOUS:
        raise DomainError(_("请先登录后再留言。"))
    if author is not None and author.kind == User.Kind.STAFF:
        raise DomainError(_("工作人员不能以个人身份留言。"))
    if mailbox not in Message.Mailbox.values or category not in Message.Category.values:
        raise DomainError(_("请选择信箱和留言类别。"))
    if mailbox == Message.Mailbox.DEPARTMENT and (addressee is None or not addressee.is_active):
        raise DomainError(_("请选择收信单位。"))
    if not title.strip() or not content.strip():
        raise DomainError(_("请填写留言标题和内容。"))
    contact_phone = contact_phone.strip()
    if contact_phone:
        try:
            validate_mobile(contact_phone)
        except ValidationError as error:
            raise DomainError(error.messages[0]) from error
    code = query_codes.new_query_code()
    # The author's own writing is recorded without a user in history, like a complaint's filing.
    with acting_as(None), transaction.atomic():
        now = at or timezone.now()
        message = Message(
            mailbox=mailbox,
            addressee=addressee if mailbox == Message.Mailbox.DEPARTMENT else None,
            category=category,
            title=title.strip(),
            content=content.strip(),
            author=author,
            is_anonymous=author is None,
            contact_name=contact_name.strip(),
            contact_phone=contact_phone,
            contact_address=contact_address.strip(),
            publish_consent=publish_consent,
            received_at=now,
        )
        if mailbox == Message.Mailbox.DEPARTMENT:
            message.status = Message.Status.ASSIGNED
            message.department = addressee
            message.assigned_at = now
        message.skip_history_when_saving = True
        message.save()
        del message.skip_history_when_saving
        # The number comes from the primary key: unique and race-free without a counter row.
        message.number = f"LY{timezone.localtime(now):%Y}{message.pk:07d}"
        message.query_code_digest = query_codes.query_code_digest(message.number, code)
        carry_message_clock(message, actor=None, at=now)
        message.save()
        MessageEvent.record(message, MessageEvent.Code.RECEIVED, at=now, mailbox=mailbox)
        submit_for_publication(message, at=now)
        if message.department_id is not None:
            notify_department(message, "petitions.message_to_answer")
        else:
            notify_office(message, "petitions.message_to_route")
        notify_author(
            message,
            coded("petitions.message_received"),
            coded("petitions.message_received_body", code=code),
        )
    return message, code

"""Filing: online by the complainant, or registered by the hotline for a caller."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import (
    Attachment,
    Category,
    ComplainantIdentity,
    Complaint,
    ComplaintEvent,
)
from petitions.permissions import complaints as complaint_permissions
from petitions.services.complaints.dispatching import after_registration
from petitions.services.complaints.notices import notify_complainant, notify_office
from portal import notifications, query_codes
from portal.audit import acting_as
from portal.errors import DomainError
from portal.events import batched_events
from portal.models import Department, User
from portal.query_codes import new_query_code, query_code_digest
from portal.texts import coded


@dataclass(frozen=True)
class IdentityData:
    """What the complainant told us about themselves; every field may be empty when anonymous."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


def query_code_matches(complaint: Complaint, code: str) -> bool:
    return query_codes.query_code_matches(complaint.query_code_digest, complaint.number, code)


def complaint_file(
    *,
    actor: User | None,
    category: Category,
    title: str,
    content: str,
    place: str = "",
    is_anonymous: bool = False,
    names_official: bool = False,
    reported_department: Department | None = None,
    reported_person: str = "",
    contact_method: str = Complaint.Contact.NONE,
    allow_publication: bool = False,
    identity: IdentityData | None = None,
    account: User | None = None,
    attachments: Iterable = (),
    channel: str = Complaint.Channel.ONLINE,
    is_emergency: bool = False,
    emergency_note: str = "",
    related_number: str = "",
    at: datetime | None = None,
) -> tuple[Complaint, str]:
    """File a complaint online (actor None: the complainant) or register a call (actor: the operator).

    Return the complaint and its query code, which is shown once and stored only as a digest.
    An anonymous complaint is never linked to the account it was filed from, nor told through
    the account's mobile or e-mail: its number and query code are the only way back.
    """
    identity = identity or IdentityData()
    if is_anonymous and account is not None:
        identity = replace(
            identity,
            phone="" if identity.phone == account.mobile else identity.phone,
            email="" if identity.email == account.email else identity.email,
        )
        account = None
    if is_anonymous and (
        contact_method == Complaint.Contact.INBOX
        or (contact_method == Complaint.Contact.EMAIL and not identity.email)
        or (
            contact_method in (Complaint.Contact.SMS, Complaint.Contact.PHONE)
            and not identity.phone
        )
    ):
        # No channel of its own was given (the default included): the query code is the way back.
        contact_method = Complaint.Contact.NONE
    if (reported_department is not None or reported_person.strip()) and not names_official:
        raise DomainError(_("填写被举报单位或人员时，请勾选“举报具体的公职人员或单位”。"))
    if not category.is_active:
        raise DomainError(_("该类别已停用，请选择其他类别。"))
    if not is_anonymous and not (identity.name and (identity.phone or identity.email or account)):
        raise DomainError(_("实名反映请填写姓名和至少一种联系方式；不愿留名请选择匿名。"))
    phone_needed = contact_method in (Complaint.Contact.SMS, Complaint.Contact.PHONE)
    if phone_needed and not identity.phone and not (account and account.mobile):
        raise DomainError(_("选择短信或电话联系，请留下手机号码。"))
    related = None
    if related_number:
        related = Complaint.objects.filter(number=related_number.strip()).first()
        if related is None:
            raise DomainError(_("没有找到您填写的原诉求编号。"))
        if related.is_final:
            raise DomainError(_("该事项已经复核终结，依法不再受理。"))
    self_filed = channel in Complaint.SELF_FILED_CHANNELS
    if not self_filed and not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以登记来电来信。"))

    code = new_query_code()
    # The complainant's own filing is recorded without a user: history must not name them.
    history_user = None if self_filed else actor
    # One transaction; its events, then its notifications, are each written in one statement.
    # No savepoint inside a caller's transaction (`submit_once`): nothing here is retried.
    with (
        acting_as(history_user),
        transaction.atomic(savepoint=False),
        batched_events(),
        notifications.batched(),
    ):
        now = at or timezone.now()
        complaint = Complaint(
            category=category,
            title=title.strip(),
            content=content.strip(),
            place=place.strip(),
            channel=channel,
            is_anonymous=is_anonymous,
            names_official=names_official,
            reported_department=reported_department,
            reported_person=reported_person.strip(),
            contact_method=contact_method,
            allow_publication=allow_publication,
            registered_by=None if self_filed else actor,
            registered_at=now,
            is_emergency=is_emergency,
            related_to=related,
        )
        complaint.skip_history_when_saving = True
        complaint.save()
        del complaint.skip_history_when_saving
        # The number comes from the primary key: unique and race-free without a counter row.
        complaint.number = f"TS{timezone.localtime(now):%Y}{complaint.pk:07d}"
        complaint.query_code_digest = query_code_digest(complaint.number, code)
        # Not saved here: every path below saves the complaint once, with its first history row.
        ComplainantIdentity.objects.create(
            complaint=complaint,
            account=account,
            name=identity.name,
            id_number=identity.id_number,
            phone=identity.phone or (account.mobile if account and not is_anonymous else ""),
            email=identity.email or (account.email if account and not is_anonymous else ""),
            address=identity.address,
        )
        for upload in attachments:
            Attachment.objects.create(
                complaint=complaint,
                file=upload,
                original_name=upload.name[:200],
                content_type=getattr(upload, "detected_type", "") or upload.content_type or "",
                size=upload.size,
            )
        ComplaintEvent.record(
            complaint,
            ComplaintEvent.Code.FILED if self_filed else ComplaintEvent.Code.REGISTERED,
            actor=history_user,
            at=now,
            channel=channel,
        )
        if is_emergency:
            complaint.status = Complaint.Status.TRANSFERRED
            complaint.save()
            ComplaintEvent.record(
                complaint,
                ComplaintEvent.Code.TRANSFERRED,
                actor=history_user,
                at=now,
                note=emergency_note or _("紧急事项，已即时转办"),
            )
            notify_office(complaint, "petitions.complaint_urgent_transferred")
            return complaint, code
        # A new complaint has no merged duplicates: the units it reports on are all it must avoid.
        after_registration(
            complaint,
            actor=None,
            at=now,
            reported=complaint_permissions.unit_chain_ids(reported_department),
        )
        notify_complainant(
            complaint,
            coded("petitions.complaint_registered"),
            coded("petitions.complaint_registered_body", code=code),
        )
    return complaint, code

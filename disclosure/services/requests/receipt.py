"""Receiving a disclosure request (依申请公开): the application starts the answer clock (Art 33)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest, RequestEvent
from disclosure.permissions import requests as permissions
from disclosure.services.requests.common import (
    clock_due_text,
    notify_applicant,
    notify_office,
    office_department,
)
from portal.errors import DomainError
from portal.models import User
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Clock

CLOCK_KIND = "disclosure.request"


@dataclass(frozen=True)
class ApplicantData:
    """Who applies, as the form gave it (pre-filled from the profile)."""

    name: str
    phone: str
    organization: str = ""
    id_number: str = ""
    email: str = ""
    address: str = ""


def request_file(
    *,
    applicant: User,
    data: ApplicantData,
    description: str,
    purpose: str = "",
    delivery: str = InformationRequest.Delivery.ONLINE,
    at: datetime.datetime | None = None,
) -> InformationRequest:
    """Receive an application; the 20-working-day answer clock starts from receipt (Art 33)."""
    if not permissions.can_apply(applicant):
        raise DomainError(_("请使用个人或企业账户提出申请。"))
    if not description.strip():
        raise DomainError(_("请描述您需要的政府信息。"))
    if not data.name.strip() or not data.phone.strip():
        raise DomainError(_("请填写申请人姓名和联系电话。"))
    if delivery not in InformationRequest.Delivery.values:
        raise DomainError(_("请选择获取信息的方式。"))
    if delivery == InformationRequest.Delivery.EMAIL and not data.email:
        raise DomainError(_("选择电子邮件方式，请填写电子邮箱。"))
    if delivery == InformationRequest.Delivery.POST and not data.address.strip():
        raise DomainError(_("选择纸质邮寄方式，请填写通信地址。"))
    office = office_department()
    if office is None:
        raise DomainError(_("政府信息公开工作机构尚未设置，请稍后再试或电话咨询。"))
    at = at or timezone.now()
    with transaction.atomic():
        request = InformationRequest(
            applicant=applicant,
            applicant_name=data.name.strip(),
            organization=data.organization.strip(),
            id_number=data.id_number.strip(),
            phone=data.phone.strip(),
            email=data.email.strip(),
            address=data.address.strip(),
            description=description.strip(),
            purpose=purpose.strip(),
            delivery=delivery,
            received_at=at,
        )
        # The first history row is written below, once the request has its number.
        request.skip_history_when_saving = True
        request.save()
        del request.skip_history_when_saving
        # The number comes from the primary key: unique and race-free without a counter row.
        request.number = f"YSQ{timezone.localtime(at):%Y}{request.pk:06d}"
        request.clock = supervision.clock_start(
            kind=CLOCK_KIND,
            subject_ref=request.number,
            subject_label=f"{request.number} {request.title}",
            subject_url=request.get_absolute_url(),
            department=office,
            responsible=None,
            limit=settings.DISCLOSURE_REQUESTS_ANSWER_WORKDAYS,
            unit=Clock.Unit.WORKDAYS,
            started_at=at,
            actor=applicant,
        )
        request.save()
        RequestEvent.record(request, RequestEvent.Code.RECEIVED, actor=applicant, at=at)
        notify_applicant(
            request,
            coded("disclosure.request_received"),
            coded("disclosure.request_received_body", date=clock_due_text(request)),
        )
        notify_office(request, "disclosure.request_new")
    return request

"""What every phase of a disclosure request shares: the office, its notices, the lock.

Every move checks the rule, locks the request (with `LOCK_RELATED`), writes the change with an
event row the applicant sees, moves the supervision clock and tells the people concerned. `at`
lets a sweep or a test say when the move happens; it defaults to now.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from disclosure.models import InformationRequest
from disclosure.permissions import requests as permissions
from portal import workdays
from portal.errors import DomainError
from portal.holidays import deadline_text
from portal.models import Department, User
from portal.notifications import notify
from portal.roles import Role
from portal.texts import Coded, coded, plain

# Re-read under a row lock with these: two clerks, or a clerk and the sweep, never both move it.
LOCK_RELATED = ("clock", "applicant")


def office_department() -> Department | None:
    return Department.objects.filter(code=settings.DISCLOSURE_REQUESTS_OFFICE).first()


def day_text(moment: datetime.datetime) -> str:
    """The local date of a moment, as the notices write it."""
    return date_format(timezone.localtime(moment), "Y-m-d")


def clock_due_text(request: InformationRequest) -> str:
    """The answer deadline as notices write it, with the caveat while its calendar is provisional."""
    return deadline_text(request.clock.due_at, provisional=request.clock.provisional)


def supplement_due_text(request: InformationRequest) -> str:
    """The supplement deadline as notices write it, with the caveat while provisional."""
    provisional = workdays.is_provisional(
        timezone.localdate(request.supplement_requested_at),
        timezone.localdate(request.supplement_due_at),
    )
    return deadline_text(request.supplement_due_at, provisional=provisional)


def notify_applicant(request: InformationRequest, subject: Coded, body: Coded) -> None:
    notify(
        [request.applicant],
        subject=subject,
        body=coded("disclosure.request_numbered", text=body, number=request.number),
        url=request.get_absolute_url(),
    )


def office_staff() -> Iterable[User]:
    return (
        User.objects.staff()
        .filter(
            department__code=settings.DISCLOSURE_REQUESTS_OFFICE,
            groups__name__in=[Role.WINDOW_CLERK.value, Role.DEPARTMENT_HEAD.value],
        )
        .distinct()
    )


def notify_office(request: InformationRequest, subject: str) -> None:
    """Tell the office (inbox only); `subject` is a code of `labels.NOTICES`."""
    notify(
        office_staff(),
        subject=coded(subject),
        body=plain(f"{request.number} {request.title}"),
        url=request.get_absolute_url(),
        sms=False,
        email=False,
    )


def require_office(actor: User) -> None:
    if not permissions.is_office_staff(actor):
        raise DomainError(_("只有政府信息公开工作机构的工作人员可以办理申请。"))


def clock_due(request: InformationRequest) -> datetime.datetime | None:
    return request.clock.due_at if request.clock_id else None

"""Factories and helpers of disclosure on request (依申请公开)."""

import datetime

from django.utils import timezone

from disclosure import requests_services as services
from disclosure.models import InformationRequest
from portal.roles import Role
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory


def at(text: str) -> datetime.datetime:
    """An aware Beijing-time moment from 'YYYY-MM-DD HH:MM'."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def office_department():
    return DepartmentFactory(code="gov-office", name="县政府办公室")


def office_clerk(**kwargs):
    return StaffFactory(roles=[Role.WINDOW_CLERK], department=office_department(), **kwargs)


def office_head(**kwargs):
    return StaffFactory(roles=[Role.DEPARTMENT_HEAD], department=office_department(), **kwargs)


def file_request(
    applicant=None, *, received="2026-11-02 10:00", description="请公开2026年本县财政预算执行情况。"
) -> InformationRequest:
    """A request received at `received` (a Monday by default), its clock running."""
    office_department()
    applicant = applicant or CitizenFactory()
    return services.request_file(
        applicant=applicant,
        data=services.ApplicantData(
            name=applicant.real_name or "申请人", phone=applicant.mobile or "13900000000"
        ),
        description=description,
        at=at(received) if isinstance(received, str) else received,
    )

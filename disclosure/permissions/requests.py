"""Who may see and act on disclosure requests (依申请公开).

- The applicant (a citizen or enterprise account) sees their own requests, never anyone else's.
- The disclosure office is the department named by `DISCLOSURE_REQUESTS_OFFICE`; its window
  clerks (窗口工作人员) and its head (承办单位负责人) work the queue: supplement notices,
  consultations and answers.
- Only the office head approves the one extension (条例 Art 33).
Missing and forbidden look the same (404) on the detail page.
"""

from django.conf import settings
from django.db.models import QuerySet

from disclosure.models import InformationRequest
from portal.models import User
from portal.roles import Role


def _is_office_member(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.kind == User.Kind.STAFF
        and user.department_id is not None
        and user.department.code == settings.DISCLOSURE_REQUESTS_OFFICE
    )


def is_office_staff(user) -> bool:
    """Work the queue: the office's clerks and its head."""
    return _is_office_member(user) and (
        user.has_role(Role.WINDOW_CLERK) or user.has_role(Role.DEPARTMENT_HEAD)
    )


def is_office_head(user) -> bool:
    return _is_office_member(user) and user.has_role(Role.DEPARTMENT_HEAD)


def can_apply(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_citizen)


def requests_visible_to(user) -> QuerySet[InformationRequest]:
    if is_office_staff(user):
        return InformationRequest.objects.all()
    if can_apply(user):
        return InformationRequest.objects.filter(applicant_id=user.pk)
    return InformationRequest.objects.none()


def can_view(user, request: InformationRequest) -> bool:
    return is_office_staff(user) or (can_apply(user) and request.applicant_id == user.pk)


def is_applicant(user, request: InformationRequest) -> bool:
    return bool(user and user.is_authenticated and request.applicant_id == user.pk)

"""The permission policy for online interviews (在线访谈).

- Anyone reads every interview: the announcement, the live record and the archive; only passed
  questions are public.
- Signed-in citizens and enterprises ask questions (staff accounts do not).
- The staff of the organising department schedule and run an interview: start and end it,
  moderate its questions live, post the answers, archive it. Its host is one of them.
- Leaders, discipline inspectors and admins read every interview's console.
"""

from django.db.models import QuerySet

from petitions.models import Interview
from petitions.permissions.complaints import is_active_staff, is_overseer
from portal.models import User


def can_schedule_interview(user) -> bool:
    return is_active_staff(user) and user.department_id is not None


def can_run_interview(user, interview: Interview) -> bool:
    return is_active_staff(user) and (
        user.is_superuser
        or interview.host_id == user.pk
        or interview.department_id == user.department_id
    )


def can_ask(user) -> bool:
    return bool(user and user.is_authenticated and user.kind != User.Kind.STAFF)


def interviews_managed_by(user) -> QuerySet[Interview]:
    """The staff side: every interview for overseers, the department's own for its staff."""
    if not is_active_staff(user):
        return Interview.objects.none()
    if is_overseer(user) or user.is_superuser:
        return Interview.objects.all()
    return Interview.objects.filter(department_id=user.department_id)

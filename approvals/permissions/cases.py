"""The permission policy for cases: who may see a case, shared by the applying and handling areas.

- The applicant, and the village agent who filed for them, follow their own case.
- Staff see the cases their department has (or had) a task on, and the cases it handles.
- Leaders, discipline inspectors and admins read every case; nobody acts through that alone.

What a person may do on a case is the area's question (`applying`, `handling`).
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from approvals.models import Case, CaseTask
from portal.models import User
from portal.roles import Role


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind == User.Kind.STAFF)


def is_overseer(user) -> bool:
    """Read-only access to every case."""
    return is_staff(user) and (
        user.is_superuser
        or user.has_role(Role.LEADER)
        or user.has_role(Role.DISCIPLINE_INSPECTOR)
        or user.has_role(Role.ADMIN)
    )


def is_head(user) -> bool:
    return is_staff(user) and (user.is_superuser or user.has_role(Role.DEPARTMENT_HEAD))


def cases_visible_to(user) -> QuerySet[Case]:
    """Return the submitted cases a member of staff may open on the staff side."""
    cases = Case.objects.exclude(status=Case.Status.DRAFT)
    if is_overseer(user):
        return cases
    if not is_staff(user) or user.department_id is None:
        return Case.objects.none()
    tasks = CaseTask.objects.filter(case=OuterRef("pk"), department_id=user.department_id)
    return cases.filter(Q(department_id=user.department_id) | Exists(tasks))


def can_view_case(user, case: Case) -> bool:
    """The applicant or agent sees their own case; staff see what their department touches."""
    if not (user and user.is_authenticated):
        return False
    if user.pk in (case.applicant_id, case.agent_id):
        return True
    if case.is_draft or not is_staff(user):
        return False
    if is_overseer(user) or case.department_id == user.department_id:
        return True
    return case.tasks.filter(department_id=user.department_id).exists()

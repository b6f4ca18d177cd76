"""The permission policy for cases: who may see a case, shared by the applying and handling areas.

- The applicant, and the village agent who filed for them, follow their own case.
- Staff with a handling role (窗口工作人员, 承办单位负责人) see the cases their department has (or
  had) a task on, and the cases it handles. A village agent is staff without a handling role: he
  follows the cases he filed from the citizen's side and never opens the staff side of a case.
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


# The roles that work on cases in the workbench; overseers read every case besides.
HANDLING_ROLES = (Role.WINDOW_CLERK, Role.DEPARTMENT_HEAD)


def is_case_worker(user) -> bool:
    """Staff who may open the staff side of cases: a handling role, or an overseer."""
    return is_overseer(user) or (
        is_staff(user) and any(user.has_role(role) for role in HANDLING_ROLES)
    )


def is_head(user) -> bool:
    return is_staff(user) and (user.is_superuser or user.has_role(Role.DEPARTMENT_HEAD))


def cases_visible_to(user) -> QuerySet[Case]:
    """Return the submitted cases a member of staff may open on the staff side."""
    if not is_case_worker(user):
        return Case.objects.none()
    cases = Case.objects.exclude(status=Case.Status.DRAFT).exclude(agent_id=user.pk)
    if is_overseer(user):
        return cases
    if user.department_id is None:
        return Case.objects.none()
    tasks = CaseTask.objects.filter(case=OuterRef("pk"), department_id=user.department_id)
    return cases.filter(Q(department_id=user.department_id) | Exists(tasks))


def can_view_case_as_staff(user, case: Case) -> bool:
    """The staff side of a case: case workers of a department it touches, overseers; never its agent."""
    if case.is_draft or not is_case_worker(user) or user.pk == case.agent_id:
        return False
    if is_overseer(user) or case.department_id == user.department_id:
        return True
    return case.tasks.filter(department_id=user.department_id).exists()


def can_view_case(user, case: Case) -> bool:
    """The applicant or agent sees their own case; staff see what their department touches."""
    if not (user and user.is_authenticated):
        return False
    if user.pk in (case.applicant_id, case.agent_id):
        return True
    return can_view_case_as_staff(user, case)

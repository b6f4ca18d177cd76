"""The permission policy for cases: who may see a case and who may act on which task.

- The applicant, and the village agent who filed for them, follow their own case.
- Staff see the cases their department has (or had) a task on, and the cases it handles;
  they act only on their own department's open tasks (a joint step: each department on its own).
- Deciding (决定) is for the head of the deciding department (承办单位负责人); a head also
  approves extensions and fee overrides — for a joint case the extension is the county leader's.
- Leaders, discipline inspectors and admins read every case; nobody acts through that alone.
"""

from django.core.exceptions import PermissionDenied
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


def stats_scope(user) -> list[int] | None:
    """The units whose statistics the user may read: None for all (overseers), a head's own unit.

    Raises PermissionDenied for everyone else.
    """
    if is_overseer(user):
        return None
    if is_staff(user) and user.has_role(Role.DEPARTMENT_HEAD) and user.department_id:
        return [user.department_id]
    raise PermissionDenied


def can_view_stats(user) -> bool:
    try:
        stats_scope(user)
    except PermissionDenied:
        return False
    return True


def can_define_processes(user) -> bool:
    """Process definitions are maintained by admins (管理员)."""
    return is_staff(user) and (user.is_superuser or user.has_role(Role.ADMIN))


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


def can_act_on_task(user, task: CaseTask) -> bool:
    """Staff of the task's department act on it while it is open."""
    return is_staff(user) and task.is_open and task.department_id == user.department_id


def can_approve_extension(user, case: Case, *, joint: bool) -> bool:
    """一次延长: the unit head approves; a joint case's extension needs the county leader."""
    if not is_staff(user):
        return False
    if joint:
        return user.is_superuser or user.has_role(Role.LEADER)
    return is_head(user) and (user.is_superuser or user.department_id == case.department_id)


def can_override_fee(user, case: Case) -> bool:
    return is_head(user) and (user.is_superuser or user.department_id == case.department_id)

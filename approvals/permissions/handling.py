"""The permission policy of the clerk workbench: who acts on which task, who approves what.

- Staff act only on their own department's open tasks (a joint step: each department on its own).
- Deciding (决定) is for the head of the deciding department (承办单位负责人); a head also
  approves extensions and fee overrides — for a joint case the extension is the county leader's.
- The statistics are for heads (their own unit) and overseers (every unit).
"""

from django.core.exceptions import PermissionDenied

from approvals.models import Case, CaseTask
from approvals.permissions.cases import is_case_worker, is_head, is_overseer, is_staff
from portal.roles import Role


def can_act_on_task(user, task: CaseTask) -> bool:
    """Staff of the task's department act on it while it is open."""
    return is_case_worker(user) and task.is_open and task.department_id == user.department_id


def can_approve_extension(user, case: Case, *, joint: bool) -> bool:
    """一次延长: the unit head approves; a joint case's extension needs the county leader."""
    if not is_staff(user):
        return False
    if joint:
        return user.is_superuser or user.has_role(Role.LEADER)
    return is_head(user) and (user.is_superuser or user.department_id == case.department_id)


def can_override_fee(user, case: Case) -> bool:
    return is_head(user) and (user.is_superuser or user.department_id == case.department_id)


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

"""The permission policy for complaints: who may see and act on which complaint.

- The hotline office (热线办值班人员) sees and routes every complaint.
- Leaders and discipline inspectors read every complaint; leaders write instructions (批示).
- A department's staff see only what was dispatched to their department: the complaint's
  `department` column decides (set on dispatch, changed on redirect, cleared on objection), with
  no object grant to keep in step; a complaint converted to a message leaves the department's
  view. Who belongs to a department follows from `User.department` (the one source of truth),
  so staff who join later see the open work.
- Nobody sees the complainant's identity on a complaint page (`petitions.permissions.identity`).
- The complainant follows the complaint with its number and query code (or their own account).
"""

from django.db.models import QuerySet

from petitions.models import Complaint
from portal.models import Department, User
from portal.roles import Role


def is_active_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind == User.Kind.STAFF)


def is_hotline_office(user) -> bool:
    return is_active_staff(user) and (user.has_role(Role.HOTLINE_OPERATOR) or user.is_superuser)


def is_leader(user) -> bool:
    return is_active_staff(user) and user.has_role(Role.LEADER)


def is_overseer(user) -> bool:
    """Read-only access to every complaint: leaders, discipline inspectors, admins."""
    return is_active_staff(user) and (
        user.has_role(Role.LEADER)
        or user.has_role(Role.DISCIPLINE_INSPECTOR)
        or user.has_role(Role.ADMIN)
    )


def _of_department(user) -> QuerySet[Complaint]:
    """The complaints in the hands of the user's department (the rule `can_handle` applies)."""
    if user.department_id is None:
        return Complaint.objects.none()
    return Complaint.objects.filter(department_id=user.department_id).exclude(
        status=Complaint.Status.CONVERTED
    )


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """Return the complaints a member of staff may open on the staff side."""
    if not is_active_staff(user):
        return Complaint.objects.none()
    if is_hotline_office(user) or is_overseer(user):
        return Complaint.objects.all()
    return _of_department(user)


def complaints_to_handle(user) -> QuerySet[Complaint]:
    """Return the complaints the user's department handles (its queue)."""
    if not is_active_staff(user):
        return Complaint.objects.none()
    return _of_department(user)


def can_handle(user, complaint: Complaint) -> bool:
    """Sign for, object to, ask for more time on, and reply to a complaint."""
    return (
        is_active_staff(user)
        and user.department_id is not None
        and complaint.department_id == user.department_id
        and complaint.status != Complaint.Status.CONVERTED
    )


def unit_chain_ids(department: Department | None) -> set[int]:
    """Return the ids of the department and of every unit above it in the tree."""
    if department is None:
        return set()
    return {department.pk, *(unit.pk for unit in department.ancestors())}


def reported_unit_ids(complaint: Complaint) -> set[int]:
    """Return the units a report must never reach: each unit reported on (by the complaint or a
    duplicate merged into it) and every unit above it."""
    reported = [complaint.reported_department] if complaint.reported_department_id else []
    reported += [
        duplicate.reported_department
        for duplicate in complaint.duplicates.filter(
            reported_department__isnull=False
        ).select_related("reported_department")
    ]
    ids: set[int] = set()
    for department in reported:
        ids |= unit_chain_ids(department)
    return ids


def can_dispatch(user, complaint: Complaint | None = None) -> bool:
    """Register calls, dispatch, redirect, transfer, refer, merge, approve extensions, revisit."""
    return is_hotline_office(user)


def can_instruct(user, complaint: Complaint | None = None) -> bool:
    return is_leader(user)


def can_decide_review(user, level: str) -> bool:
    """复查 is decided by the hotline office, 复核 by a leader."""
    return is_leader(user) if level == "re_review" else is_hotline_office(user)


# --- The complainant's side ------------------------------------------------------------------

TRACK_SESSION_KEY = "petitions_tracked"


def remember_tracking(request, complaint: Complaint) -> None:
    """The visitor proved number + query code: let this session follow the complaint."""
    tracked = list(request.session.get(TRACK_SESSION_KEY, []))
    if complaint.pk not in tracked:
        tracked = [*tracked[-19:], complaint.pk]
        request.session[TRACK_SESSION_KEY] = tracked


def can_follow(request, complaint: Complaint) -> bool:
    """The complainant: their own account, or a session that gave the number and query code."""
    if complaint.pk in request.session.get(TRACK_SESSION_KEY, []):
        return True
    user = request.user
    if user.is_authenticated:
        identity = getattr(complaint, "identity", None)
        return identity is not None and identity.account_id == user.pk
    return False

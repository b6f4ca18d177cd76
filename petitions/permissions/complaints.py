"""The permission policy for complaints: who may see and act on which complaint.

- The hotline office (热线办值班人员) sees and routes every complaint.
- Leaders and discipline inspectors read every complaint; leaders write instructions (批示).
- A department's staff see only what was dispatched to their department: a guardian grant of
  `handle_complaint` to the department's group (direct foreign-key table), given on dispatch and
  taken back on redirect or objection. Who belongs to a department's group follows from
  `User.department` (the one source of truth), so staff who join later see the open work.
- Nobody sees the complainant's identity on a complaint page (`petitions.permissions.identity`).
- The complainant follows the complaint with its number and query code (or their own account).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet

from petitions.models import Complaint, ComplaintGroupObjectPermission
from portal.models import Department, User
from portal.roles import Role

HANDLE = "handle_complaint"


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


def department_group_name(department: Department) -> str:
    return f"petitions:department:{department.code}"


def department_group(department: Department) -> Group:
    """Return the group that holds the department's grants on complaints."""
    return Group.objects.get_or_create(name=department_group_name(department))[0]


def grant_department(complaint: Complaint, department: Department) -> None:
    """Give the department's group the complaint; the caller revoked any earlier grant first."""
    permission = Permission.objects.get(content_type__app_label="petitions", codename=HANDLE)
    ComplaintGroupObjectPermission.objects.create(
        group=department_group(department), permission=permission, content_object=complaint
    )


def revoke_departments(complaint: Complaint) -> None:
    ComplaintGroupObjectPermission.objects.filter(content_object=complaint).delete()


def _grants_of(user) -> QuerySet:
    if user.department_id is None:
        return ComplaintGroupObjectPermission.objects.none()
    return ComplaintGroupObjectPermission.objects.filter(
        group__name=department_group_name(user.department), permission__codename=HANDLE
    )


def _granted_ids(user) -> QuerySet:
    return _grants_of(user).values("content_object_id")


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """Return the complaints a member of staff may open on the staff side."""
    if not is_active_staff(user):
        return Complaint.objects.none()
    if is_hotline_office(user) or is_overseer(user):
        return Complaint.objects.all()
    return Complaint.objects.filter(pk__in=_granted_ids(user))


def complaints_to_handle(user) -> QuerySet[Complaint]:
    """Return the complaints the user's department handles (its queue)."""
    if not is_active_staff(user):
        return Complaint.objects.none()
    return Complaint.objects.filter(pk__in=_granted_ids(user))


def can_handle(user, complaint: Complaint) -> bool:
    """Sign for, object to, ask for more time on, and reply to a complaint."""
    return (
        is_active_staff(user)
        and complaint.department_id is not None
        and complaint.department_id == user.department_id
        and _grants_of(user).filter(content_object=complaint).exists()
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

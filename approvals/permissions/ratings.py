"""The permission policy for ratings, rectification tickets and appeals.

- The applicant (or the agent) rates a finished case once.
- The handling unit's staff see and answer the unit's tickets; its head (承办单位负责人) may appeal
  a rating the unit holds mistaken or malicious.
- Discipline inspectors (纪委/效能办) and admins decide appeals; leaders, inspectors and admins
  read every ticket.
"""

from django.db.models import QuerySet

from approvals.models import Case, Rating, RatingAppeal, RectificationTicket
from approvals.permissions.cases import is_staff
from portal.roles import Role


def case_is_rateable(case: Case) -> bool:
    """Return whether the case is finished and has no rating yet (one rating per case)."""
    return case.status == Case.Status.FINISHED and not Rating.objects.filter(case=case).exists()


def can_decide_appeal(user) -> bool:
    return is_staff(user) and (
        user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR) or user.has_role(Role.ADMIN)
    )


def is_overseer(user) -> bool:
    """Read every ticket: leaders, discipline inspectors, admins."""
    return can_decide_appeal(user) or (is_staff(user) and user.has_role(Role.LEADER))


def tickets_visible_to(user) -> QuerySet[RectificationTicket]:
    """Return the tickets a member of staff may open: their unit's, or all for overseers."""
    if is_overseer(user):
        return RectificationTicket.objects.all()
    if not is_staff(user) or user.department_id is None:
        return RectificationTicket.objects.none()
    return RectificationTicket.objects.filter(department_id=user.department_id)


def can_answer_ticket(user, ticket: RectificationTicket) -> bool:
    return is_staff(user) and ticket.is_open and ticket.department_id == user.department_id


def can_appeal(user, rating: Rating) -> bool:
    """The unit's head appeals a bad rating, once."""
    return (
        is_staff(user)
        and user.has_role(Role.DEPARTMENT_HEAD)
        and rating.department_id == user.department_id
        and rating.is_bad
        and not rating.excluded
        and not RatingAppeal.objects.filter(rating=rating).exists()
    )

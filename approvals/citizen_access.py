"""Small questions the citizen side (ratings, the case page) asks about a case."""

from approvals.models import Case, Rating
from portal.models import Department, User


def case_handling_department(case: Case) -> Department:
    """Return the handling unit (承办单位): the department of the case's accept step."""
    return case.department


def case_is_rateable(case: Case) -> bool:
    """Return whether the case is finished and has no rating yet (one rating per case)."""
    return case.status == Case.Status.FINISHED and not Rating.objects.filter(case=case).exists()


def case_is_followed_by(case: Case, user: User) -> bool:
    """Return whether the user is the applicant or the village agent who filed the case."""
    if user is None or not user.is_authenticated:
        return False
    return user.pk in (case.applicant_id, case.agent_id)

"""The citizen side of a case: who follows it (and so may act on it and download its files)."""

from approvals.models import Case
from portal.models import User


def case_is_followed_by(case: Case, user: User) -> bool:
    """Return whether the user is the applicant or the village agent who filed the case."""
    if user is None or not user.is_authenticated:
        return False
    return user.pk in (case.applicant_id, case.agent_id)

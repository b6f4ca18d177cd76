"""The permission policy for democratic appraisal rounds (民主评议).

- Signed-in citizens and enterprises answer an open round, once each. Staff do not vote at all:
  the appraisal is the public's view of the departments, and a civil servant would be rating
  their own department or its peers.
- The discipline office (纪委/效能办) and admins create, open, close and publish rounds.
- Leaders, discipline inspectors and admins read a round's results from its opening on;
  everyone reads the results of a published round.
"""

from django.db.models import QuerySet

from petitions.models import AppraisalRound
from petitions.permissions.complaints import is_active_staff, is_overseer
from portal.models import User
from portal.roles import Role


def can_vote_in_appraisal(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind != User.Kind.STAFF)


def can_manage_appraisal(user) -> bool:
    return is_active_staff(user) and (
        user.is_superuser or user.has_role(Role.DISCIPLINE_INSPECTOR) or user.has_role(Role.ADMIN)
    )


def can_see_appraisal_results(user, appraisal_round: AppraisalRound) -> bool:
    if appraisal_round.status == AppraisalRound.Status.PUBLISHED:
        return True
    # Before publication (while open too): those who oversee the departments.
    return appraisal_round.status != AppraisalRound.Status.DRAFT and (
        is_overseer(user) or can_manage_appraisal(user)
    )


def rounds_visible_to(user) -> QuerySet[AppraisalRound]:
    """The rounds a user may find on the public list: all but drafts; drafts for managers."""
    rounds = AppraisalRound.objects.all()
    if can_manage_appraisal(user):
        return rounds
    return rounds.exclude(status=AppraisalRound.Status.DRAFT)

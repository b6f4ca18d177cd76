"""The permission policy for online surveys (在线调查).

- Anyone reads a published survey; its results once it is over and the survey says they are
  public, with free text only as a moderator passed it.
- The staff of the owning department build, publish and close it and read its full results;
  so do the hotline office (热线办, which runs the public channels) and admins, for any survey.
- Leaders and discipline inspectors read every survey and its results.
- Moderators (`can_moderate`) decide which free-text answers are shown.
"""

from django.db.models import QuerySet

from petitions.models import Survey
from petitions.permissions.complaints import is_active_staff, is_hotline_office, is_overseer
from portal.roles import Role


def runs_every_survey(user) -> bool:
    return is_active_staff(user) and (
        user.is_superuser or user.has_role(Role.ADMIN) or is_hotline_office(user)
    )


def can_create_survey(user) -> bool:
    return is_active_staff(user) and (user.department_id is not None or runs_every_survey(user))


def can_manage_survey(user, survey: Survey) -> bool:
    return runs_every_survey(user) or (
        is_active_staff(user) and survey.department_id == user.department_id
    )


def surveys_managed_by(user) -> QuerySet[Survey]:
    """The staff side: every survey for overseers and those who run them all, else the department's."""
    if not is_active_staff(user):
        return Survey.objects.none()
    if runs_every_survey(user) or is_overseer(user):
        return Survey.objects.all()
    return Survey.objects.filter(department_id=user.department_id)


def public_results_shown(survey: Survey) -> bool:
    """Whether anyone may read the results: the survey says so and answering is over."""
    return survey.results_public and survey.is_over()

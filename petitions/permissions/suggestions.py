"""The permission policy for suggestions.

- The author sees their own suggestions, passed or not.
- The addressed department's staff see and answer them; a suggestion to the county as a whole
  goes to the government office (the hotline office's department, `PETITIONS_HOTLINE_DEPARTMENT`).
- Leaders, discipline inspectors and admins read every suggestion.
- The public sees only what a moderator passed (`petitions.selectors.suggestions.public_list`).
"""

from django.conf import settings
from django.db.models import Q, QuerySet

from petitions.models import Suggestion
from petitions.permissions.complaints import is_active_staff, is_overseer


def answers_for_county(user) -> bool:
    """Whether the user's department answers what is addressed to the county as a whole."""
    department = getattr(user, "department", None)
    return department is not None and department.code == settings.PETITIONS_HOTLINE_DEPARTMENT


def can_answer_suggestion(user, suggestion: Suggestion) -> bool:
    if not is_active_staff(user):
        return False
    if suggestion.department_id is None:
        return answers_for_county(user)
    return suggestion.department_id == user.department_id


def suggestions_visible_to(user) -> QuerySet[Suggestion]:
    """The suggestions a user may open on the staff side, or as their author."""
    suggestions = Suggestion.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return suggestions.none()
    if is_overseer(user) or (is_active_staff(user) and user.is_superuser):
        return suggestions
    if is_active_staff(user):
        mine = Q(department_id=user.department_id) if user.department_id else Q(pk__in=[])
        if answers_for_county(user):
            mine |= Q(department__isnull=True)
        return suggestions.filter(mine)
    return suggestions.filter(author=user)

"""The permission policy for the moderation queue (公开审核): who decides what becomes public.

The hotline office (热线办值班人员) moderates, with admins: the office already reads every matter
citizens send and routes it, so it judges best what may be shown, and it is not the department
that answered (a department never publishes its own answers unchecked). Everybody else, staff
included, sees nothing of the queue.
"""

from django.db.models import QuerySet

from petitions.models import ModerationItem
from petitions.permissions.complaints import is_active_staff
from portal.roles import Role


def can_moderate(user) -> bool:
    return is_active_staff(user) and (
        user.has_role(Role.HOTLINE_OPERATOR) or user.has_role(Role.ADMIN) or user.is_superuser
    )


def moderation_items_visible_to(user) -> QuerySet[ModerationItem]:
    if can_moderate(user):
        return ModerationItem.objects.all()
    return ModerationItem.objects.none()

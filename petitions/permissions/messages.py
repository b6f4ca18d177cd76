"""The permission policy for messages (留言): who may see and act on which message.

- The hotline office routes, forwards, marks invalid and converts every message.
- Leaders, discipline inspectors and admins read every message.
- A department's staff see and answer the messages given to their department (`Message.department`,
  the one source of truth: a forwarded message leaves the old department's list at once).
- The author follows the message with its number and query code, or from their account.
"""

from django.db.models import QuerySet

from petitions.models import Message
from petitions.permissions.complaints import is_active_staff, is_hotline_office, is_overseer


def can_route_message(user) -> bool:
    """Route, forward, mark invalid, convert: the hotline office."""
    return is_hotline_office(user)


def can_answer_message(user, message: Message) -> bool:
    return (
        is_active_staff(user)
        and message.department_id is not None
        and user.department_id == message.department_id
    )


def can_view_message(user, message: Message) -> bool:
    return is_hotline_office(user) or is_overseer(user) or can_answer_message(user, message)


def messages_visible_to(user) -> QuerySet[Message]:
    if is_hotline_office(user) or is_overseer(user):
        return Message.objects.all()
    if is_active_staff(user) and user.department_id is not None:
        return Message.objects.filter(department_id=user.department_id)
    return Message.objects.none()

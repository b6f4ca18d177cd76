"""The permission policy for consultations.

- Anyone reads a published consultation, its attachments and the comments a moderator passed.
- The staff of the consulting department draft, publish, assess comments and give the feedback;
  they read every comment, passed or not.
- Leaders, discipline inspectors and admins read every consultation.
"""

from django.db.models import Q, QuerySet

from petitions.models import Consultation
from petitions.permissions.complaints import is_active_staff, is_overseer


def can_manage_consultation(user, consultation: Consultation) -> bool:
    return is_active_staff(user) and (
        user.is_superuser or consultation.department_id == user.department_id
    )


def can_draft_consultation(user) -> bool:
    return is_active_staff(user) and user.department_id is not None


def consultations_visible_to(user) -> QuerySet[Consultation]:
    """What a user may open: the public ones, plus every one of their department (staff)."""
    consultations = Consultation.objects.all()
    if is_overseer(user) or (is_active_staff(user) and user.is_superuser):
        return consultations
    public = ~Q(status=Consultation.Status.DRAFT)
    if is_active_staff(user) and user.department_id:
        return consultations.filter(public | Q(department_id=user.department_id))
    return consultations.filter(public)


def consultations_managed_by(user) -> QuerySet[Consultation]:
    """The staff side: every consultation for overseers, the department's own for its staff."""
    if not is_active_staff(user):
        return Consultation.objects.none()
    if is_overseer(user) or user.is_superuser:
        return Consultation.objects.all()
    return Consultation.objects.filter(department_id=user.department_id)

"""Reads of consultations: the public list and page with its passed comments, the staff side."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from petitions.models import Consultation, ConsultationComment
from petitions.permissions.consultations import consultations_managed_by


def with_counts(consultations: QuerySet[Consultation]) -> QuerySet[Consultation]:
    """Annotate the comments counted as opinions (all but those a moderator refused) and adopted."""
    return consultations.annotate(
        comment_count=Count("comments", filter=Q(comments__rejected=False)),
        adopted_count=Count("comments", filter=Q(comments__adopted=True, comments__rejected=False)),
    )


def public_list() -> QuerySet[Consultation]:
    return with_counts(
        Consultation.objects.exclude(status=Consultation.Status.DRAFT).select_related("department")
    ).order_by("-opens_on", "-id")


def public_get(pk: int) -> Consultation:
    consultation = public_list().filter(pk=pk).first()
    if consultation is None:
        raise Http404
    return consultation


def public_comments(consultation: Consultation) -> QuerySet[ConsultationComment]:
    return consultation.comments.filter(published_at__isnull=False).order_by("published_at", "id")


def staff_list(user) -> QuerySet[Consultation]:
    return with_counts(consultations_managed_by(user).select_related("department")).order_by(
        "-opens_on", "-id"
    )


def staff_get(user, pk: int) -> Consultation:
    """Fetch and authorise in one call: 404 for missing and forbidden alike."""
    consultation = staff_list(user).filter(pk=pk).first()
    if consultation is None:
        raise Http404
    return consultation

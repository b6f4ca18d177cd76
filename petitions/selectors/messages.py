"""Reads of messages: the public Q&A, the author's messages, the staff lists and the queue."""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from petitions.models import Message, ModerationItem
from petitions.models.moderation import SOURCE_FIELDS
from petitions.permissions.messages import messages_visible_to
from petitions.permissions.moderation import moderation_items_visible_to
from portal.models import Department


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Return the aware local bounds [start, end) of the month of `month`."""
    start = datetime.datetime(month.year, month.month, 1)
    end = datetime.datetime(month.year + month.month // 12, month.month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def public_qa(
    *,
    department: Department | None = None,
    category: str = "",
    month: datetime.date | None = None,
    answered: str = "",
    text: str = "",
) -> QuerySet[Message]:
    """The Q&A a moderator passed, newest first, filtered; only the public texts are read."""
    messages = (
        Message.objects.filter(published_at__isnull=False)
        .select_related("department")
        .only(
            "number",
            "category",
            "public_title",
            "public_question",
            "public_answer",
            "published_at",
            "received_at",
            "answered_at",
            "department__name",
            "department__code",
        )
        .order_by("-published_at", "-id")
    )
    if department is not None:
        messages = messages.filter(department=department)
    if category in Message.Category.values:
        messages = messages.filter(category=category)
    if month is not None:
        start, end = month_bounds(month)
        messages = messages.filter(received_at__gte=start, received_at__lt=end)
    if answered == "yes":
        messages = messages.exclude(public_answer="")
    elif answered == "no":
        messages = messages.filter(public_answer="")
    if text:
        messages = messages.filter(
            Q(public_title__icontains=text)
            | Q(public_question__icontains=text)
            | Q(public_answer__icontains=text)
        )
    return messages


def public_get(number: str) -> Message:
    message = public_qa().filter(number=number).first()
    if message is None:
        raise Http404
    return message


def of_author(user) -> QuerySet[Message]:
    """The author's own messages (anonymous ones are linked to no account)."""
    return (
        Message.objects.filter(author=user)
        .select_related("department", "clock")
        .order_by("-received_at", "-id")
    )


def staff_list(user, *, status: str = "") -> QuerySet[Message]:
    """The messages the user may see, open ones first by due time."""
    messages = messages_visible_to(user).select_related("department", "clock", "addressee")
    if status in Message.Status.values:
        messages = messages.filter(status=status)
    return messages.order_by("clock__due_at", "-received_at", "-id")


def staff_get(user, number: str) -> Message:
    """Fetch and authorise in one: the same 404 for a missing and a forbidden message."""
    message = (
        messages_visible_to(user)
        .select_related("department", "clock", "addressee", "author", "converted_to")
        .filter(number=number)
        .first()
    )
    if message is None:
        raise Http404
    return message


def follower_get(number: str) -> Message:
    message = (
        Message.objects.select_related("department", "clock", "converted_to")
        .filter(number=number)
        .first()
    )
    if message is None:
        raise Http404
    return message


def moderation_queue(user) -> QuerySet[ModerationItem]:
    """Every pending item of every source, oldest first (each row's source joined in)."""
    return (
        moderation_items_visible_to(user)
        .filter(status=ModerationItem.Status.PENDING)
        .select_related("department", *SOURCE_FIELDS)
        .order_by("submitted_at", "id")
    )


def moderation_get(user, pk: int) -> ModerationItem:
    item = moderation_items_visible_to(user).select_related("department").filter(pk=pk).first()
    if item is None:
        raise Http404
    return item

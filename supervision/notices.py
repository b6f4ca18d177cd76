"""Telling departments about their notices: heads for urge and supervision notices, the
discipline office and leaders for the second grade (通报). Each notice is notified once."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from supervision.models import Notice


def recipients(notice: Notice) -> list[User]:
    if notice.level == Notice.Level.SECOND_GRADE:
        return list(
            User.objects.filter(
                groups__name__in=[Role.DISCIPLINE_INSPECTOR.value, Role.LEADER.value],
                is_active=True,
            ).distinct()
        )
    return list(
        User.objects.with_role(Role.DEPARTMENT_HEAD).filter(department_id=notice.department_id)
    )


def notify_pending(limit: int = 500) -> int:
    """Notify each issued notice not yet notified; a notice is claimed before it is sent."""
    sent = 0
    pending = Notice.objects.filter(notified_at__isnull=True).select_related("clock", "department")
    for notice in pending.order_by("id")[:limit]:
        with transaction.atomic():
            if not Notice.objects.filter(pk=notice.pk, notified_at__isnull=True).update(
                notified_at=timezone.now()
            ):
                continue
            clock = notice.clock
            notify(
                recipients(notice),
                subject=_("%(level)s %(number)s")
                % {"level": notice.get_level_display(), "number": notice.number},
                body=_("%(department)s：%(subject)s（%(ref)s）期限至%(due)s，请抓紧办理并反馈。")
                % {
                    "department": notice.department.name,
                    "subject": clock.subject_label,
                    "ref": clock.subject_ref,
                    "due": timezone.localtime(clock.due_at).strftime("%Y-%m-%d"),
                },
                url=reverse("supervision:notice", args=[notice.pk]),
                email=False,
            )
            sent += 1
    return sent

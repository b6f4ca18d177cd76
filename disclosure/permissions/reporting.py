"""Who may submit and decide government information items (政务信息).

- Any member of staff of a department (a bureau or a township) submits items for their unit.
- The county office adopts (采用) or rejects them: that is the admin role (管理员), the same
  people who maintain the disclosure columns; nobody decides an item they submitted.
- Every member of staff sees the monthly ranking; a unit sees its own items, admins see all.
"""

from django.db.models import QuerySet

from disclosure.models import InfoReport
from disclosure.permissions.catalogue import is_catalogue_admin
from portal.models import User


def _is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind == User.Kind.STAFF)


def can_use_reporting(user) -> bool:
    return _is_staff(user)


def can_submit(user) -> bool:
    return _is_staff(user) and user.department_id is not None


def can_decide(user, report: InfoReport | None = None) -> bool:
    if not is_catalogue_admin(user):
        return False
    return report is None or report.submitted_by_id != user.pk


def reports_visible_to(user) -> QuerySet[InfoReport]:
    if is_catalogue_admin(user):
        return InfoReport.objects.all()
    if can_submit(user):
        return InfoReport.objects.filter(department_id=user.department_id)
    return InfoReport.objects.none()

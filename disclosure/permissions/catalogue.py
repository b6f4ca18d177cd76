"""Who may draft, review, publish and withdraw catalogue items (行政职权目录).

- Admins (管理员) maintain the whole catalogue: they draft any item, review, publish and withdraw.
- A department head (承办单位负责人) drafts and submits the items of their own department.
- Reviewer ≠ drafter: the person who submitted an item for review may not publish it
  (or send it back) themselves, so every publication is seen by two people.
The public side needs no permission: published and withdrawn items are public.
"""

from django.db.models import QuerySet

from disclosure.models import CatalogueItem
from portal.models import User
from portal.roles import Role


def _is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind == User.Kind.STAFF)


def is_catalogue_admin(user) -> bool:
    return _is_staff(user) and user.has_role(Role.ADMIN)


def _is_department_head(user) -> bool:
    return _is_staff(user) and user.has_role(Role.DEPARTMENT_HEAD)


def can_use_staff_catalogue(user) -> bool:
    return is_catalogue_admin(user) or _is_department_head(user)


def items_visible_to(user) -> QuerySet[CatalogueItem]:
    """The items a member of staff may open on the staff side."""
    if is_catalogue_admin(user):
        return CatalogueItem.objects.all()
    if _is_department_head(user):
        return CatalogueItem.objects.filter(department_id=user.department_id)
    return CatalogueItem.objects.none()


def can_draft_for(user, department) -> bool:
    """Create an item, or edit a draft, of `department`."""
    if is_catalogue_admin(user):
        return True
    return (
        _is_department_head(user) and department is not None and department.pk == user.department_id
    )


def can_edit_item(user, item: CatalogueItem) -> bool:
    return can_draft_for(user, item.department)


def can_review_item(user, item: CatalogueItem) -> bool:
    """Publish or return an item under review: an admin other than the one who submitted it."""
    return is_catalogue_admin(user) and item.submitted_by_id != user.pk


def can_withdraw_item(user, item: CatalogueItem) -> bool:
    return is_catalogue_admin(user)


def can_import(user) -> bool:
    return is_catalogue_admin(user)

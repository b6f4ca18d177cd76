"""Who may draft, review, publish and withdraw articles of the disclosure columns (主动公开).

The catalogue's roles, reused:
- Admins (管理员) maintain every column: they draft for any unit, review, publish and withdraw.
- Staff of a department (department head or any member of its staff) draft and submit the
  articles of their own department.
- Reviewer ≠ submitter: whoever submitted an article may not publish or return it themselves.
The public side needs no permission: published articles are public.
"""

from django.db.models import QuerySet

from disclosure.models import Article
from disclosure.permissions.catalogue import is_catalogue_admin
from portal.models import User


def _is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.kind == User.Kind.STAFF)


def is_columns_admin(user) -> bool:
    return is_catalogue_admin(user)


def can_use_staff_columns(user) -> bool:
    return is_columns_admin(user) or (_is_staff(user) and user.department_id is not None)


def articles_visible_to(user) -> QuerySet[Article]:
    """The articles a member of staff may open on the staff side."""
    if is_columns_admin(user):
        return Article.objects.all()
    if can_use_staff_columns(user):
        return Article.objects.filter(department_id=user.department_id)
    return Article.objects.none()


def can_draft_for(user, department) -> bool:
    """Create an article, or edit a draft, for `department`."""
    if is_columns_admin(user):
        return True
    return (
        can_use_staff_columns(user)
        and department is not None
        and department.pk == user.department_id
    )


def can_edit_article(user, article: Article) -> bool:
    return can_draft_for(user, article.department)


def can_review_article(user, article: Article) -> bool:
    """Publish or return an article under review: an admin other than the one who submitted it."""
    return is_columns_admin(user) and article.submitted_by_id != user.pk


def can_withdraw_article(user, article: Article) -> bool:
    return is_columns_admin(user)

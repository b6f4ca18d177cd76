"""People and items the catalogue tests share."""

from disclosure.services.catalogue import publishing
from portal.models import User
from portal.roles import Role
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import DepartmentFactory, StaffFactory


def market():
    return DepartmentFactory(code="market", name="县市场监督管理局")


def admin(username="cat_admin", **kwargs):
    existing = User.objects.filter(username=username).first()
    return existing or StaffFactory(
        username=username, roles=[Role.ADMIN], real_name="管理员甲", **kwargs
    )


def head(department, username="cat_head"):
    return StaffFactory(
        username=username, roles=[Role.DEPARTMENT_HEAD], department=department, real_name="局长乙"
    )


def published_item(*, drafter=None, reviewer=None, **fields):
    """An item taken through the real workflow: drafted, submitted, published."""
    drafter = drafter or admin("drafter_admin")
    reviewer = reviewer or admin("reviewer_admin")
    item = CatalogueItemFactory(**fields)
    publishing.item_submit(actor=drafter, item=item)
    return publishing.item_publish(actor=reviewer, item=item)

"""Review, publication, withdrawal and revision of catalogue items (the shared workflow).

draft → review → published → withdrawn; a published or withdrawn item is changed through a
revision drafted beside it (the live item stays public meanwhile), and every publication is kept
as a numbered version, which the public version history and the applications opened on it read.
Published and withdrawn items are in the search index; a withdrawn one is marked so, stays
findable and takes no applications.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from disclosure.models import (
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueItemVersion,
)
from disclosure.permissions import catalogue as permissions
from disclosure.services.catalogue.drafting import (
    MaterialData,
    check_fee,
    materials_content,
    replace_materials,
)
from disclosure.services.publication import Publication
from disclosure.services.search import index_item
from disclosure.transitions.catalogue import ITEM_MOVES
from portal.errors import DomainError
from portal.models import User


def snapshot(item: CatalogueItem) -> dict:
    """What a numbered version keeps of the item as published."""
    return {
        "name": item.name,
        "code": item.code,
        "kind": item.kind,
        "department": item.department.name,
        "content": item.content,
        "legal_basis": item.legal_basis,
        "conditions": item.conditions,
        "time_limit_days": item.time_limit_days,
        "legal_limit_days": item.legal_limit_days,
        "fee": str(item.fee),
        "fee_standard": item.fee_standard,
        "supervision_phone": item.supervision_phone,
        "supervision_address": item.supervision_address,
        "service_place": item.service_place,
        "materials": materials_content(item.materials.all()),
    }


class ItemPublication(Publication):
    """Catalogue items in the publication workflow."""

    model = CatalogueItem
    events = CatalogueEvent
    revisions = CatalogueItemRevision
    revision_of = "item"
    moves = ITEM_MOVES
    related = ("department",)
    staff_url_name = "disclosure:staff_catalogue_detail"
    refusals = {
        "submit": _("您不能提交该单位的目录事项。"),
        "review": _("只有管理员可以审核目录事项。"),
        "own_submission": _("提交审核的人不能审核自己提交的事项，请由另一位管理员审核。"),
        "withdraw": _("只有管理员可以撤回目录事项。"),
        "revise": _("您不能修订该单位的目录事项。"),
    }
    notices = {
        "submitted": "disclosure.item_submitted",
        "returned": "disclosure.item_returned",
        "published": "disclosure.item_published",
    }
    may_edit = staticmethod(permissions.can_edit_item)
    is_reviewer = staticmethod(permissions.is_catalogue_admin)
    may_review = staticmethod(permissions.can_review_item)
    may_withdraw = staticmethod(permissions.can_withdraw_item)

    def check_ready(self, record: CatalogueItem, revision: CatalogueItemRevision | None) -> None:
        has_materials = (
            bool(revision.content.get("materials")) if revision else record.materials.exists()
        )
        if not has_materials:
            raise DomainError(_("请至少列出一项申请材料后再提交审核。"))

    def revision_content(self, record: CatalogueItem) -> dict:
        return {
            **super().revision_content(record),
            "materials": materials_content(record.materials.all()),
        }

    def apply_revision(self, record: CatalogueItem, revision: CatalogueItemRevision) -> None:
        super().apply_revision(record, revision)
        replace_materials(
            record, [MaterialData(**m) for m in revision.content.get("materials", [])]
        )

    def check_publishable(self, record: CatalogueItem) -> None:
        check_fee(record)

    def after_publish(self, record: CatalogueItem, *, actor: User, at: datetime.datetime) -> None:
        CatalogueItemVersion.objects.create(
            item=record,
            number=record.version,
            snapshot=snapshot(record),
            published_at=at,
            published_by=actor,
        )
        index_item(record)

    def after_withdraw(self, record: CatalogueItem) -> None:
        index_item(record)


ITEM_PUBLICATION = ItemPublication()


def item_submit(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Send a draft with its materials for review; the other admins are told."""
    return ITEM_PUBLICATION.submit(actor=actor, record=item)


def item_return(*, actor: User, item: CatalogueItem, note: str) -> CatalogueItem:
    """The reviewer sends the item back to its drafter with what to change."""
    return ITEM_PUBLICATION.send_back(actor=actor, record=item, note=note)


def item_publish(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Publish the item as a new version; it is public and searchable from now on."""
    return ITEM_PUBLICATION.publish(actor=actor, record=item)


def item_withdraw(*, actor: User, item: CatalogueItem, reason: str) -> CatalogueItem:
    """Withdraw a published item: it stays findable, marked withdrawn, and takes no applications."""
    return ITEM_PUBLICATION.withdraw(actor=actor, record=item, reason=reason)


def item_revise(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Open a revision of the item; the live version stays public until the revision is published."""
    return ITEM_PUBLICATION.revise(actor=actor, record=item)


def item_discard_revision(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Drop the item's open revision; the live version is unchanged."""
    return ITEM_PUBLICATION.discard(actor=actor, record=item)

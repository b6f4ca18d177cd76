"""Drafting a catalogue item: create a draft or save changes to one, with its materials list.

A published or withdrawn item is changed through a revision (`publishing.item_revise`): while
one is open, saving the item saves the revision and the live item stays as published. Its code,
once published, never changes.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from disclosure.models import (
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueMaterial,
)
from disclosure.permissions import catalogue as permissions
from disclosure.transitions.catalogue import ITEM_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User


@dataclass(frozen=True)
class MaterialData:
    name: str
    is_required: bool = True
    description: str = ""


def check_fee(item: CatalogueItem) -> None:
    """Refuse a fee without its standard."""
    # 行政许可法 Art 58-59: no fee unless a law allows it, and only by the published standard.
    if item.fee and item.fee > 0 and not item.fee_standard.strip():
        raise DomainError(_("收费事项必须写明收费标准及其法定依据。"))


def materials_content(materials) -> list[dict]:
    """Materials (rows or `MaterialData`) as a version or a revision keeps them."""
    return [
        {"name": m.name, "is_required": m.is_required, "description": m.description}
        for m in materials
    ]


def replace_materials(item: CatalogueItem, materials: list[MaterialData]) -> None:
    item.materials.all().delete()
    for order, material in enumerate(materials, start=1):
        CatalogueMaterial.objects.create(
            item=item,
            name=material.name,
            description=material.description,
            is_required=material.is_required,
            order=order,
        )


@transaction.atomic
def item_save_draft(
    *, actor: User, item: CatalogueItem, materials: list[MaterialData]
) -> CatalogueItem:
    """Create a draft, or save changes to one; the materials list replaces the old one."""
    if not permissions.can_draft_for(actor, item.department):
        raise DomainError(_("您不能为该单位编制目录事项。"))
    check_fee(item)
    creating = item.pk is None
    if not creating:
        current = lock(item, related=("department",))
        revision = (
            CatalogueItemRevision.objects.filter(
                item=current, status__in=CatalogueItemRevision.OPEN_STATUSES
            ).first()
            if current.version
            else None
        )
        if revision is not None:
            return _save_revision(actor, current, item, revision, materials)
        ITEM_MOVES.check(current, "edit")
        if not permissions.can_edit_item(actor, current):
            raise DomainError(_("您不能修改该单位的目录事项。"))
        item.status = current.status
        if current.version and item.code != current.code:
            # The public address and every application refer to the code once it was published.
            raise DomainError(_("已发布过的事项不能修改事项编码。"))
    else:
        item.status = CatalogueItem.Status.DRAFT
        item.drafted_by = actor
    try:
        item.full_clean()
        with transaction.atomic():
            item.save()
    except ValidationError as error:
        raise DomainError("；".join(error.messages)) from None
    except IntegrityError:
        raise DomainError(_("该事项编码已被使用。")) from None
    replace_materials(item, materials)
    CatalogueEvent.record(
        item,
        CatalogueEvent.Code.CREATED if creating else CatalogueEvent.Code.EDITED,
        actor=actor,
    )
    return item


def _save_revision(
    actor: User,
    current: CatalogueItem,
    draft: CatalogueItem,
    revision: CatalogueItemRevision,
    materials: list[MaterialData],
) -> CatalogueItem:
    """Keep the edited fields in the open revision; the live item is not touched."""
    ITEM_MOVES.check(revision, "edit")
    if not permissions.can_edit_item(actor, current):
        raise DomainError(_("您不能修改该单位的目录事项。"))
    if draft.code != current.code:
        raise DomainError(_("已发布过的事项不能修改事项编码。"))
    try:
        draft.full_clean(validate_unique=False)
    except ValidationError as error:
        raise DomainError("；".join(error.messages)) from None
    revision.content = {
        **CatalogueItemRevision.content_of(draft),
        "materials": materials_content(materials),
    }
    revision.save()
    CatalogueEvent.record(current, CatalogueEvent.Code.EDITED, actor=actor, revision=revision.pk)
    return current

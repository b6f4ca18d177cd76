"""Writes on the catalogue of powers and services: drafts, review, publication, withdrawal.

draft → review → published → withdrawn; a published or withdrawn item is changed by starting a
revision (back to draft), and every publication is kept as a numbered version. Published and
withdrawn items are in the search index; a withdrawn one is marked so.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure import catalogue_permissions as permissions
from disclosure import catalogue_transitions as transitions
from disclosure.models import CatalogueEvent, CatalogueItem, CatalogueItemVersion, CatalogueMaterial
from disclosure.search import search_index_remove, search_index_upsert
from portal.errors import DomainError
from portal.models import User
from portal.notifications import notify
from portal.roles import Role

S = CatalogueItem.Status
E = CatalogueEvent.Code
SEARCH_KIND = "item"


@dataclass(frozen=True)
class MaterialData:
    name: str
    is_required: bool = True
    description: str = ""


def _lock(item: CatalogueItem) -> CatalogueItem:
    return (
        CatalogueItem.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(pk=item.pk)
    )


def _event(
    item: CatalogueItem, code: str, *, actor: User | None, note: str = "", **data
) -> CatalogueEvent:
    return CatalogueEvent.objects.create(item=item, code=code, actor=actor, note=note, data=data)


def _replace_materials(item: CatalogueItem, materials: list[MaterialData]) -> None:
    item.materials.all().delete()
    for order, material in enumerate(materials, start=1):
        CatalogueMaterial.objects.create(
            item=item,
            name=material.name,
            description=material.description,
            is_required=material.is_required,
            order=order,
        )


def _check_fee(item: CatalogueItem) -> None:
    # 行政许可法 Art 58-59: no fee unless a law allows it, and only by the published standard.
    if item.fee and item.fee > 0 and not item.fee_standard.strip():
        raise DomainError(_("收费事项必须写明收费标准及其法定依据。"))


@transaction.atomic
def item_save_draft(
    *, actor: User, item: CatalogueItem, materials: list[MaterialData]
) -> CatalogueItem:
    """Create a draft, or save changes to one; the materials list replaces the old one."""
    if not permissions.can_draft_for(actor, item.department):
        raise DomainError(_("您不能为该单位编制目录事项。"))
    _check_fee(item)
    creating = item.pk is None
    if not creating:
        current = _lock(item)
        transitions.check(current, "edit")
        if not permissions.can_edit_item(actor, current):
            raise DomainError(_("您不能修改该单位的目录事项。"))
        item.status = current.status
        if current.version and item.code != current.code:
            # The public address and every application refer to the code once it was published.
            raise DomainError(_("已发布过的事项不能修改事项编码。"))
    else:
        item.status = S.DRAFT
        item.drafted_by = actor
    try:
        item.full_clean()
        with transaction.atomic():
            item.save()
    except ValidationError as error:
        raise DomainError("；".join(error.messages)) from None
    except IntegrityError:
        raise DomainError(_("该事项编码已被使用。")) from None
    _replace_materials(item, materials)
    _event(item, E.CREATED if creating else E.EDITED, actor=actor)
    return item


@transaction.atomic
def item_submit(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    item = _lock(item)
    if not permissions.can_edit_item(actor, item):
        raise DomainError(_("您不能提交该单位的目录事项。"))
    transitions.check(item, "submit")
    if not item.materials.exists():
        raise DomainError(_("请至少列出一项申请材料后再提交审核。"))
    item.status = S.REVIEW
    item.submitted_by = actor
    item.submitted_at = timezone.now()
    item.review_note = ""
    item.save()
    _event(item, E.SUBMITTED, actor=actor)
    notify(
        User.objects.with_role(Role.ADMIN).filter(is_active=True).exclude(pk=actor.pk),
        subject=_("目录事项待审核"),
        body=str(item),
        url=reverse("disclosure:staff_catalogue_detail", args=[item.pk]),
        sms=False,
        email=False,
    )
    return item


def _require_reviewer(actor: User, item: CatalogueItem) -> None:
    if not permissions.is_catalogue_admin(actor):
        raise DomainError(_("只有管理员可以审核目录事项。"))
    if not permissions.can_review_item(actor, item):
        raise DomainError(_("提交审核的人不能审核自己提交的事项，请由另一位管理员审核。"))


@transaction.atomic
def item_return(*, actor: User, item: CatalogueItem, note: str) -> CatalogueItem:
    """The reviewer sends the item back to its drafter with what to change."""
    item = _lock(item)
    transitions.check(item, "return")
    _require_reviewer(actor, item)
    if not note.strip():
        raise DomainError(_("请写明退回修改的意见。"))
    item.status = S.DRAFT
    item.review_note = note.strip()
    item.save()
    _event(item, E.RETURNED, actor=actor, note=note.strip())
    if item.submitted_by_id:
        notify(
            [item.submitted_by],
            subject=_("目录事项被退回修改"),
            body=f"{item}：{note.strip()}",
            url=reverse("disclosure:staff_catalogue_detail", args=[item.pk]),
            sms=False,
            email=False,
        )
    return item


def _snapshot(item: CatalogueItem) -> dict:
    return {
        "name": item.name,
        "code": item.code,
        "kind": item.kind,
        "department": item.department.name,
        "content": item.content,
        "legal_basis": item.legal_basis,
        "conditions": item.conditions,
        "time_limit_days": item.time_limit_days,
        "fee": str(item.fee),
        "fee_standard": item.fee_standard,
        "supervision_phone": item.supervision_phone,
        "supervision_address": item.supervision_address,
        "service_place": item.service_place,
        "materials": [
            {"name": m.name, "is_required": m.is_required, "description": m.description}
            for m in item.materials.all()
        ],
    }


def index_item(item: CatalogueItem) -> None:
    """Put a published or withdrawn item into the search index (marked when withdrawn)."""
    search_index_upsert(
        kind=SEARCH_KIND,
        obj_id=item.pk,
        title=item.name,
        body="\n".join(
            part
            for part in (item.content, item.conditions, item.legal_basis, item.department.name)
            if part
        ),
        department=item.department,
        url=item.get_absolute_url(),
        published_at=item.published_at,
        withdrawn=item.is_withdrawn,
    )


@transaction.atomic
def item_publish(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Publish the item as a new version; it is public and searchable from now on."""
    item = _lock(item)
    transitions.check(item, "publish")
    _require_reviewer(actor, item)
    _check_fee(item)
    now = timezone.now()
    item.status = S.PUBLISHED
    item.version += 1
    item.published_at = now
    item.withdrawn_at = None
    item.review_note = ""
    item.save()
    CatalogueItemVersion.objects.create(
        item=item,
        number=item.version,
        snapshot=_snapshot(item),
        published_at=now,
        published_by=actor,
    )
    _event(item, E.PUBLISHED, actor=actor, version=item.version)
    index_item(item)
    if item.submitted_by_id:
        notify(
            [item.submitted_by],
            subject=_("目录事项已发布"),
            body=str(item),
            url=item.get_absolute_url(),
            sms=False,
            email=False,
        )
    return item


@transaction.atomic
def item_withdraw(*, actor: User, item: CatalogueItem, reason: str) -> CatalogueItem:
    """Withdraw a published item: it stays findable, marked withdrawn, and takes no applications."""
    item = _lock(item)
    transitions.check(item, "withdraw")
    if not permissions.can_withdraw_item(actor, item):
        raise DomainError(_("只有管理员可以撤回目录事项。"))
    if not reason.strip():
        raise DomainError(_("请写明撤回理由。"))
    item.status = S.WITHDRAWN
    item.withdrawn_at = timezone.now()
    item.save()
    _event(item, E.WITHDRAWN, actor=actor, note=reason.strip())
    index_item(item)
    return item


@transaction.atomic
def item_revise(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """Start a new version: the item goes back to draft and leaves the public catalogue until republished."""
    item = _lock(item)
    transitions.check(item, "revise")
    if not permissions.can_edit_item(actor, item):
        raise DomainError(_("您不能修订该单位的目录事项。"))
    item.status = S.DRAFT
    item.submitted_by = None
    item.save()
    _event(item, E.REVISED, actor=actor, version=item.version)
    search_index_remove(kind=SEARCH_KIND, obj_id=item.pk)
    return item

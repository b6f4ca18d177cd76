from decimal import Decimal

import pytest

from disclosure.models import CatalogueEvent, CatalogueItem, CatalogueItemVersion
from disclosure.services.catalogue import drafting, publishing
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.search.models import SearchEntry
from tests.disclosure.catalogue_helpers import admin, head, market, published_item
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def _new_item(department, **fields):
    values = {
        "name": "食品经营许可",
        "code": "market-001",
        "kind": CatalogueItem.Kind.LICENSING,
        "department": department,
        "time_limit_days": 20,
        "legal_limit_days": 20,
    }
    values.update(fields)
    return CatalogueItem(**values)


def test_department_head_drafts_an_item_of_their_department():
    dept = market()
    item = drafting.item_save_draft(
        actor=head(dept), item=_new_item(dept), materials=[drafting.MaterialData("申请书")]
    )

    assert item.status == CatalogueItem.Status.DRAFT
    assert [m.name for m in item.materials.all()] == ["申请书"]
    assert item.events.get().code == CatalogueEvent.Code.CREATED


def test_department_head_cannot_draft_for_another_department():
    with pytest.raises(DomainError):
        drafting.item_save_draft(
            actor=head(market()),
            item=_new_item(DepartmentFactory()),
            materials=[drafting.MaterialData("申请书")],
        )
    assert not CatalogueItem.objects.exists()


def test_a_fee_needs_its_legal_standard():
    dept = market()
    with pytest.raises(DomainError, match="收费标准"):
        drafting.item_save_draft(
            actor=admin(),
            item=_new_item(dept, fee=Decimal("50")),
            materials=[drafting.MaterialData("申请书")],
        )


def test_submitting_needs_materials():
    item = CatalogueItemFactory(materials=[])
    with pytest.raises(DomainError, match="申请材料"):
        publishing.item_submit(actor=admin(), item=item)
    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.DRAFT


def test_submission_tells_the_other_admins():
    drafter, reviewer = admin("a1"), admin("a2")
    publishing.item_submit(actor=drafter, item=CatalogueItemFactory())

    assert InboxMessage.objects.filter(recipient=reviewer, subject="目录事项待审核").exists()
    assert not InboxMessage.objects.filter(recipient=drafter).exists()


def test_the_submitter_cannot_publish_their_own_item():
    user = admin()
    item = publishing.item_submit(actor=user, item=CatalogueItemFactory())
    with pytest.raises(DomainError, match="另一位管理员"):
        publishing.item_publish(actor=user, item=item)
    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.REVIEW


def test_a_department_head_cannot_publish():
    dept = market()
    item = publishing.item_submit(actor=admin(), item=CatalogueItemFactory(department=dept))
    with pytest.raises(DomainError):
        publishing.item_publish(actor=head(dept), item=item)


def test_publishing_keeps_a_version_and_indexes_the_item():
    item = published_item(name="食品经营许可")

    assert item.status == CatalogueItem.Status.PUBLISHED and item.version == 1 and item.published_at
    version = CatalogueItemVersion.objects.get(item=item)
    assert version.snapshot["name"] == "食品经营许可"
    assert version.snapshot["materials"][0]["name"] == "申请书"
    entry = SearchEntry.objects.get(kind="item", object_id=item.pk)
    assert entry.title == "食品经营许可" and not entry.is_withdrawn
    assert entry.url == f"/disclosure/catalogue/{item.code}/"


def test_a_draft_cannot_be_published_directly():
    with pytest.raises(DomainError, match="待审核"):
        publishing.item_publish(actor=admin(), item=CatalogueItemFactory())


def test_returning_needs_a_note_and_tells_the_submitter():
    drafter, reviewer = admin("a1"), admin("a2")
    item = publishing.item_submit(actor=drafter, item=CatalogueItemFactory())
    with pytest.raises(DomainError):
        publishing.item_return(actor=reviewer, item=item, note="  ")

    item = publishing.item_return(actor=reviewer, item=item, note="请补充设定依据的条款号")

    assert (
        item.status == CatalogueItem.Status.DRAFT and item.review_note == "请补充设定依据的条款号"
    )
    assert InboxMessage.objects.filter(recipient=drafter, subject="目录事项被退回修改").exists()


def test_a_withdrawn_item_stays_in_the_index_marked_withdrawn():
    item = published_item()
    item = publishing.item_withdraw(actor=admin("a3"), item=item, reason="职权已调整")

    assert item.status == CatalogueItem.Status.WITHDRAWN and item.withdrawn_at
    assert item in CatalogueItem.objects.findable()
    assert SearchEntry.objects.get(kind="item", object_id=item.pk).is_withdrawn


def test_withdrawing_needs_a_reason():
    item = published_item()
    with pytest.raises(DomainError, match="撤回理由"):
        publishing.item_withdraw(actor=admin("a3"), item=item, reason="")


def test_a_revision_keeps_the_item_public_until_published_as_version_two():
    drafter, reviewer = admin("a1"), admin("a2")
    item = published_item(drafter=drafter, reviewer=reviewer)
    item = publishing.item_revise(actor=drafter, item=item)
    assert item.status == CatalogueItem.Status.PUBLISHED
    assert SearchEntry.objects.filter(kind="item", object_id=item.pk).exists()

    item.time_limit_days = 5
    drafting.item_save_draft(actor=drafter, item=item, materials=[drafting.MaterialData("申请书")])
    item.refresh_from_db()
    assert item.time_limit_days == 10
    publishing.item_submit(actor=drafter, item=item)
    item = publishing.item_publish(actor=reviewer, item=item)

    assert item.version == 2
    assert item.time_limit_days == 5
    assert list(item.versions.values_list("number", "snapshot__time_limit_days")) == [
        (2, 5),
        (1, 10),
    ]
    assert set(item.history.values_list("time_limit_days", flat=True)) == {10, 5}


def test_a_published_item_cannot_be_edited_without_a_revision():
    item = published_item()
    item.name = "改名"
    with pytest.raises(DomainError, match="修订"):
        drafting.item_save_draft(
            actor=admin("a9"), item=item, materials=[drafting.MaterialData("申请书")]
        )
    item.refresh_from_db()
    assert item.name != "改名"


def test_the_code_of_a_once_published_item_cannot_change():
    drafter = admin("a1")
    item = publishing.item_revise(actor=drafter, item=published_item(drafter=drafter))
    item.code = "new-code"
    with pytest.raises(DomainError, match="编码"):
        drafting.item_save_draft(
            actor=drafter, item=item, materials=[drafting.MaterialData("申请书")]
        )


def test_the_submitter_is_told_of_the_publication():
    drafter = admin("a1")
    published_item(drafter=drafter, reviewer=admin("a2"))

    assert InboxMessage.objects.filter(recipient=drafter, subject="目录事项已发布").exists()

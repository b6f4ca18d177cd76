"""Revisions of published items and articles: the live version stays public until the revision
is published in its place; returning or discarding a revision leaves the live version alone."""

import pytest

from disclosure.models import (
    Article,
    ArticleRevision,
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemRevision,
    Column,
)
from disclosure.selectors import catalogue as catalogue_selectors
from disclosure.services import columns as article_services
from disclosure.services.catalogue import drafting, publishing
from portal.errors import DomainError
from portal.search.models import SearchEntry
from tests.disclosure.catalogue_helpers import admin, published_item
from tests.disclosure.factories import ColumnFactory, published_article
from tests.disclosure.factories import admin as columns_admin
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def _revise_item(item, drafter, **changes):
    """Open a revision and save `changes` (and materials) into it, as the edit form does."""
    materials = changes.pop("materials", [drafting.MaterialData("申请书")])
    publishing.item_revise(actor=drafter, item=item)
    draft = CatalogueItem.objects.get(pk=item.pk)
    for name, value in changes.items():
        setattr(draft, name, value)
    drafting.item_save_draft(actor=drafter, item=draft, materials=materials)
    return CatalogueItem.objects.get(pk=item.pk)


def test_saving_a_revision_leaves_the_live_item_public_and_searchable():
    drafter = admin("a1")
    item = published_item(drafter=drafter, legal_basis="旧依据")
    item = _revise_item(item, drafter, legal_basis="新依据")

    assert catalogue_selectors.item_get_public(item.code).legal_basis == "旧依据"
    assert "旧依据" in SearchEntry.objects.get(kind="item", object_id=item.pk).fields["legal_basis"]
    revision = item.revisions.get()
    assert revision.status == CatalogueItemRevision.Status.DRAFT
    assert revision.content["legal_basis"] == "新依据"


def test_publishing_a_revision_replaces_the_live_item_and_its_index_row():
    drafter, reviewer = admin("a1"), admin("a2")
    item = published_item(drafter=drafter, reviewer=reviewer, legal_basis="旧依据")
    other = DepartmentFactory(name="县行政审批局")
    item = _revise_item(
        item,
        drafter,
        legal_basis="新依据",
        department=other,
        materials=[drafting.MaterialData("户口簿"), drafting.MaterialData("照片", False)],
    )
    publishing.item_submit(actor=drafter, item=item)
    item = publishing.item_publish(actor=reviewer, item=item)

    item.refresh_from_db()
    assert (item.version, item.legal_basis, item.department) == (2, "新依据", other)
    assert [(m.name, m.is_required) for m in item.materials.all()] == [
        ("户口簿", True),
        ("照片", False),
    ]
    assert "新依据" in SearchEntry.objects.get(kind="item", object_id=item.pk).fields["legal_basis"]
    assert item.revisions.get().status == CatalogueItemRevision.Status.PUBLISHED
    assert item.versions.get(number=2).snapshot["department"] == "县行政审批局"
    assert item.events.filter(code=CatalogueEvent.Code.PUBLISHED).last().data["revision"]


def test_a_returned_revision_keeps_the_live_item_and_goes_back_to_its_drafter():
    drafter, reviewer = admin("a1"), admin("a2")
    item = _revise_item(published_item(drafter=drafter), drafter, name="新名称")
    publishing.item_submit(actor=drafter, item=item)
    publishing.item_return(actor=reviewer, item=item, note="依据写错了")

    item.refresh_from_db()
    revision = item.revisions.get()
    assert item.status == CatalogueItem.Status.PUBLISHED and item.name != "新名称"
    assert (revision.status, revision.review_note) == ("draft", "依据写错了")


def test_a_discarded_revision_leaves_the_live_item_and_a_new_one_may_start():
    drafter = admin("a1")
    item = _revise_item(published_item(drafter=drafter), drafter, name="新名称")
    publishing.item_discard_revision(actor=drafter, item=item)

    item.refresh_from_db()
    assert item.name != "新名称" and item.version == 1
    assert item.revisions.get().status == CatalogueItemRevision.Status.DISCARDED
    assert item.events.filter(code=CatalogueEvent.Code.DISCARDED).exists()
    publishing.item_revise(actor=drafter, item=item)
    assert item.revisions.filter(status="draft").count() == 1


def test_a_second_revision_is_refused_while_one_is_open():
    drafter = admin("a1")
    item = published_item(drafter=drafter)
    publishing.item_revise(actor=drafter, item=item)
    with pytest.raises(DomainError, match="修订稿"):
        publishing.item_revise(actor=drafter, item=item)
    assert item.revisions.count() == 1


def test_the_submitter_of_a_revision_cannot_publish_it():
    drafter = admin("a1")
    item = _revise_item(published_item(drafter=drafter), drafter, name="新名称")
    publishing.item_submit(actor=drafter, item=item)
    with pytest.raises(DomainError, match="另一位管理员"):
        publishing.item_publish(actor=drafter, item=item)
    item.refresh_from_db()
    assert item.version == 1


def test_a_revision_is_published_once():
    drafter, reviewer = admin("a1"), admin("a2")
    item = _revise_item(published_item(drafter=drafter), drafter, name="新名称")
    publishing.item_submit(actor=drafter, item=item)
    publishing.item_publish(actor=reviewer, item=item)
    with pytest.raises(DomainError):
        publishing.item_publish(actor=admin("a3"), item=item)
    item.refresh_from_db()
    assert item.version == 2 and item.versions.count() == 2


def test_withdrawing_still_takes_the_item_off_while_a_revision_is_open():
    drafter = admin("a1")
    item = _revise_item(published_item(drafter=drafter), drafter, name="新名称")
    publishing.item_withdraw(actor=admin("a3"), item=item, reason="职权取消")

    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.WITHDRAWN
    assert SearchEntry.objects.get(kind="item", object_id=item.pk).is_withdrawn
    assert item.revisions.get().status == CatalogueItemRevision.Status.DRAFT


# --- Articles ------------------------------------------------------------------------------------


def _revise_article(article, drafter, **changes):
    article_services.article_revise(actor=drafter, article=article)
    draft = Article.objects.get(pk=article.pk)
    for name, value in changes.items():
        setattr(draft, name, value)
    article_services.article_save_draft(actor=drafter, article=draft)
    return Article.objects.get(pk=article.pk)


def test_publishing_an_article_revision_replaces_the_live_text_and_keeps_the_count():
    drafter, reviewer = columns_admin("c1"), columns_admin("c2")
    article = published_article(title="旧标题", body="旧正文")
    article = _revise_article(article, drafter, title="新标题", body="新正文")
    assert SearchEntry.objects.get(kind="article", object_id=article.pk).title == "旧标题"

    article_services.article_submit(actor=drafter, article=article)
    article_services.article_publish(actor=reviewer, article=article)

    article.refresh_from_db()
    assert (article.title, article.body, article.version) == ("新标题", "新正文", 2)
    assert SearchEntry.objects.get(kind="article", object_id=article.pk).title == "新标题"
    assert Column.objects.get(pk=article.column_id).published_count == 1
    assert article.revisions.get().status == ArticleRevision.Status.PUBLISHED


def test_an_article_revision_moved_to_another_column_moves_the_count():
    drafter, reviewer = columns_admin("c1"), columns_admin("c2")
    article = published_article()
    old_column, new_column = article.column, ColumnFactory()
    article = _revise_article(article, drafter, column=new_column)
    article_services.article_submit(actor=drafter, article=article)
    article_services.article_publish(actor=reviewer, article=article)

    assert Column.objects.get(pk=old_column.pk).published_count == 0
    assert Column.objects.get(pk=new_column.pk).published_count == 1


def test_discarding_an_article_revision_keeps_the_live_article():
    drafter = columns_admin("c1")
    article = _revise_article(published_article(title="旧标题"), drafter, title="新标题")
    article_services.article_discard_revision(actor=drafter, article=article)

    article.refresh_from_db()
    assert article.title == "旧标题" and article.is_published
    assert article.revisions.get().status == ArticleRevision.Status.DISCARDED


def test_withdrawing_an_article_with_an_open_revision_takes_it_offline():
    drafter = columns_admin("c1")
    article = _revise_article(published_article(), drafter, title="新标题")
    article_services.article_withdraw(actor=columns_admin("c3"), article=article, reason="过时")

    assert not SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
    assert Article.objects.get(pk=article.pk).status == Article.Status.WITHDRAWN

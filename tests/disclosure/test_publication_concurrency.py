"""Two admins publishing the same revision at once, on PostgreSQL with real threads: the revision
is published once, as one new version; the other admin is refused."""

import pytest

from disclosure.models import CatalogueEvent, CatalogueItem
from disclosure.services.catalogue import drafting, publishing
from tests.concurrency import race
from tests.disclosure.catalogue_helpers import admin, published_item

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_admins_publishing_one_revision_at_once_publish_it_once():
    drafter = admin("a1")
    item = published_item(drafter=drafter, reviewer=admin("a2"))
    publishing.item_revise(actor=drafter, item=item)
    draft = CatalogueItem.objects.get(pk=item.pk)
    draft.name = "新名称"
    drafting.item_save_draft(actor=drafter, item=draft, materials=[drafting.MaterialData("申请书")])
    publishing.item_submit(actor=drafter, item=item)
    first, second = admin("a3"), admin("a4")

    outcomes = race(
        lambda: publishing.item_publish(actor=first, item=CatalogueItem.objects.get(pk=item.pk)),
        lambda: publishing.item_publish(actor=second, item=CatalogueItem.objects.get(pk=item.pk)),
    )

    assert sorted(outcomes) == ["ok", "refused"]
    item.refresh_from_db()
    assert (item.version, item.name) == (2, "新名称")
    assert item.versions.count() == 2
    assert item.events.filter(code=CatalogueEvent.Code.PUBLISHED).count() == 2

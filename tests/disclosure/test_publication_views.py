"""Pages while a published item or article is revised: the public pages and the search keep the
live version, the staff page shows the revision beside it, and the history page tells citizens
what each version changed."""

import pytest
from django.urls import reverse

from disclosure.models import Article, CatalogueItem
from disclosure.services import columns as article_services
from disclosure.services.catalogue import drafting, publishing
from tests.disclosure.catalogue_helpers import admin, published_item
from tests.disclosure.factories import admin as columns_admin
from tests.disclosure.factories import published_article

pytestmark = pytest.mark.django_db


def _revised_item(**changes):
    drafter = admin("a1")
    item = published_item(drafter=drafter, reviewer=admin("a2"), legal_basis="《旧条例》")
    publishing.item_revise(actor=drafter, item=item)
    draft = CatalogueItem.objects.get(pk=item.pk)
    for name, value in changes.items():
        setattr(draft, name, value)
    drafting.item_save_draft(actor=drafter, item=draft, materials=[drafting.MaterialData("户口簿")])
    return item


def _edit_post(item: CatalogueItem, **fields) -> dict:
    data = {
        "name": item.name,
        "code": item.code,
        "kind": item.kind,
        "department": item.department_id,
        "content": item.content,
        "legal_basis": item.legal_basis,
        "conditions": item.conditions,
        "time_limit_days": item.time_limit_days,
        "legal_limit_days": item.legal_limit_days,
        "fee": "0",
        "fee_standard": "",
        "service_place": "",
        "supervision_phone": "",
        "supervision_address": "",
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "1",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-name": "户口簿",
        "materials-0-is_required": "on",
        "materials-0-description": "",
    }
    data.update(fields)
    return data


def test_the_public_item_page_keeps_the_live_text_during_a_revision(client):
    item = _revised_item(legal_basis="《新条例》")

    response = client.get(item.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "《旧条例》" in page and "《新条例》" not in page


def test_the_search_still_finds_the_live_text_during_a_revision(client):
    item = _revised_item(legal_basis="《新条例》")

    page = client.get("/disclosure/search/", {"q": "旧条例"}).content.decode()

    assert item.name in page


def test_the_staff_page_shows_the_revision_beside_the_live_version(client):
    item = _revised_item(legal_basis="《新条例》")
    client.force_login(admin("a1"))

    page = client.get(reverse("disclosure:staff_catalogue_detail", args=[item.pk])).content.decode()

    assert "现行公开版本" in page and "修订稿与现行版本的差异" in page
    assert "《旧条例》" in page and "《新条例》" in page
    assert "放弃修订稿" in page


def test_the_edit_page_edits_the_revision_not_the_live_item(client):
    item = _revised_item()
    client.force_login(admin("a1"))
    url = reverse("disclosure:staff_catalogue_edit", args=[item.pk])
    assert "修改修订稿" in client.get(url).content.decode()

    response = client.post(url, _edit_post(item, legal_basis="《改后条例》"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.legal_basis == "《旧条例》"
    assert item.revisions.get().content["legal_basis"] == "《改后条例》"
    assert item.revisions.get().content["materials"][0]["name"] == "户口簿"


def test_discarding_through_the_page_keeps_the_live_item(client):
    item = _revised_item(legal_basis="《新条例》")
    client.force_login(admin("a1"))

    client.post(reverse("disclosure:staff_catalogue_act", args=[item.pk, "discard"]))

    page = client.get(reverse("disclosure:staff_catalogue_detail", args=[item.pk])).content.decode()
    assert "已放弃修订稿" in page and "现行公开版本" not in page


def test_the_history_page_lists_each_version_and_what_changed(client):
    item = _revised_item(legal_basis="《新条例》", time_limit_days=5)
    publishing.item_submit(actor=admin("a1"), item=item)
    publishing.item_publish(actor=admin("a2"), item=item)

    response = client.get(reverse("disclosure:catalogue_item_history", args=[item.code]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "第 2 版" in page and "第 1 版" in page and "首次发布" in page
    assert "《旧条例》" in page and "《新条例》" in page
    assert "5 个工作日" in page and "10 个工作日" in page
    assert "户口簿" in page
    assert "版本记录" in client.get(item.get_absolute_url()).content.decode()


def test_a_draft_item_has_no_history_page(client):
    drafter = admin("a1")
    item = published_item(drafter=drafter)
    CatalogueItem.objects.filter(pk=item.pk).update(status=CatalogueItem.Status.DRAFT)

    assert (
        client.get(reverse("disclosure:catalogue_item_history", args=[item.code])).status_code
        == 404
    )


def test_the_public_article_page_keeps_the_live_text_during_a_revision(client):
    drafter = columns_admin("c1")
    article = published_article(title="旧标题", body="旧正文")
    article_services.article_revise(actor=drafter, article=article)
    draft = Article.objects.get(pk=article.pk)
    draft.title, draft.body = "新标题", "新正文"
    article_services.article_save_draft(actor=drafter, article=draft)

    page = client.get(article.get_absolute_url()).content.decode()
    column_page = client.get(article.column.get_absolute_url()).content.decode()

    assert "旧正文" in page and "新正文" not in page
    assert "旧标题" in column_page
    client.force_login(drafter)
    staff = client.get(reverse("disclosure:staff_article", args=[article.pk])).content.decode()
    assert "新标题" in staff and "旧标题" in staff


# --- Revisions waiting: the workbench and the staff lists count them ---------------------------


def _article_revision_submitted() -> Article:
    drafter = columns_admin("c1")
    article = published_article(title="旧标题")
    article_services.article_revise(actor=drafter, article=article)
    article_services.article_submit(actor=drafter, article=Article.objects.get(pk=article.pk))
    return article


def test_the_workbench_counts_a_submitted_revision_of_an_item_as_waiting_for_review(client):
    item = _revised_item(legal_basis="《新条例》")
    publishing.item_submit(actor=admin("a1"), item=CatalogueItem.objects.get(pk=item.pk))
    client.force_login(admin("a2"))

    page = client.get(reverse("portal:workbench")).content.decode()

    assert "待审核目录事项 1 项" in page and "草稿 0 项" in page


def test_the_workbench_counts_a_revision_being_drafted_as_a_draft(client):
    _revised_item(legal_basis="《新条例》")
    client.force_login(admin("a2"))

    page = client.get(reverse("portal:workbench")).content.decode()

    assert "待审核目录事项 0 项" in page and "草稿 1 项" in page


def test_the_workbench_counts_a_submitted_revision_of_an_article(client):
    _article_revision_submitted()
    client.force_login(columns_admin("c2"))

    page = client.get(reverse("portal:workbench")).content.decode()

    assert "待审核公开信息 1 条" in page


def test_the_staff_list_of_articles_waiting_for_review_shows_a_revised_one(client):
    article = _article_revision_submitted()
    client.force_login(columns_admin("c2"))

    page = client.get(reverse("disclosure:staff_articles"), {"status": "review"}).content.decode()

    assert reverse("disclosure:staff_article", args=[article.pk]) in page
    assert "修订稿待审核" in page


def test_the_staff_list_of_items_waiting_for_review_shows_a_revised_one(client):
    item = _revised_item(legal_basis="《新条例》")
    publishing.item_submit(actor=admin("a1"), item=CatalogueItem.objects.get(pk=item.pk))
    client.force_login(admin("a2"))

    page = client.get(reverse("disclosure:staff_catalogue"), {"status": "review"}).content.decode()

    assert item.name in page and "修订稿待审核" in page


def test_the_staff_list_of_published_articles_marks_one_being_revised(client):
    article = _article_revision_submitted()
    client.force_login(columns_admin("c2"))

    page = client.get(
        reverse("disclosure:staff_articles"), {"status": "published"}
    ).content.decode()

    assert reverse("disclosure:staff_article", args=[article.pk]) in page
    assert "修订稿待审核" in page


def test_the_staff_list_reads_its_page_s_revisions_in_one_query_of_their_own(
    client, django_assert_max_num_queries
):
    # As a subquery of the list's own query, it ran for every article the list sorted.
    drafter = columns_admin("c1")
    for title in ("甲", "乙", "丙"):
        article_services.article_revise(actor=drafter, article=published_article(title=title))
    client.force_login(columns_admin("c2"))

    with django_assert_max_num_queries(15) as captured:
        page = client.get(reverse("disclosure:staff_articles")).content.decode()

    revisions = [q["sql"] for q in captured.captured_queries if "articlerevision" in q["sql"]]
    assert len(revisions) == 1 and "ORDER BY" not in revisions[0]
    assert page.count("修订中") == 3

"""The site-wide index in portal: writes, per-field text, kinds, reindexing, synonyms, PostgreSQL."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from portal.search import query
from portal.search.index import (
    KINDS,
    REINDEXERS,
    generation,
    search_index_remove,
    search_index_upsert,
)
from portal.search.models import SearchEntry, SearchSynonym

pytestmark = pytest.mark.django_db


def entry(n=1, title="食品安全抽检公告", **fields):
    return search_index_upsert(
        kind="article",
        obj_id=n,
        title=title,
        fields=fields or {"body": "全县开展食品安全抽检。"},
        department=None,
        url=f"/disclosure/articles/{n}/",
        published_at=timezone.now(),
    )


def test_upsert_keeps_each_field_and_one_searchable_text():
    found = entry(body="  全县开展\n食品安全抽检。 ", summary="", column="通知公告")

    assert found.fields == {"body": "全县开展 食品安全抽检。", "column": "通知公告"}
    assert found.content == "食品安全抽检公告\n全县开展 食品安全抽检。\n通知公告"
    assert found.rank == KINDS["article"].rank


def test_upsert_replaces_the_entry_of_the_same_object():
    entry(7, "旧标题")
    entry(7, "新标题")

    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["新标题"]


def test_remove_takes_the_entry_out():
    entry(7)
    search_index_remove(kind="article", obj_id=7)

    assert not SearchEntry.objects.exists()


def test_every_write_moves_the_generation_that_keys_cached_pages():
    before = generation()
    entry()
    after_upsert = generation()
    search_index_remove(kind="article", obj_id=1)

    assert before != after_upsert != generation()


def test_an_edited_synonym_moves_the_generation():
    before = generation()
    SearchSynonym.objects.create(words="残补 残疾人两项补贴")

    assert generation() != before


def test_every_pillar_registers_its_kinds_and_reindexer():
    expected = {"item", "article", "petitions.complaint", "approvals.result"}

    assert expected <= set(KINDS) and expected <= set(REINDEXERS)
    assert KINDS["item"].rank < KINDS["article"].rank


def test_reindex_rebuilds_the_index_from_the_pillars():
    from tests.disclosure.catalogue_helpers import published_item

    item = published_item(name="户口迁移登记", code="police-001", materials=["户口簿"])
    SearchEntry.objects.all().delete()
    entry(99, "索引里残留的旧条目")

    out = io.StringIO()
    call_command("search_reindex", "item", "article", stdout=out)

    assert list(SearchEntry.objects.values_list("kind", "object_id")) == [("item", item.pk)]
    assert SearchEntry.objects.get().fields["materials"] == "户口簿"
    assert "item: 1" in out.getvalue()


def test_reindex_refuses_an_unknown_kind():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown kind: nope"):
        call_command("search_reindex", "nope")


def test_the_seeded_synonyms_are_there():
    groups = set(SearchSynonym.objects.values_list("words", flat=True))

    assert {"户口 户籍 户口簿", "营业执照 执照", "低保 最低生活保障", "婚姻登记 结婚登记"} <= groups


def test_a_synonym_group_is_cleaned_on_save():
    synonym = SearchSynonym.objects.create(words=" 残补／残疾人两项补贴、残补 ")

    assert synonym.words == "残补 残疾人两项补贴"


def test_a_group_of_one_word_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SearchSynonym(words="残补").full_clean()


def test_a_question_is_widened_by_its_synonyms():
    question = query.parse("户籍")

    assert question.groups == (("户籍", "户口", "户口簿"),)
    assert question.terms[0] == "户口簿"


def test_highlight_marks_each_term_once_longest_first():
    assert (
        query.highlight("食品经营许可", ["食品", "食品经营"])
        == '<mark class="p-0">食品经营</mark>许可'
    )


def test_the_matched_field_is_the_first_that_holds_a_term_in_registered_order():
    fields = {"legal_basis": "户口登记条例", "content": "审查材料", "materials": "申请书；户口簿"}

    assert query.matched_field("item", fields, ["户口"]) == ("materials", "申请书；户口簿", True)
    assert query.matched_field("item", fields, ["殡葬"]) == ("materials", "申请书；户口簿", False)


@pytest.mark.postgres
def test_postgres_has_the_full_text_and_trigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'portal_searchentry'")
        names = {row[0] for row in cursor.fetchall()}

    assert {"portal_search_vector_gin", "portal_search_title_trgm"} <= names


@pytest.mark.postgres
def test_postgres_stores_the_jieba_tokens_as_a_tsvector():
    entry(1, "食品经营许可", body="营业执照复印件")
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM portal_searchentry")
        vector = cursor.fetchone()[0]

    assert "'食品':1A" in vector and "'经营':2A" in vector and "'营业执照'" in vector

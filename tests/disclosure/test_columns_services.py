import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.forms.columns import ArticleForm
from disclosure.models import Article, ArticleEvent, Column
from disclosure.selectors.columns import published_counts_by_column
from disclosure.services import columns as services
from portal.errors import DomainError
from portal.models import InboxMessage
from portal.roles import Role
from portal.search.models import SearchEntry
from tests.disclosure.factories import (
    ArticleFactory,
    ColumnFactory,
    admin,
    published_article,
)
from tests.factories import DepartmentFactory, StaffFactory
from tests.uploads import jpeg_with_markers, marked

pytestmark = pytest.mark.django_db


def test_a_department_member_drafts_for_their_own_department_only():
    finance = DepartmentFactory(code="finance", name="县财政局")
    clerk = StaffFactory(department=finance)
    column = ColumnFactory()
    mine = services.article_save_draft(
        actor=clerk, article=Article(column=column, department=finance, title="预算", body="正文")
    )
    assert mine.status == Article.Status.DRAFT and mine.drafted_by == clerk

    other = DepartmentFactory(code="civil")
    with pytest.raises(DomainError, match="不能为该单位"):
        services.article_save_draft(
            actor=clerk, article=Article(column=column, department=other, title="x", body="y")
        )
    assert Article.objects.count() == 1


def test_publishing_makes_the_article_public_searchable_and_updates_the_column():
    article = published_article(title="2026年县级财政预算公开")
    column = Column.objects.get(pk=article.column_id)

    assert article.status == Article.Status.PUBLISHED and article.version == 1
    assert article.first_published_at == article.published_at
    assert column.published_count == 1 and column.last_published_at == article.published_at
    entry = SearchEntry.objects.get(kind="article", object_id=article.pk)
    assert (
        entry.title == "2026年县级财政预算公开"
        and entry.url == f"/disclosure/articles/{article.pk}/"
    )
    assert list(article.events.values_list("code", flat=True)) == ["submitted", "published"]


def test_the_submitter_cannot_publish_their_own_article():
    reviewer = admin("solo")
    article = ArticleFactory()
    services.article_submit(actor=reviewer, article=article)
    with pytest.raises(DomainError, match="另一位管理员"):
        services.article_publish(actor=reviewer, article=article)
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW


def test_a_department_member_cannot_publish():
    article = ArticleFactory()
    services.article_submit(actor=admin(), article=article)
    member = StaffFactory(department=article.department, roles=[Role.DEPARTMENT_HEAD])
    with pytest.raises(DomainError, match="只有管理员"):
        services.article_publish(actor=member, article=article)


@pytest.mark.parametrize(
    ("status", "move", "message"),
    [
        (Article.Status.DRAFT, "publish", "只有待审核的信息可以发布"),
        (Article.Status.DRAFT, "withdraw", "只有已发布的信息可以撤回"),
        (Article.Status.REVIEW, "submit", "只有草稿可以提交审核"),
        (Article.Status.PUBLISHED, "return", "只有待审核的信息可以退回"),
        (Article.Status.WITHDRAWN, "publish", "只有待审核的信息可以发布"),
    ],
)
def test_every_illegal_move_is_refused_with_a_message(status, move, message):
    article = ArticleFactory(status=status, published_at=timezone.now())
    calls = {
        "publish": lambda: services.article_publish(actor=admin("r"), article=article),
        "withdraw": lambda: services.article_withdraw(
            actor=admin("r"), article=article, reason="x"
        ),
        "submit": lambda: services.article_submit(actor=admin("r"), article=article),
        "return": lambda: services.article_return(actor=admin("r"), article=article, note="x"),
    }
    with pytest.raises(DomainError, match=message):
        calls[move]()
    assert Article.objects.get(pk=article.pk).status == status


def test_returning_needs_a_note_and_tells_the_submitter():
    drafter = admin("drafter")
    article = ArticleFactory()
    services.article_submit(actor=drafter, article=article)
    with pytest.raises(DomainError, match="退回修改的意见"):
        services.article_return(actor=admin("r"), article=article, note=" ")
    services.article_return(actor=admin("r"), article=article, note="请补充附件")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and article.review_note == "请补充附件"
    assert InboxMessage.objects.filter(recipient=drafter, subject="公开信息被退回修改").exists()


def test_withdrawing_takes_the_article_off_search_and_the_column_count():
    article = published_article()
    with pytest.raises(DomainError, match="撤回理由"):
        services.article_withdraw(actor=admin("r"), article=article, reason="")
    services.article_withdraw(actor=admin("r"), article=article, reason="内容已过时")

    assert Article.objects.get(pk=article.pk).status == Article.Status.WITHDRAWN
    assert not SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
    assert Column.objects.get(pk=article.column_id).published_count == 0
    assert ArticleEvent.objects.filter(
        article=article, code="withdrawn", note="内容已过时"
    ).exists()


def test_a_revision_keeps_the_live_article_public_and_searchable():
    article = published_article(title="第一版")
    article = services.article_revise(actor=admin("r"), article=article)
    article.title = "第二版"
    services.article_save_draft(actor=admin("r"), article=article)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.title == "第一版"
    assert SearchEntry.objects.get(kind="article", object_id=article.pk).title == "第一版"
    assert article.revisions.get().content["title"] == "第二版"


def test_attachments_are_stored_as_the_form_cleaned_them_without_metadata():
    author, column, unit = admin(), ColumnFactory(), DepartmentFactory()
    form = ArticleForm(
        {"column": column.pk, "department": unit.pk, "title": "图片", "body": "正文"},
        {"files": [SimpleUploadedFile("photo.jpg", jpeg_with_markers())]},
        user=author,
    )
    assert form.is_valid(), form.errors

    article = services.article_save_draft(
        actor=author, article=form.save(commit=False), uploads=form.cleaned_data["files"]
    )

    stored = article.attachments.get()
    assert stored.original_name == "photo.jpg" and stored.content_type == "image/jpeg"
    with stored.file.open("rb") as handle:
        assert not marked(handle.read())


def test_published_counts_by_column_lists_every_column_with_the_year_s_first_publications():
    budget = ColumnFactory(name="财政预决算", order=1)
    ColumnFactory(name="人事管理", order=2)
    published_article(column=budget, at=timezone.make_aware(datetime.datetime(2025, 6, 1)))
    published_article(column=budget, at=timezone.make_aware(datetime.datetime(2026, 3, 1)))

    assert published_counts_by_column(2026) == [("财政预决算", 1), ("人事管理", 0)]
    assert published_counts_by_column(2025) == [("财政预决算", 1), ("人事管理", 0)]


def test_the_column_keeps_its_latest_update_whatever_order_articles_are_published_in():
    column = ColumnFactory()
    later = timezone.make_aware(datetime.datetime(2026, 5, 2))
    published_article(column=column, at=later)
    published_article(column=column, at=timezone.make_aware(datetime.datetime(2026, 4, 1)))

    column.refresh_from_db()
    assert column.last_published_at == later and column.published_count == 2

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from disclosure.models import Article
from disclosure.services import columns as services
from portal.roles import Role
from portal.uploads import accept_upload
from tests.disclosure.factories import (
    ArticleFactory,
    ColumnFactory,
    admin,
    published_article,
)
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.uploads import pdf_file, pdf_pages

pytestmark = pytest.mark.django_db
PDF = pdf_file()


# --- Public pages ------------------------------------------------------------------------------


def test_the_landing_page_lists_columns_with_their_latest_articles_and_last_update(client):
    budget = ColumnFactory(name="财政预决算", slug="budget")
    ColumnFactory(name="人事管理", slug="personnel")
    published_article(column=budget, title="2026年部门预算公开")
    ArticleFactory(column=budget, title="尚未发布的草稿")

    page = client.get("/disclosure/").content.decode()

    assert "财政预决算" in page and "人事管理" in page
    assert "2026年部门预算公开" in page and "尚未发布的草稿" not in page
    assert "最近更新" in page and "尚未更新" in page


def test_the_landing_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    for n in range(4):
        column = ColumnFactory(slug=f"c{n}")
        for _ in range(7):
            published_article(column=column)
    with django_assert_max_num_queries(3):
        assert client.get("/disclosure/").status_code == 200


def test_a_column_page_is_paginated_and_shows_its_last_update(
    client, django_assert_max_num_queries
):
    column = ColumnFactory(name="工作动态", slug="news")
    for n in range(25):
        published_article(column=column, title=f"动态第{n}条")
    with django_assert_max_num_queries(3):
        first = client.get("/disclosure/columns/news/").content.decode()
    second = client.get("/disclosure/columns/news/?page=2").content.decode()

    assert "动态第24条" in first and "动态第0条" not in first and "共 25 条" in first
    assert "最近更新" in first and "第 1 / 2 页" in first
    assert "动态第0条" in second
    assert client.get("/disclosure/columns/news/?page=abc").status_code == 200


def test_an_unknown_or_inactive_column_is_404(client):
    ColumnFactory(slug="old", is_active=False)
    assert client.get("/disclosure/columns/nope/").status_code == 404
    assert client.get("/disclosure/columns/old/").status_code == 404


def test_an_article_page_shows_the_article_only_when_published(client):
    article = published_article(title="关于防汛工作的通知", body="各乡镇要做好防汛准备。")
    draft = ArticleFactory()

    page = client.get(f"/disclosure/articles/{article.pk}/").content.decode()
    assert "关于防汛工作的通知" in page and "各乡镇要做好防汛准备。" in page
    assert client.get(f"/disclosure/articles/{draft.pk}/").status_code == 404
    services.article_withdraw(actor=admin("w"), article=article, reason="过时")
    assert client.get(f"/disclosure/articles/{article.pk}/").status_code == 404


def test_the_atom_feed_lists_the_column_s_published_articles(client):
    column = ColumnFactory(name="政务要闻", slug="headlines")
    published_article(column=column, title="县政府召开常务会议")
    ArticleFactory(column=column, title="草稿不进订阅")

    response = client.get("/disclosure/columns/headlines/feed/")
    body = response.content.decode()
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    assert "县政府召开常务会议" in body and "草稿不进订阅" not in body


def _with_attachment(status_publish: bool):
    article = ArticleFactory()
    upload = accept_upload(SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf"))
    services.article_save_draft(actor=admin(), article=article, uploads=[upload])
    if status_publish:
        services.article_submit(actor=admin(), article=article)
        services.article_publish(actor=admin("r2"), article=article)
    return article.attachments.get()


def test_attachments_of_published_articles_are_public(client):
    attachment = _with_attachment(True)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200 and pdf_pages(b"".join(response.streaming_content)) == 1


def test_attachments_of_drafts_are_only_for_staff_who_may_open_the_article(client):
    attachment = _with_attachment(False)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(CitizenFactory())
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(StaffFactory(department=attachment.article.department))
    assert client.get(attachment.get_absolute_url()).status_code == 200


# --- Staff workflow through the pages --------------------------------------------------------


def test_a_department_member_drafts_with_an_attachment_and_an_admin_publishes(client):
    finance = DepartmentFactory(code="finance", name="县财政局")
    column = ColumnFactory(name="财政预决算", slug="budget")
    clerk = StaffFactory(department=finance)
    client.force_login(clerk)

    response = client.post(
        reverse("disclosure:staff_article_new"),
        {
            "column": column.pk,
            "department": finance.pk,
            "title": "2026年县级预算",
            "body": "预算正文",
            "files": [SimpleUploadedFile("预算表.pdf", PDF)],
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and article.attachments.count() == 1
    client.post(reverse("disclosure:staff_article_act", args=[article.pk, "submit"]))
    assert Article.objects.get().status == Article.Status.REVIEW

    client.force_login(admin("reviewer"))
    client.post(reverse("disclosure:staff_article_act", args=[article.pk, "publish"]))
    assert Article.objects.get().status == Article.Status.PUBLISHED
    assert "2026年县级预算" in client.get("/disclosure/columns/budget/").content.decode()


def test_a_new_article_form_starts_with_the_author_s_own_unit_selected(client):
    finance = DepartmentFactory(code="finance", name="县财政局")
    DepartmentFactory(code="market", name="县市场监督管理局")
    client.force_login(StaffFactory(department=finance))

    form = client.get(reverse("disclosure:staff_article_new")).context["form"]

    assert form["department"].value() == finance.pk


def test_a_file_that_is_not_a_document_or_image_is_refused_and_nothing_saved(client):
    finance = DepartmentFactory(code="finance")
    column = ColumnFactory()
    client.force_login(StaffFactory(department=finance))
    response = client.post(
        reverse("disclosure:staff_article_new"),
        {
            "column": column.pk,
            "department": finance.pk,
            "title": "带病毒的附件",
            "body": "正文",
            "files": [SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf")],
        },
    )
    assert response.status_code == 200 and "文件内容不是 PDF" in response.content.decode()
    assert not Article.objects.exists()


def test_an_illegal_move_through_the_page_shows_the_message(client):
    article = ArticleFactory()
    client.force_login(admin())
    response = client.post(
        reverse("disclosure:staff_article_act", args=[article.pk, "publish"]), follow=True
    )
    assert "只有待审核的信息可以发布" in response.content.decode()
    assert (
        client.post(reverse("disclosure:staff_article_act", args=[article.pk, "zap"])).status_code
        == 404
    )


def test_staff_of_another_department_and_citizens_get_404(client):
    article = ArticleFactory()
    client.force_login(StaffFactory(department=DepartmentFactory(code="other")))
    assert client.get(reverse("disclosure:staff_article", args=[article.pk])).status_code == 404
    client.force_login(CitizenFactory())
    assert client.get(reverse("disclosure:staff_articles")).status_code == 404


def test_the_staff_list_and_detail_render(client):
    article = published_article(title="已发布的信息")
    client.force_login(admin())
    page = client.get(reverse("disclosure:staff_articles")).content.decode()
    assert "已发布的信息" in page and "栏目更新情况" in page
    detail = client.get(reverse("disclosure:staff_article", args=[article.pk])).content.decode()
    assert "撤回信息" in detail and "发布" in detail


def test_the_workbench_shows_articles_waiting_for_review(client):
    article = ArticleFactory()
    services.article_submit(actor=admin("d"), article=article)
    client.force_login(admin())
    page = client.get(reverse("portal:workbench")).content.decode()
    assert "待审核公开信息 1 条" in page


# --- Search ------------------------------------------------------------------------------------


def test_a_published_article_is_found_by_search_and_gone_once_withdrawn(client):
    article = published_article(title="关于开展食品安全专项检查的通知")
    for question in ("食品", "食品安全"):
        found = client.get("/disclosure/search/", {"q": question}).content.decode()
        assert "专项检查的通知" in found and f"/disclosure/articles/{article.pk}/" in found

    services.article_withdraw(actor=admin("w"), article=article, reason="过时")
    gone = client.get("/disclosure/search/", {"q": "食品安全"}).content.decode()
    assert f"/disclosure/articles/{article.pk}/" not in gone


def test_image_attachments_are_served_without_metadata(client):
    buffer = io.BytesIO()
    image = Image.new("RGB", (4, 4), "blue")
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"
    image.save(buffer, format="JPEG", exif=exif)
    finance = DepartmentFactory(code="finance")
    client.force_login(StaffFactory(department=finance, roles=[Role.DEPARTMENT_HEAD]))
    client.post(
        reverse("disclosure:staff_article_new"),
        {
            "column": ColumnFactory().pk,
            "department": finance.pk,
            "title": "现场照片",
            "body": "正文",
            "files": [SimpleUploadedFile("photo.jpg", buffer.getvalue())],
        },
    )
    attachment = Article.objects.get().attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert b"SecretCamera" not in b"".join(response.streaming_content)


def test_the_staff_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    client.force_login(admin())
    for n in range(3):
        column = ColumnFactory(slug=f"s{n}")
        for _ in range(5):
            published_article(column=column)
            ArticleFactory(column=column)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("disclosure:staff_articles")).status_code == 200


def test_the_article_page_and_the_feed_take_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    column = ColumnFactory(slug="fixed")
    articles = [published_article(column=column) for _ in range(25)]
    with django_assert_max_num_queries(2):
        assert client.get(f"/disclosure/articles/{articles[0].pk}/").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/disclosure/columns/fixed/feed/").status_code == 200


def test_a_draft_s_attachment_can_be_removed_when_editing(client):
    attachment = _with_attachment(False)
    article = attachment.article
    client.force_login(admin())
    response = client.post(
        reverse("disclosure:staff_article_edit", args=[article.pk]),
        {
            "column": article.column_id,
            "department": article.department_id,
            "title": "改过的标题",
            "body": article.body,
            "remove": [attachment.pk],
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "改过的标题" and not article.attachments.exists()


def test_a_published_article_cannot_be_edited_without_a_revision(client):
    article = published_article()
    client.force_login(admin())
    response = client.get(reverse("disclosure:staff_article_edit", args=[article.pk]), follow=True)
    assert "请先“修订”" in response.content.decode()


def test_a_second_view_of_the_home_page_reads_no_article(client):
    published_article(title="城关镇道路维修完工")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    assert not [q for q in queries.captured_queries if "disclosure_article" in q["sql"]]
    assert "城关镇道路维修完工" in page


def test_an_article_published_or_withdrawn_shows_on_the_home_page_at_once(client):
    published_article(title="城关镇道路维修完工")
    client.get("/")
    article = published_article(title="供水管网检修通知")
    assert "供水管网检修通知" in client.get("/").content.decode()
    services.article_withdraw(actor=admin(), article=article, reason="时间有误，另行发布")
    assert "供水管网检修通知" not in client.get("/").content.decode()


def test_the_home_page_lists_the_newest_published_articles_of_all_columns(client):
    published_article(column=ColumnFactory(slug="news"), title="城关镇道路维修完工")
    ArticleFactory(title="尚未发布的草稿")

    page = client.get("/").content.decode()

    assert "城关镇道路维修完工" in page and "尚未发布的草稿" not in page
    assert 'href="/disclosure/"' in page

"""Reads of the disclosure columns for pages: a fixed number of queries whatever the data."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from disclosure.models import Article, ArticleAttachment, ArticleEvent, ArticleRevision, Column
from disclosure.permissions import columns as permissions
from disclosure.selectors.publication import mark_revisions, of_status, waiting_counts
from portal.search.index import cached_page

LATEST_PER_COLUMN = 5
LIST_FIELDS = ("pk", "title", "published_at", "department__name", "document_number")


def published_counts_by_column(year: int) -> list[tuple[str, int]]:
    """Every column with the number of its articles first published in `year` (annual report)."""
    rows = (
        Column.objects.annotate(
            n=Count("articles", filter=Q(articles__first_published_at__year=year))
        )
        .order_by("order", "id")
        .values_list("name", "n")
    )
    return [(name, n) for name, n in rows]


def public_columns() -> list[Column]:
    """Active columns, each with `latest`: its newest published articles (two queries).

    Each "k-th newest article" is a scalar subquery per column that walks the column's index a
    few entries deep, so the cost follows the number of columns, not of articles.
    """
    newest = (
        Article.objects.filter(column=OuterRef("pk"), status=Article.Status.PUBLISHED)
        .order_by("-published_at", "-id")
        .values("pk")
    )
    slots = [f"latest_{k}" for k in range(LATEST_PER_COLUMN)]
    columns = list(
        Column.objects.filter(is_active=True)
        .annotate(**{slot: Subquery(newest[k : k + 1]) for k, slot in enumerate(slots)})
        .order_by("order", "id")
    )
    ids = [pk for column in columns for slot in slots if (pk := getattr(column, slot))]
    rows = {
        row["pk"]: row
        for row in Article.objects.filter(pk__in=ids).values("pk", "title", "published_at")
    }
    for column in columns:
        column.latest = [rows[pk] for slot in slots if (pk := getattr(column, slot)) in rows]
    return columns


def latest_articles(limit: int = 6) -> list[Article]:
    """The newest published articles of every column, for the home page (one query, kept until
    an article is published or withdrawn)."""
    return cached_page(
        "latest-articles",
        lambda: list(
            Article.objects.published()
            .select_related("column")
            .only("pk", "title", "published_at", "column__name", "column__slug")
            .order_by("-published_at", "-id")[:limit]
        ),
        limit,
    )


def column_get_public(slug: str) -> Column:
    column = Column.objects.filter(slug=slug, is_active=True).first()
    if column is None:
        raise Http404
    return column


def column_page(column: Column, *, number=1, per_page: int = 20) -> Page:
    """One page of a column's published articles, newest first, counted by the column's tally."""
    paginator = Paginator(range(column.published_count), per_page)
    page = paginator.get_page(number)
    start = (page.number - 1) * per_page
    rows = list(
        Article.objects.filter(column=column, status=Article.Status.PUBLISHED)
        .order_by("-published_at", "-id")
        .values(*LIST_FIELDS)[start : start + per_page]
    )
    return Page(rows, page.number, paginator)


def column_feed_items(column: Column, limit: int = 20) -> QuerySet[Article]:
    return (
        Article.objects.filter(column=column, status=Article.Status.PUBLISHED)
        .select_related("department")
        .order_by("-published_at", "-id")[:limit]
    )


def article_get_public(pk: int) -> Article:
    article = (
        Article.objects.filter(pk=pk, status=Article.Status.PUBLISHED, column__is_active=True)
        .select_related("column", "department")
        .prefetch_related(
            Prefetch("attachments", queryset=ArticleAttachment.objects.order_by("id"))
        )
        .first()
    )
    if article is None:
        raise Http404
    return article


def attachment_get_for(user, pk: int) -> ArticleAttachment:
    """An attachment of a published article, or of one the member of staff may open; else 404."""
    attachment = ArticleAttachment.objects.select_related("article").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    article = attachment.article
    if (
        article.status == Article.Status.PUBLISHED
        or permissions.articles_visible_to(user).filter(pk=article.pk).exists()
    ):
        return attachment
    raise Http404


def staff_articles(
    user, *, status: str = "", column_id: int | None = None, query: str = ""
) -> QuerySet[Article]:
    articles = permissions.articles_visible_to(user).select_related("column", "department")
    if status:
        articles = of_status(articles, ArticleRevision.objects, "article", status)
    if column_id:
        articles = articles.filter(column_id=column_id)
    if query:
        articles = articles.filter(title__icontains=query.strip()[:50])
    return articles.order_by("-updated_at", "-id")


def mark_article_revisions(articles) -> None:
    """A page of the staff list: each article with the status of its open revision, if any."""
    mark_revisions(articles, ArticleRevision.objects, "article")


def waiting_articles(user) -> dict[str, int]:
    """The articles (and revisions) in draft and waiting for review that the user may open."""
    return waiting_counts(permissions.articles_visible_to(user), ArticleRevision.objects, "article")


def article_get_for_staff(user, pk: int) -> Article:
    """Fetch and authorise in one call: missing and forbidden both answer 404."""
    article = (
        permissions.articles_visible_to(user)
        .select_related("column", "department", "drafted_by", "submitted_by")
        .prefetch_related("attachments")
        .filter(pk=pk)
        .first()
    )
    if article is None:
        raise Http404
    return article


def article_events(article: Article) -> QuerySet[ArticleEvent]:
    return article.events.select_related("actor").order_by("-created_at", "-id")


def staff_columns() -> QuerySet[Column]:
    """Columns with their state, for the staff overview."""
    return Column.objects.select_related("department").annotate(
        pending=Count(
            "articles", filter=Q(articles__status__in=[Article.Status.DRAFT, Article.Status.REVIEW])
        )
    )

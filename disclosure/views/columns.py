"""Pages of the proactive disclosure columns (主动公开): public pages, feeds and the staff workflow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.forms.columns import ArticleForm
from disclosure.models import Article, ArticleRevision, Column
from disclosure.permissions import columns as permissions
from disclosure.selectors import columns as selectors
from disclosure.selectors.publication import field_changes
from disclosure.services.columns import ARTICLE_PUBLICATION, article_save_draft
from disclosure.views import publication
from portal.errors import DomainError
from portal.query_params import choice_param, id_param, text_param

PAGE_SIZE = 20
STAFF_PAGE_SIZE = 50

# --- Public ------------------------------------------------------------------------------------


def index(request):
    """政务公开: every column with its newest articles and when it was last updated."""
    return render(request, "disclosure/columns/index.html", {"columns": selectors.public_columns()})


def column(request, slug):
    column = selectors.column_get_public(slug)
    page = selectors.column_page(column, number=request.GET.get("page"), per_page=PAGE_SIZE)
    # Plain strings per row: the template renders a few variables per row, no tags.
    prefix = reverse("disclosure:article", args=[0])[:-2]
    for row in page.object_list:
        row["url"] = f"{prefix}{row['pk']}/"
        row["date"] = timezone.localtime(row["published_at"]).strftime("%Y-%m-%d")
    return render(
        request,
        "disclosure/columns/column.html",
        {"column": column, "page": page, "query_string": ""},
    )


def article(request, pk):
    article = selectors.article_get_public(pk)
    return render(request, "disclosure/columns/article.html", {"article": article})


def attachment(request, pk):
    """Serve an attachment of a published article, or to staff who may open the article."""
    item = selectors.attachment_get_for(request.user, pk)
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


class ColumnFeed(Feed):
    """An Atom feed of a column's newest published articles."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.column_get_public(slug)

    def title(self, obj: Column):
        return _("%(name)s · 政务公开") % {"name": obj.name}

    def link(self, obj: Column):
        return obj.get_absolute_url()

    def subtitle(self, obj: Column):
        return obj.description

    def items(self, obj: Column):
        return selectors.column_feed_items(obj)

    def item_title(self, item: Article):
        return item.title

    def item_description(self, item: Article):
        return item.summary or item.body[:300]

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_author_name(self, item: Article):
        return item.department.name


# --- Staff -------------------------------------------------------------------------------------


def _require_staff(request) -> None:
    if not permissions.can_use_staff_columns(request.user):
        raise Http404


@login_required
def staff_list(request):
    _require_staff(request)
    status = choice_param(request.GET.get("status"), Article.Status.values)
    column_id = id_param(request.GET.get("column"))
    query = text_param(request.GET.get("q"), max_length=50)
    articles = selectors.staff_articles(
        request.user, status=status, column_id=column_id, query=query
    )
    page = Paginator(articles, STAFF_PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.mark_article_revisions(page.object_list)
    return render(
        request,
        "disclosure/columns/staff/list.html",
        {
            "page": page,
            "status": status,
            "column_id": column_id,
            "query": query,
            "statuses": Article.Status.choices,
            "columns": selectors.staff_columns(),
            "query_string": urlencode(
                {
                    k: v
                    for k, v in {"status": status, "column": column_id or "", "q": query}.items()
                    if v
                }
            ),
        },
    )


def _edit(request, article: Article | None, revision=None):
    # A revision is edited on the article as it would publish it; the live one stays as is.
    instance = revision.applied_to(article) if revision else (article or Article())
    form = ArticleForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        user=request.user,
        revising=revision is not None,
    )
    if request.method == "POST" and form.is_valid():
        removed = form.cleaned_data.get("remove") or []
        try:
            saved = article_save_draft(
                actor=request.user,
                article=form.instance,
                uploads=form.cleaned_data.get("files") or [],
                remove_attachment_ids=[a.pk for a in removed],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("草稿已保存。"))
            return redirect("disclosure:staff_article", saved.pk)
    return render(
        request,
        "disclosure/columns/staff/form.html",
        {"form": form, "article": article, "revision": revision},
    )


@login_required
def staff_new(request):
    _require_staff(request)
    return _edit(request, None)


@login_required
def staff_edit(request, pk):
    article = selectors.article_get_for_staff(request.user, pk)
    refusal = publication.edit_refusal(request.user, article, ARTICLE_PUBLICATION)
    if refusal:
        messages.error(request, refusal)
        return redirect("disclosure:staff_article", article.pk)
    return _edit(request, article, ARTICLE_PUBLICATION.subject(article)[1])


@login_required
def staff_detail(request, pk):
    article = selectors.article_get_for_staff(request.user, pk)
    moves = publication.offered_moves(request.user, article, ARTICLE_PUBLICATION)
    revision = moves["revision"]
    return render(
        request,
        "disclosure/columns/staff/detail.html",
        {
            "article": article,
            "events": selectors.article_events(article)[:50],
            "history": article.history.select_related("history_user")[:20],
            "changes": field_changes(article, revision.applied_to(article), ArticleRevision.FIELDS)
            if revision
            else [],
            **moves,
        },
    )


@login_required
@require_POST
def staff_act(request, pk, action):
    article = selectors.article_get_for_staff(request.user, pk)
    publication.make_move(
        request, article, ARTICLE_PUBLICATION, action, withdrawn=_("已撤回，该信息不再公开。")
    )
    return redirect("disclosure:staff_article", article.pk)

"""What of disclosure is findable in the site-wide search: catalogue items and articles.

The index itself is `portal.search`; this module is the one place disclosure writes to it. An
item is indexed with every public field of its guide (materials, conditions, legal basis, fees,
handling body, content), each as its own field so the result page can say which one matched.
Published and withdrawn items are indexed (a withdrawn one is marked so); only published
articles are.
"""

from django.utils.translation import gettext_lazy as _

from disclosure.models import Article, CatalogueItem
from portal.search.index import SearchKind, search_index_remove, search_index_upsert

ITEM = "item"
ARTICLE = "article"

SEARCH_KINDS = {
    ITEM: SearchKind(
        label=_("办事事项"),
        rank=10,
        # In the order a match is looked for: what to bring matters most to who searches.
        fields={
            "materials": _("申请材料"),
            "conditions": _("办理条件"),
            "fees": _("收费标准"),
            "legal_basis": _("设定依据"),
            "handling": _("办理机构"),
            "content": _("事项内容"),
        },
    ),
    ARTICLE: SearchKind(
        label=_("公开信息"),
        rank=30,
        fields={
            "summary": _("摘要"),
            "body": _("正文"),
            "column": _("栏目"),
            "department": _("发布单位"),
        },
    ),
}


def item_fields(item: CatalogueItem) -> dict[str, str]:
    """The item's public guide, field by field, as plain text."""
    materials = "；".join(
        f"{m.name}（{m.description}）" if m.description else m.name for m in item.materials.all()
    )
    fees = item.fee_standard or ""
    if item.fee:
        fees = f"{item.fee} {fees}".strip()
    handling = "；".join(
        part
        for part in (item.department.name, item.service_place, item.supervision_address)
        if part
    )
    return {
        "materials": materials,
        "conditions": item.conditions,
        "fees": fees,
        "legal_basis": item.legal_basis,
        "handling": handling,
        "content": item.content,
    }


def index_item(item: CatalogueItem) -> None:
    """Put a published or withdrawn item into the search index (marked when withdrawn)."""
    search_index_upsert(
        kind=ITEM,
        obj_id=item.pk,
        title=item.name,
        fields=item_fields(item),
        department=item.department,
        url=item.get_absolute_url(),
        published_at=item.published_at,
        withdrawn=item.is_withdrawn,
    )


def unindex_item(item: CatalogueItem) -> None:
    search_index_remove(kind=ITEM, obj_id=item.pk)


def index_article(article: Article) -> None:
    """Put a published article into the search index."""
    search_index_upsert(
        kind=ARTICLE,
        obj_id=article.pk,
        title=article.title,
        fields={
            "summary": article.summary,
            "body": article.body,
            "column": article.column.name,
            "department": article.department.name,
        },
        department=article.department,
        url=article.get_absolute_url(),
        published_at=article.published_at,
    )


def unindex_article(article: Article) -> None:
    search_index_remove(kind=ARTICLE, obj_id=article.pk)


def reindex_items() -> None:
    items = (
        CatalogueItem.objects.findable()
        .select_related("department")
        .prefetch_related("materials")
        .order_by("pk")
    )
    for item in items.iterator(chunk_size=200):
        index_item(item)


def reindex_articles() -> None:
    articles = Article.objects.published().select_related("column", "department").order_by("pk")
    for article in articles.iterator(chunk_size=200):
        index_article(article)

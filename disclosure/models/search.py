"""The site-wide search index (全网信息检索): one row per findable catalogue item or article.

Rows are written only through `disclosure.services.search.search_index_upsert/remove`. On PostgreSQL the
`search_vector` column holds the jieba tokens as a tsvector (title weighted A, body B) with a GIN
index, and the title has a pg_trgm GIN index for fuzzy matches; both indexes and the extension are
created by a post-migrate step (`disclosure.services.search.ensure_postgres_indexes`), so the single
generated migration stays valid on SQLite, where the column is plain text and stays empty.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TsVectorField(SearchVectorField):
    """A tsvector on PostgreSQL, an unused text column elsewhere."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", _("办事事项")
        ARTICLE = "article", _("公开信息")

    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("对象编号"))
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("摘要"), blank=True)
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("发布单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.CharField(_("链接"), max_length=300)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    is_withdrawn = models.BooleanField(_("已撤回"), default=False)
    tokens = models.TextField(_("分词"), blank=True, editable=False)
    search_vector = TsVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("检索条目")
        verbose_name_plural = _("检索索引")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="disclosure_search_entry_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="disclosure_search_recent"),
            models.Index(
                fields=["kind", "department", "-published_at"], name="disclosure_search_filter"
            ),
        ]

    def __str__(self):
        return self.title

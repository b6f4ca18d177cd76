"""The site-wide search index and the synonyms admins maintain for it.

One `SearchEntry` per findable public object of any pillar, written only through
`portal.search.index`. The public text is kept per field (`fields`: {field key: text}) so that a
result can say which field matched; `content` is all of it in one column for LIKE matching (the
SQLite path and PostgreSQL's fallback). On PostgreSQL `search_vector` holds the jieba tokens as a
tsvector (title weighted A, fields B); its GIN index, the trigram index on titles and the
extension are made after migrating (`portal.search.index.ensure_postgres_indexes`), so the
migration stays valid on SQLite, where the column is plain text and stays empty.
"""

import re

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SYNONYM_SEPARATORS = re.compile(r"[\s/／,，、;；]+")


class TsVectorField(SearchVectorField):
    """A tsvector on PostgreSQL, an unused text column elsewhere."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    kind = models.CharField(_("类型"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("对象编号"))
    title = models.CharField(_("标题"), max_length=300)
    fields = models.JSONField(_("各字段公开内容"), default=dict, blank=True)
    content = models.TextField(_("检索文本"), blank=True, editable=False)
    rank = models.PositiveSmallIntegerField(_("类型排序"), default=100)
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
                fields=["kind", "object_id"], name="portal_search_entry_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="portal_search_recent"),
            models.Index(
                fields=["kind", "department", "-published_at"], name="portal_search_filter"
            ),
        ]

    def __str__(self):
        return self.title


class SearchSynonym(models.Model):
    """A group of words that mean the same to the people searching (户口 户籍 户口簿)."""

    words = models.CharField(
        _("同义词"),
        max_length=200,
        unique=True,
        help_text=_("两个或更多意思相同的词，用空格或顿号分隔，例如：户口 户籍 户口簿"),
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("检索同义词")
        verbose_name_plural = _("检索同义词")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def save(self, *args, **kwargs):
        self.words = " ".join(self.word_list())
        super().save(*args, **kwargs)

    def clean(self):
        if len(self.word_list()) < 2:
            raise ValidationError({"words": _("请至少填写两个不同的词。")})

    def word_list(self) -> list[str]:
        """The group's words, lower-cased, without duplicates, in the order typed."""
        seen: dict[str, None] = {}
        for word in SYNONYM_SEPARATORS.split(self.words or ""):
            if word.strip():
                seen.setdefault(word.strip().lower(), None)
        return list(seen)

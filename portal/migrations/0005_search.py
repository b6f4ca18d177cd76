"""The site-wide search index moves to portal (every pillar writes to it), with admins' synonyms.

Nothing is copied from disclosure's old index: `manage.py search_reindex` rebuilds every kind from
its pillar. The synonyms start with the words county residents type most.
"""

import django.db.models.deletion
from django.db import migrations, models

import portal.search.models

SYNONYMS = [
    "户口 户籍 户口簿",
    "营业执照 执照",
    "低保 最低生活保障",
    "婚姻登记 结婚登记",
    "身份证 居民身份证",
    "社保 社会保险",
    "医保 医疗保障 医疗保险",
    "公积金 住房公积金",
    "驾照 驾驶证",
    "残疾证 残疾人证",
]


def seed_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("portal", "SearchSynonym")
    for words in SYNONYMS:
        SearchSynonym.objects.get_or_create(words=words)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_submission_tokens"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "words",
                    models.CharField(
                        help_text="两个或更多意思相同的词，用空格或顿号分隔，例如：户口 户籍 户口簿",
                        max_length=200,
                        unique=True,
                        verbose_name="同义词",
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
            ],
            options={
                "verbose_name": "检索同义词",
                "verbose_name_plural": "检索同义词",
                "ordering": ["words"],
            },
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=40, verbose_name="类型")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="对象编号")),
                ("title", models.CharField(max_length=300, verbose_name="标题")),
                (
                    "fields",
                    models.JSONField(blank=True, default=dict, verbose_name="各字段公开内容"),
                ),
                ("content", models.TextField(blank=True, editable=False, verbose_name="检索文本")),
                ("rank", models.PositiveSmallIntegerField(default=100, verbose_name="类型排序")),
                ("url", models.CharField(max_length=300, verbose_name="链接")),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="发布时间"),
                ),
                ("is_withdrawn", models.BooleanField(default=False, verbose_name="已撤回")),
                ("tokens", models.TextField(blank=True, editable=False, verbose_name="分词")),
                ("search_vector", portal.search.models.TsVectorField(editable=False, null=True)),
                (
                    "department",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="portal.department",
                        verbose_name="发布单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "检索条目",
                "verbose_name_plural": "检索索引",
                "ordering": ["-published_at", "-id"],
                "indexes": [
                    models.Index(fields=["-published_at", "-id"], name="portal_search_recent"),
                    models.Index(
                        fields=["kind", "department", "-published_at"], name="portal_search_filter"
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="portal_search_entry_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
    ]

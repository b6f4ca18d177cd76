"""The search index moved to portal (`portal.SearchEntry`, portal 0005); `search_reindex` refills it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0007_revisions"),
        ("portal", "0005_search"),
    ]

    operations = [
        migrations.DeleteModel(name="SearchEntry"),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0008_search_moved"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-updated_at", "-id"], name="disclosure_article_staff"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["department", "-updated_at", "-id"], name="disclosure_article_unit_staff"
            ),
        ),
    ]

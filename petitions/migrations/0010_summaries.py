"""Partial indexes for the public board and the month's closed complaints (issue 21)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("petitions", "0009_monitors")]

    operations = [
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                condition=models.Q(("allow_publication", True), ("published_at__isnull", False)),
                fields=["-published_at", "-id"],
                name="complaint_public",
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                condition=models.Q(("closed_at__isnull", False)),
                fields=["closed_at"],
                name="complaint_closed",
            ),
        ),
    ]

"""Figures materialised by beat (issue 21): the snapshot table the public pages read."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_inbox_texts")]

    operations = [
        migrations.CreateModel(
            name="Snapshot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=60)),
                ("key", models.CharField(blank=True, max_length=60)),
                ("data", models.JSONField(default=dict)),
                ("computed_at", models.DateTimeField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("name", "key"), name="snapshot_name_key")
                ],
            },
        ),
    ]

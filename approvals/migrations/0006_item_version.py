"""The catalogue item version a case was filed under; existing cases get the version that was
in force when they were submitted (drafts: the current one)."""

import django.db.models.deletion
from django.db import migrations, models


def record_versions(apps, schema_editor):
    Case = apps.get_model("approvals", "Case")
    Version = apps.get_model("disclosure", "CatalogueItemVersion")
    for case in Case.objects.filter(item_version__isnull=True).iterator():
        versions = Version.objects.filter(item_id=case.item_id).order_by("-number")
        if case.submitted_at is not None:
            versions = versions.filter(published_at__lte=case.submitted_at)
        version = versions.first()
        if version is not None:
            Case.objects.filter(pk=case.pk).update(item_version=version)


class Migration(migrations.Migration):
    dependencies = [
        ("approvals", "0005_case_legal_limit"),
        ("disclosure", "0007_revisions"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="item_version",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="disclosure.catalogueitemversion",
                verbose_name="事项版本",
            ),
        ),
        migrations.AddField(
            model_name="historicalcase",
            name="item_version",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="disclosure.catalogueitemversion",
                verbose_name="事项版本",
            ),
        ),
        migrations.RunPython(record_versions, migrations.RunPython.noop),
    ]

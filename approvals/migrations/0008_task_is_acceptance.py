from django.db import migrations, models


def mark_acceptance_tasks(apps, schema_editor):
    """Tasks (and their history rows) of a 受理 step: the kind of an active process's steps is
    fixed, so the step says it for every task ever opened."""
    for name in ("CaseTask", "HistoricalCaseTask"):
        model = apps.get_model("approvals", name)
        model.objects.filter(
            step_id__in=apps.get_model("approvals", "ProcessStep")
            .objects.filter(kind="accept")
            .values("pk")
        ).update(is_acceptance=True)


class Migration(migrations.Migration):
    dependencies = [
        ("approvals", "0007_case_open_queue_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="casetask",
            name="is_acceptance",
            field=models.BooleanField(default=False, editable=False, verbose_name="受理环节"),
        ),
        migrations.AddField(
            model_name="historicalcasetask",
            name="is_acceptance",
            field=models.BooleanField(default=False, editable=False, verbose_name="受理环节"),
        ),
        migrations.RunPython(mark_acceptance_tasks, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="casetask",
            index=models.Index(
                condition=models.Q(("is_acceptance", True), ("status__in", ["pending", "active"])),
                fields=["department"],
                name="approvals_task_open_acceptance",
            ),
        ),
    ]

"""A department's staff list (newest first) and its to-do (oldest first), each read from an index
that matches it (issue 21)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("petitions", "0011_complaint_grants_dropped")]

    operations = [
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                fields=["department", "-registered_at", "-id"], name="complaint_dept_registered"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                condition=models.Q(("status__in", ["dispatched", "handling", "rehandling"])),
                fields=["department", "registered_at"],
                name="complaint_dept_open_queue",
            ),
        ),
    ]

"""A complaint's department column decides who handles it: the object-grant tables go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("petitions", "0010_summaries")]

    operations = [
        migrations.DeleteModel(name="ComplaintGroupObjectPermission"),
        migrations.DeleteModel(name="ComplaintUserObjectPermission"),
        migrations.AlterModelOptions(
            name="complaint",
            options={
                "ordering": ["-registered_at", "-id"],
                "permissions": [("dispatch_complaint", "分派诉求（热线办）")],
                "verbose_name": "诉求",
                "verbose_name_plural": "诉求",
            },
        ),
    ]

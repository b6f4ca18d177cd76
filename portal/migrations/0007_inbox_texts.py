# Inbox messages stored as text codes and parameters, rendered in the reader's language.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_accounts"),
    ]

    operations = [
        migrations.AddField(
            model_name="inboxmessage",
            name="body_code",
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.AddField(
            model_name="inboxmessage",
            name="body_params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="inboxmessage",
            name="subject_code",
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.AddField(
            model_name="inboxmessage",
            name="subject_params",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]

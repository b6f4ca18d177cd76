from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0002_columns")]

    operations: list = []

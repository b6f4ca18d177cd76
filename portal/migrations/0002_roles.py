from django.db import migrations

ROLES = [
    "window_clerk",
    "department_head",
    "hotline_operator",
    "leader",
    "discipline_inspector",
    "admin",
    "village_agent",
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]

"""Summary tables of supervision (issue 21): open-clock counts, clocks and notices per day;
partial indexes for the open lists; filled from the existing clocks and notices."""

import django.db.models.deletion
from django.db import migrations, models


def fill_summaries(apps, schema_editor):
    from supervision.services.summaries import fill

    fill(
        clock=apps.get_model("supervision", "Clock"),
        notice=apps.get_model("supervision", "Notice"),
        open_clock_count=apps.get_model("supervision", "OpenClockCount"),
        clock_day=apps.get_model("supervision", "ClockDay"),
        notice_day=apps.get_model("supervision", "NoticeDay"),
    )


def department():
    return models.ForeignKey(
        db_index=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="portal.department",
    )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0008_alert_kinds_interaction")]

    operations = [
        migrations.CreateModel(
            name="ClockDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(verbose_name="日期")),
                ("department", department()),
                ("kind", models.CharField(max_length=60, verbose_name="类别")),
                ("started", models.IntegerField(default=0)),
                ("finished", models.IntegerField(default=0)),
                ("on_time", models.IntegerField(default=0)),
            ],
            options={"verbose_name": "计时器日汇总", "verbose_name_plural": "计时器日汇总"},
        ),
        migrations.CreateModel(
            name="NoticeDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(verbose_name="日期")),
                ("department", department()),
                ("kind", models.CharField(max_length=60, verbose_name="类别")),
                ("level", models.CharField(max_length=12, verbose_name="类别")),
                ("issued", models.IntegerField(default=0)),
                ("settled", models.IntegerField(default=0)),
            ],
            options={"verbose_name": "督办文书日汇总", "verbose_name_plural": "督办文书日汇总"},
        ),
        migrations.CreateModel(
            name="OpenClockCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("department", department()),
                ("kind", models.CharField(max_length=60, verbose_name="类别")),
                ("state", models.CharField(max_length=8, verbose_name="状态")),
                ("light", models.CharField(max_length=6, verbose_name="灯色")),
                ("n", models.IntegerField(default=0)),
            ],
            options={"verbose_name": "在办计时器数", "verbose_name_plural": "在办计时器数"},
        ),
        migrations.AddConstraint(
            model_name="clockday",
            constraint=models.UniqueConstraint(fields=("day", "department", "kind"), name="clock_day_key"),
        ),
        migrations.AddConstraint(
            model_name="noticeday",
            constraint=models.UniqueConstraint(
                fields=("day", "department", "kind", "level"), name="notice_day_key"
            ),
        ),
        migrations.AddConstraint(
            model_name="openclockcount",
            constraint=models.UniqueConstraint(
                fields=("department", "kind", "state", "light"), name="open_clock_count_key"
            ),
        ),
        migrations.RemoveIndex(model_name="clock", name="clock_open_by_dept"),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["kind", "department"],
                name="alert_open",
            ),
        ),
        migrations.AddIndex(
            model_name="clock",
            index=models.Index(
                condition=models.Q(("state__in", ["running", "paused"])),
                fields=["due_at"],
                name="clock_open_by_due",
            ),
        ),
        migrations.AddIndex(
            model_name="clock",
            index=models.Index(
                condition=models.Q(("state__in", ["running", "paused"])),
                fields=["department", "due_at"],
                name="clock_open_by_dept_due",
            ),
        ),
        migrations.AddIndex(
            model_name="notice",
            index=models.Index(
                condition=models.Q(
                    ("status__in", ["issued", "acknowledged"]),
                    models.Q(("level", "second_grade"), _negated=True),
                ),
                fields=["-issued_at"],
                name="notice_unanswered",
            ),
        ),
        migrations.RunPython(fill_summaries, migrations.RunPython.noop),
    ]

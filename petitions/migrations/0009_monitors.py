"""Development-environment monitors (发展环境网络监测员): appointments, monthly reports filed as
complaints on the new `monitor` channel, and their events."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0008_interviews"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="complaint",
            name="channel",
            field=models.CharField(
                choices=[
                    ("online", "网上投诉"),
                    ("phone", "12345电话"),
                    ("sms", "短信"),
                    ("monitor", "监测员报告"),
                ],
                default="online",
                max_length=8,
                verbose_name="来源",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcomplaint",
            name="channel",
            field=models.CharField(
                choices=[
                    ("online", "网上投诉"),
                    ("phone", "12345电话"),
                    ("sms", "短信"),
                    ("monitor", "监测员报告"),
                ],
                default="online",
                max_length=8,
                verbose_name="来源",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalMonitor",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("citizen", "个人"), ("enterprise", "企业")],
                        max_length=10,
                        verbose_name="类型",
                    ),
                ),
                ("term_start", models.DateField(verbose_name="任期开始")),
                ("term_end", models.DateField(verbose_name="任期结束")),
                (
                    "status",
                    models.CharField(
                        choices=[("active", "在任"), ("ended", "已离任")],
                        default="active",
                        max_length=8,
                        verbose_name="状态",
                    ),
                ),
                (
                    "appointed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="聘任时间"
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="离任日期")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "appointed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="聘任人",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="监测员",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 监测员",
                "verbose_name_plural": "historical 监测员",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Monitor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("citizen", "个人"), ("enterprise", "企业")],
                        max_length=10,
                        verbose_name="类型",
                    ),
                ),
                ("term_start", models.DateField(verbose_name="任期开始")),
                ("term_end", models.DateField(verbose_name="任期结束")),
                (
                    "status",
                    models.CharField(
                        choices=[("active", "在任"), ("ended", "已离任")],
                        default="active",
                        max_length=8,
                        verbose_name="状态",
                    ),
                ),
                (
                    "appointed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="聘任时间"
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="离任日期")),
                (
                    "appointed_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="聘任人",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="monitor_terms",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="监测员",
                    ),
                ),
            ],
            options={
                "verbose_name": "监测员",
                "verbose_name_plural": "监测员",
                "ordering": ["-term_start", "-id"],
            },
        ),
        migrations.CreateModel(
            name="MonitorEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="时间"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="意见/说明")),
                ("data", models.JSONField(blank=True, default=dict)),
                ("prev_hash", models.CharField(blank=True, editable=False, max_length=64)),
                ("hash", models.CharField(editable=False, max_length=64)),
                (
                    "code",
                    models.CharField(
                        choices=[
                            ("appointed", "聘任"),
                            ("reported", "报送监测报告"),
                            ("ended", "离任"),
                        ],
                        max_length=40,
                        verbose_name="事件",
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="操作人",
                    ),
                ),
                (
                    "monitor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="petitions.monitor",
                    ),
                ),
            ],
            options={
                "verbose_name": "监测员事件",
                "verbose_name_plural": "监测员事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MonitorReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(verbose_name="所属月份")),
                (
                    "submitted_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="报送时间"
                    ),
                ),
                (
                    "complaint",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="monitor_report",
                        to="petitions.complaint",
                        verbose_name="诉求",
                    ),
                ),
                (
                    "monitor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reports",
                        to="petitions.monitor",
                        verbose_name="监测员",
                    ),
                ),
            ],
            options={
                "verbose_name": "监测报告",
                "verbose_name_plural": "监测报告",
                "ordering": ["-submitted_at", "-id"],
            },
        ),
        migrations.AddConstraint(
            model_name="monitor",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "active")),
                fields=("user",),
                name="monitor_one_active_per_user",
            ),
        ),
        migrations.AddConstraint(
            model_name="monitor",
            constraint=models.CheckConstraint(
                condition=models.Q(("term_end__gte", models.F("term_start"))),
                name="monitor_term_ordered",
            ),
        ),
        migrations.AddConstraint(
            model_name="monitor",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("ended_on__isnull", True), ("status", "active")),
                    models.Q(("ended_on__isnull", False), ("status", "ended")),
                    _connector="OR",
                ),
                name="monitor_ended_has_date",
            ),
        ),
        migrations.AddIndex(
            model_name="monitorreport",
            index=models.Index(fields=["month", "monitor"], name="monitor_report_month"),
        ),
        migrations.AddConstraint(
            model_name="monitorreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("month__day", 1)), name="monitor_report_month_first"
            ),
        ),
    ]

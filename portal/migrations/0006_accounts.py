"""Accounts people can recover: SMS verification codes and the account event log."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from portal.event_chain import seal_operations

# A new table has no rows to chain; it is sealed (a trigger on PostgreSQL) like every event table.
chain_existing, seal, unseal = seal_operations("portal", ["AccountEvent"])


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_search")]

    operations = [
        migrations.CreateModel(
            name="AccountEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=40, verbose_name="事件")),
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
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="account_events",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "账户事件",
                "verbose_name_plural": "账户事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="PhoneCode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("mobile", models.CharField(max_length=11, verbose_name="手机号码")),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("register", "注册"),
                            ("reset", "找回密码"),
                            ("mobile_old", "更换手机号码（原号码）"),
                            ("mobile_new", "更换手机号码（新号码）"),
                        ],
                        max_length=10,
                        verbose_name="用途",
                    ),
                ),
                ("digest", models.CharField(max_length=64)),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="发送时间"
                    ),
                ),
                ("expires_at", models.DateTimeField(verbose_name="失效时间")),
                (
                    "failed_attempts",
                    models.PositiveSmallIntegerField(default=0, verbose_name="输错次数"),
                ),
                ("used_at", models.DateTimeField(blank=True, null=True, verbose_name="使用时间")),
            ],
            options={
                "verbose_name": "短信验证码",
                "verbose_name_plural": "短信验证码",
                "indexes": [
                    models.Index(
                        fields=["mobile", "purpose", "-created_at"], name="phone_code_latest"
                    )
                ],
            },
        ),
        migrations.RunPython(seal, unseal),
    ]

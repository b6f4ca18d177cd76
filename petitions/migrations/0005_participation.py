"""Suggestions, consultations and their comments; moderation of suggestions, comments and complaint
replies in the one queue (their foreign keys on ModerationItem); the board's public texts."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from portal.event_chain import seal_operations

# The new event tables are append-only from the start (a trigger on PostgreSQL); nothing to chain.
_chain_existing, seal, unseal = seal_operations(
    "petitions", ["SuggestionEvent", "ConsultationEvent"]
)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0004_messages"),
        ("portal", "0006_accounts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Consultation",
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
                        choices=[
                            ("policy", "政策文件"),
                            ("plan", "规划"),
                            ("regulation", "规范性文件"),
                        ],
                        max_length=16,
                        verbose_name="类型",
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                ("text", models.TextField(verbose_name="征求意见稿")),
                ("opens_on", models.DateField(verbose_name="开始日期")),
                ("closes_on", models.DateField(verbose_name="截止日期")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "草稿"),
                            ("published", "已发布"),
                            ("feedback", "已反馈采纳情况"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="发布时间"),
                ),
                ("feedback", models.TextField(blank=True, verbose_name="采纳情况说明")),
                (
                    "feedback_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="反馈时间"),
                ),
            ],
            options={
                "verbose_name": "意见征集",
                "verbose_name_plural": "意见征集",
                "ordering": ("-opens_on", "-id"),
            },
        ),
        migrations.CreateModel(
            name="ConsultationAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("file", models.FileField(upload_to="petitions/consultations/%Y/%m/")),
                ("original_name", models.CharField(max_length=200, verbose_name="文件名")),
                ("content_type", models.CharField(max_length=100)),
                ("size", models.PositiveIntegerField()),
            ],
        ),
        migrations.CreateModel(
            name="ConsultationComment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("content", models.TextField(verbose_name="意见")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="提交时间")),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
                ),
                ("public_content", models.TextField(blank=True)),
                ("rejected", models.BooleanField(default=False)),
                ("adopted", models.BooleanField(blank=True, null=True, verbose_name="是否采纳")),
                ("response", models.TextField(blank=True, verbose_name="采纳或不采纳的理由")),
            ],
            options={
                "verbose_name": "征集意见",
                "verbose_name_plural": "征集意见",
                "ordering": ("created_at", "id"),
            },
        ),
        migrations.CreateModel(
            name="ConsultationEvent",
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
                            ("drafted", "起草"),
                            ("published", "发布征集"),
                            ("commented", "提交意见"),
                            ("comment_published", "意见审核通过"),
                            ("comment_rejected", "意见审核未通过"),
                            ("assessed", "研究意见"),
                            ("feedback", "反馈采纳情况"),
                        ],
                        max_length=40,
                        verbose_name="事件",
                    ),
                ),
            ],
            options={
                "verbose_name": "意见征集事件",
                "verbose_name_plural": "意见征集事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="HistoricalConsultation",
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
                        choices=[
                            ("policy", "政策文件"),
                            ("plan", "规划"),
                            ("regulation", "规范性文件"),
                        ],
                        max_length=16,
                        verbose_name="类型",
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                ("text", models.TextField(verbose_name="征求意见稿")),
                ("opens_on", models.DateField(verbose_name="开始日期")),
                ("closes_on", models.DateField(verbose_name="截止日期")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "草稿"),
                            ("published", "已发布"),
                            ("feedback", "已反馈采纳情况"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="发布时间"),
                ),
                ("feedback", models.TextField(blank=True, verbose_name="采纳情况说明")),
                (
                    "feedback_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="反馈时间"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 意见征集",
                "verbose_name_plural": "historical 意见征集",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalConsultationComment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("content", models.TextField(verbose_name="意见")),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="提交时间"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
                ),
                ("public_content", models.TextField(blank=True)),
                ("rejected", models.BooleanField(default=False)),
                ("adopted", models.BooleanField(blank=True, null=True, verbose_name="是否采纳")),
                ("response", models.TextField(blank=True, verbose_name="采纳或不采纳的理由")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 征集意见",
                "verbose_name_plural": "historical 征集意见",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSuggestion",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=80, verbose_name="标题")),
                ("content", models.TextField(verbose_name="建议内容")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("submitted", "待答复"),
                            ("studying", "研究中"),
                            ("adopted", "已采纳"),
                            ("not_adopted", "未采纳"),
                        ],
                        default="submitted",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                ("reply", models.TextField(blank=True, verbose_name="答复")),
                ("action_taken", models.TextField(blank=True, verbose_name="落实情况")),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="提交时间"),
                ),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
                ),
                ("public_title", models.CharField(blank=True, max_length=80)),
                ("public_content", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 建言献策",
                "verbose_name_plural": "historical 建言献策",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Suggestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=80, verbose_name="标题")),
                ("content", models.TextField(verbose_name="建议内容")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("submitted", "待答复"),
                            ("studying", "研究中"),
                            ("adopted", "已采纳"),
                            ("not_adopted", "未采纳"),
                        ],
                        default="submitted",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                ("reply", models.TextField(blank=True, verbose_name="答复")),
                ("action_taken", models.TextField(blank=True, verbose_name="落实情况")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="提交时间")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
                ),
                ("public_title", models.CharField(blank=True, max_length=80)),
                ("public_content", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "建言献策",
                "verbose_name_plural": "建言献策",
                "ordering": ("-created_at", "-id"),
            },
        ),
        migrations.CreateModel(
            name="SuggestionEvent",
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
                            ("submitted", "提出建议"),
                            ("studying", "研究中"),
                            ("adopted", "采纳"),
                            ("not_adopted", "不予采纳"),
                            ("action", "更新落实情况"),
                            ("published", "审核通过并公开"),
                            ("rejected", "审核未通过"),
                        ],
                        max_length=40,
                        verbose_name="事件",
                    ),
                ),
            ],
            options={
                "verbose_name": "建言献策事件",
                "verbose_name_plural": "建言献策事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.RemoveConstraint(
            model_name="moderationitem",
            name="moderation_one_source",
        ),
        migrations.AddField(
            model_name="complaint",
            name="public_content",
            field=models.TextField(blank=True, verbose_name="公开诉求内容"),
        ),
        migrations.AddField(
            model_name="complaint",
            name="public_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="公开标题"),
        ),
        migrations.AddField(
            model_name="complaint",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="public_content",
            field=models.TextField(blank=True, verbose_name="公开诉求内容"),
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="public_title",
            field=models.CharField(blank=True, max_length=200, verbose_name="公开标题"),
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
        ),
        migrations.AddField(
            model_name="historicalmoderationitem",
            name="reply",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="petitions.reply",
                verbose_name="诉求答复",
            ),
        ),
        migrations.AddField(
            model_name="moderationitem",
            name="reply",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="moderation_items",
                to="petitions.reply",
                verbose_name="诉求答复",
            ),
        ),
        migrations.AddField(
            model_name="reply",
            name="public_content",
            field=models.TextField(blank=True, verbose_name="公开答复内容"),
        ),
        migrations.AddField(
            model_name="reply",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
        ),
        migrations.AlterField(
            model_name="complaintevent",
            name="code",
            field=models.CharField(
                choices=[
                    ("filed", "提交诉求"),
                    ("registered", "热线登记"),
                    ("awaiting_instruction", "呈领导批示"),
                    ("instructed", "领导批示"),
                    ("dispatched", "分派"),
                    ("redirected", "改派"),
                    ("objected", "承办单位退回（异议）"),
                    ("signed", "签收"),
                    ("extension_requested", "申请延期"),
                    ("extension_approved", "批准延期"),
                    ("extension_rejected", "不批准延期"),
                    ("replied", "答复"),
                    ("rated", "评价"),
                    ("rehandle", "退回重办"),
                    ("return_visit", "回访"),
                    ("closed", "办结"),
                    ("transferred", "紧急转办"),
                    ("referred", "告知其他渠道"),
                    ("merged", "合并重复件"),
                    ("not_accepted", "不予受理"),
                    ("review_requested", "申请复查/复核"),
                    ("review_decided", "复查/复核决定"),
                    ("converted_to_message", "转为留言"),
                    ("published", "答复审核通过并公开"),
                    ("publication_refused", "答复审核未通过"),
                ],
                max_length=40,
                verbose_name="事件",
            ),
        ),
        migrations.AddField(
            model_name="consultation",
            name="created_by",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="consultation",
            name="department",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="consultations",
                to="portal.department",
                verbose_name="征集单位",
            ),
        ),
        migrations.AddField(
            model_name="consultationattachment",
            name="consultation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attachments",
                to="petitions.consultation",
            ),
        ),
        migrations.AddField(
            model_name="consultationcomment",
            name="author",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="consultation_comments",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="consultationcomment",
            name="consultation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="comments",
                to="petitions.consultation",
            ),
        ),
        migrations.AddField(
            model_name="historicalmoderationitem",
            name="comment",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="petitions.consultationcomment",
                verbose_name="征集意见",
            ),
        ),
        migrations.AddField(
            model_name="moderationitem",
            name="comment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="moderation_items",
                to="petitions.consultationcomment",
                verbose_name="征集意见",
            ),
        ),
        migrations.AddField(
            model_name="consultationevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="操作人",
            ),
        ),
        migrations.AddField(
            model_name="consultationevent",
            name="consultation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="petitions.consultation",
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultation",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultation",
            name="department",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="portal.department",
                verbose_name="征集单位",
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultation",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultationcomment",
            name="author",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultationcomment",
            name="consultation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="petitions.consultation",
            ),
        ),
        migrations.AddField(
            model_name="historicalconsultationcomment",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="author",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="建议人",
            ),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="department",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="portal.department",
                verbose_name="建议对象",
            ),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="author",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="suggestions",
                to=settings.AUTH_USER_MODEL,
                verbose_name="建议人",
            ),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="department",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="suggestions",
                to="portal.department",
                verbose_name="建议对象",
            ),
        ),
        migrations.AddField(
            model_name="historicalmoderationitem",
            name="suggestion",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="petitions.suggestion",
                verbose_name="建言献策",
            ),
        ),
        migrations.AddField(
            model_name="moderationitem",
            name="suggestion",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="moderation_items",
                to="petitions.suggestion",
                verbose_name="建言献策",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("message__isnull", False),
                        ("comment__isnull", True),
                        ("reply__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    models.Q(
                        ("suggestion__isnull", False),
                        ("comment__isnull", True),
                        ("message__isnull", True),
                        ("reply__isnull", True),
                    ),
                    models.Q(
                        ("comment__isnull", False),
                        ("message__isnull", True),
                        ("reply__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    models.Q(
                        ("reply__isnull", False),
                        ("comment__isnull", True),
                        ("message__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="moderation_one_source",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "pending"), ("suggestion__isnull", False)),
                fields=("suggestion",),
                name="moderation_one_pending_suggestion",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("comment__isnull", False), ("status", "pending")),
                fields=("comment",),
                name="moderation_one_pending_comment",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("reply__isnull", False), ("status", "pending")),
                fields=("reply",),
                name="moderation_one_pending_reply",
            ),
        ),
        migrations.AddField(
            model_name="suggestionevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="操作人",
            ),
        ),
        migrations.AddField(
            model_name="suggestionevent",
            name="suggestion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="petitions.suggestion",
            ),
        ),
        migrations.AddConstraint(
            model_name="consultation",
            constraint=models.CheckConstraint(
                condition=models.Q(("closes_on__gte", models.F("opens_on"))),
                name="consultation_closes_after_opening",
            ),
        ),
        migrations.AddConstraint(
            model_name="suggestion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "submitted"), ("answered_at__isnull", False), _connector="OR"
                ),
                name="suggestion_answered_has_time",
            ),
        ),
        migrations.RunPython(seal, unseal),
    ]

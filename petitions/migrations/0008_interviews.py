"""Online interviews (在线访谈): interviews, their files, questions, answers and events; interview
questions join the one moderation queue."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0007_appraisal"),
        ("portal", "0006_accounts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalInterview",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="访谈标题")),
                ("topic", models.TextField(verbose_name="访谈主题")),
                ("guest_name", models.CharField(max_length=40, verbose_name="嘉宾姓名")),
                ("guest_position", models.CharField(max_length=80, verbose_name="嘉宾职务")),
                ("starts_at", models.DateTimeField(verbose_name="计划开始时间")),
                ("ends_at", models.DateTimeField(verbose_name="计划结束时间")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("scheduled", "预告"),
                            ("live", "正在直播"),
                            ("ended", "已结束"),
                            ("archived", "已归档"),
                        ],
                        db_index=True,
                        default="scheduled",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="实际开始时间"),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="实际结束时间"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="访谈综述")),
                ("revision", models.PositiveIntegerField(default=0)),
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
                "verbose_name": "historical 在线访谈",
                "verbose_name_plural": "historical 在线访谈",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Interview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="访谈标题")),
                ("topic", models.TextField(verbose_name="访谈主题")),
                ("guest_name", models.CharField(max_length=40, verbose_name="嘉宾姓名")),
                ("guest_position", models.CharField(max_length=80, verbose_name="嘉宾职务")),
                ("starts_at", models.DateTimeField(verbose_name="计划开始时间")),
                ("ends_at", models.DateTimeField(verbose_name="计划结束时间")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("scheduled", "预告"),
                            ("live", "正在直播"),
                            ("ended", "已结束"),
                            ("archived", "已归档"),
                        ],
                        db_index=True,
                        default="scheduled",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="实际开始时间"),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="实际结束时间"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="访谈综述")),
                ("revision", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "在线访谈",
                "verbose_name_plural": "在线访谈",
                "ordering": ("-starts_at", "-id"),
            },
        ),
        migrations.CreateModel(
            name="InterviewAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="内容")),
                (
                    "posted_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="发布时间"
                    ),
                ),
            ],
            options={
                "verbose_name": "访谈实录",
                "verbose_name_plural": "访谈实录",
                "ordering": ("posted_at", "id"),
            },
        ),
        migrations.CreateModel(
            name="InterviewAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("file", models.FileField(upload_to="petitions/interviews/%Y/%m/")),
                ("original_name", models.CharField(max_length=200, verbose_name="文件名")),
                ("content_type", models.CharField(max_length=100)),
                ("size", models.PositiveIntegerField()),
            ],
        ),
        migrations.CreateModel(
            name="InterviewEvent",
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
                            ("scheduled", "发布预告"),
                            ("edited", "修改预告"),
                            ("started", "开始直播"),
                            ("ended", "结束访谈"),
                            ("archived", "归档"),
                            ("asked", "网友提问"),
                            ("question_published", "提问审核通过"),
                            ("question_rejected", "提问审核未通过"),
                            ("answered", "发布回答"),
                        ],
                        max_length=40,
                        verbose_name="事件",
                    ),
                ),
            ],
            options={
                "verbose_name": "在线访谈事件",
                "verbose_name_plural": "在线访谈事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="InterviewQuestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("display_name", models.CharField(max_length=20, verbose_name="提问人")),
                ("text", models.TextField(verbose_name="问题")),
                (
                    "submitted_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="提问时间"
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="公开时间"),
                ),
                ("public_text", models.TextField(blank=True, verbose_name="公开内容")),
                ("rejected", models.BooleanField(default=False)),
            ],
            options={
                "verbose_name": "访谈提问",
                "verbose_name_plural": "访谈提问",
                "ordering": ("submitted_at", "id"),
            },
        ),
        migrations.RemoveConstraint(
            model_name="moderationitem",
            name="moderation_one_source",
        ),
        migrations.AddField(
            model_name="historicalinterview",
            name="department",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="portal.department",
                verbose_name="主办单位",
            ),
        ),
        migrations.AddField(
            model_name="historicalinterview",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalinterview",
            name="host",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="主持人",
            ),
        ),
        migrations.AddField(
            model_name="interview",
            name="department",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="interviews",
                to="portal.department",
                verbose_name="主办单位",
            ),
        ),
        migrations.AddField(
            model_name="interview",
            name="host",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hosted_interviews",
                to=settings.AUTH_USER_MODEL,
                verbose_name="主持人",
            ),
        ),
        migrations.AddField(
            model_name="interviewanswer",
            name="interview",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="answers",
                to="petitions.interview",
            ),
        ),
        migrations.AddField(
            model_name="interviewanswer",
            name="posted_by",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="interviewattachment",
            name="interview",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attachments",
                to="petitions.interview",
            ),
        ),
        migrations.AddField(
            model_name="interviewevent",
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
            model_name="interviewevent",
            name="interview",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="petitions.interview",
            ),
        ),
        migrations.AddField(
            model_name="interviewquestion",
            name="asker",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="interview_questions",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="interviewquestion",
            name="interview",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="questions",
                to="petitions.interview",
            ),
        ),
        migrations.AddField(
            model_name="interviewanswer",
            name="question",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="answers",
                to="petitions.interviewquestion",
                verbose_name="回答的问题",
            ),
        ),
        migrations.AddField(
            model_name="historicalmoderationitem",
            name="question",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="petitions.interviewquestion",
                verbose_name="访谈提问",
            ),
        ),
        migrations.AddField(
            model_name="moderationitem",
            name="question",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="moderation_items",
                to="petitions.interviewquestion",
                verbose_name="访谈提问",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("message__isnull", False),
                        ("comment__isnull", True),
                        ("question__isnull", True),
                        ("reply__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    models.Q(
                        ("suggestion__isnull", False),
                        ("comment__isnull", True),
                        ("message__isnull", True),
                        ("question__isnull", True),
                        ("reply__isnull", True),
                    ),
                    models.Q(
                        ("comment__isnull", False),
                        ("message__isnull", True),
                        ("question__isnull", True),
                        ("reply__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    models.Q(
                        ("reply__isnull", False),
                        ("comment__isnull", True),
                        ("message__isnull", True),
                        ("question__isnull", True),
                        ("suggestion__isnull", True),
                    ),
                    models.Q(
                        ("question__isnull", False),
                        ("comment__isnull", True),
                        ("message__isnull", True),
                        ("reply__isnull", True),
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
                condition=models.Q(("question__isnull", False), ("status", "pending")),
                fields=("question",),
                name="moderation_one_pending_question",
            ),
        ),
        migrations.AddConstraint(
            model_name="interview",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                name="interview_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="interview",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "scheduled"), ("started_at__isnull", False), _connector="OR"
                ),
                name="interview_started_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="interview",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["scheduled", "live"]),
                    ("ended_at__isnull", False),
                    _connector="OR",
                ),
                name="interview_ended_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="interviewquestion",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_at__isnull", False), ("rejected", True), _negated=True
                ),
                name="interview_question_published_or_rejected",
            ),
        ),
    ]

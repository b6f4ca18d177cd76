"""Online surveys (在线调查): surveys, their sections, questions and choices, responses and answers,
the survey event log."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from portal.event_chain import seal_operations

# The new event table is append-only from the start (a trigger on PostgreSQL); nothing to chain.
_chain_existing, seal, unseal = seal_operations("petitions", ["SurveyEvent"])


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0005_participation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalSurvey",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                ("intro", models.TextField(blank=True, verbose_name="说明")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "草稿"), ("published", "已发布"), ("closed", "已结束")],
                        default="draft",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                ("opens_at", models.DateTimeField(verbose_name="开始时间")),
                ("closes_at", models.DateTimeField(verbose_name="截止时间")),
                ("anonymous", models.BooleanField(default=False, verbose_name="匿名调查")),
                ("results_public", models.BooleanField(default=False, verbose_name="公开调查结果")),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="发布时间"),
                ),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="结束时间")),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="创建时间"
                    ),
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
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "department",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portal.department",
                        verbose_name="发起单位",
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
            ],
            options={
                "verbose_name": "historical 在线调查",
                "verbose_name_plural": "historical 在线调查",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Survey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                ("intro", models.TextField(blank=True, verbose_name="说明")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "草稿"), ("published", "已发布"), ("closed", "已结束")],
                        default="draft",
                        max_length=16,
                        verbose_name="状态",
                    ),
                ),
                ("opens_at", models.DateTimeField(verbose_name="开始时间")),
                ("closes_at", models.DateTimeField(verbose_name="截止时间")),
                ("anonymous", models.BooleanField(default=False, verbose_name="匿名调查")),
                ("results_public", models.BooleanField(default=False, verbose_name="公开调查结果")),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="发布时间"),
                ),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="结束时间")),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="创建时间"
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "department",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="surveys",
                        to="portal.department",
                        verbose_name="发起单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "在线调查",
                "verbose_name_plural": "在线调查",
                "ordering": ("-opens_at", "-id"),
            },
        ),
        migrations.CreateModel(
            name="SurveyEvent",
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
                            ("drafted", "创建调查"),
                            ("edited", "修改调查"),
                            ("published", "发布调查"),
                            ("answered", "提交答卷"),
                            ("closed", "结束调查"),
                            ("text_passed", "回答审核通过"),
                            ("text_rejected", "回答不予公开"),
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
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="petitions.survey",
                    ),
                ),
            ],
            options={
                "verbose_name": "在线调查事件",
                "verbose_name_plural": "在线调查事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="SurveyQuestion",
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
                            ("single", "单选题"),
                            ("multiple", "多选题"),
                            ("rating", "评分题"),
                            ("text", "填空题"),
                        ],
                        max_length=16,
                        verbose_name="题型",
                    ),
                ),
                ("text", models.CharField(max_length=300, verbose_name="题目")),
                ("required", models.BooleanField(default=True, verbose_name="必答")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="顺序")),
                ("scale_max", models.PositiveSmallIntegerField(default=5, verbose_name="最高分")),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="questions",
                        to="petitions.survey",
                    ),
                ),
            ],
            options={
                "verbose_name": "调查题目",
                "verbose_name_plural": "调查题目",
                "ordering": ("section__order", "section_id", "order", "id"),
            },
        ),
        migrations.CreateModel(
            name="SurveyChoice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.CharField(max_length=200, verbose_name="选项")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="顺序")),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="choices",
                        to="petitions.surveyquestion",
                    ),
                ),
            ],
            options={
                "verbose_name": "调查选项",
                "verbose_name_plural": "调查选项",
                "ordering": ("order", "id"),
            },
        ),
        migrations.CreateModel(
            name="SurveyResponse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("anon_key", models.CharField(blank=True, max_length=64)),
                (
                    "submitted_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="提交时间"
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="responses",
                        to="petitions.survey",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="survey_responses",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "调查答卷",
                "verbose_name_plural": "调查答卷",
                "ordering": ("submitted_at", "id"),
            },
        ),
        migrations.CreateModel(
            name="SurveyAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rating",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="评分"),
                ),
                ("text", models.TextField(blank=True, verbose_name="回答")),
                (
                    "moderation",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "无需审核"),
                            ("pending", "待审核"),
                            ("passed", "已公开"),
                            ("rejected", "不予公开"),
                        ],
                        default="",
                        max_length=16,
                        verbose_name="审核状态",
                    ),
                ),
                ("public_text", models.TextField(blank=True)),
                ("moderated_at", models.DateTimeField(blank=True, null=True)),
                (
                    "moderated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "choices",
                    models.ManyToManyField(
                        blank=True, related_name="answers", to="petitions.surveychoice"
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="answers",
                        to="petitions.surveyquestion",
                    ),
                ),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="petitions.surveyresponse",
                    ),
                ),
            ],
            options={
                "verbose_name": "调查回答",
                "verbose_name_plural": "调查回答",
                "ordering": ("response_id", "id"),
            },
        ),
        migrations.CreateModel(
            name="SurveySection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=120, verbose_name="分组标题")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="顺序")),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="petitions.survey",
                    ),
                ),
            ],
            options={
                "verbose_name": "调查分组",
                "verbose_name_plural": "调查分组",
                "ordering": ("order", "id"),
            },
        ),
        migrations.AddField(
            model_name="surveyquestion",
            name="section",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="questions",
                to="petitions.surveysection",
            ),
        ),
        migrations.AddConstraint(
            model_name="survey",
            constraint=models.CheckConstraint(
                condition=models.Q(("closes_at__gt", models.F("opens_at"))),
                name="survey_closes_after_opening",
            ),
        ),
        migrations.AddConstraint(
            model_name="survey",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "draft"), ("published_at__isnull", False), _connector="OR"
                ),
                name="survey_published_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyresponse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("user__isnull", False)),
                fields=("survey", "user"),
                name="survey_response_once_per_account",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyresponse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("anon_key", ""), _negated=True),
                fields=("survey", "anon_key"),
                name="survey_response_once_per_device",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyresponse",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("user__isnull", False),
                    models.Q(("anon_key", ""), _negated=True),
                    _connector="OR",
                ),
                name="survey_response_has_respondent",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyanswer",
            constraint=models.UniqueConstraint(
                fields=("response", "question"), name="survey_answer_once_per_question"
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyanswer",
            constraint=models.CheckConstraint(
                condition=models.Q(("rating__isnull", True), ("rating__gte", 1), _connector="OR"),
                name="survey_answer_rating_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyanswer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("moderation", "passed"), _negated=True),
                    models.Q(("public_text", ""), _negated=True),
                    _connector="OR",
                ),
                name="survey_answer_passed_has_text",
            ),
        ),
        migrations.AddConstraint(
            model_name="surveyquestion",
            constraint=models.CheckConstraint(
                condition=models.Q(("scale_max__gte", 2), ("scale_max__lte", 10)),
                name="survey_question_scale_range",
            ),
        ),
        migrations.RunPython(seal, unseal),
    ]

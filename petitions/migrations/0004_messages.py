"""Messages (留言) and the moderation queue (公开审核): their models, history and events."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from portal.event_chain import seal_operations

# The new event table is append-only from the start (a trigger on PostgreSQL); nothing to chain.
_chain_existing, seal, unseal = seal_operations("petitions", ["MessageEvent"])


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_event_hash_chain"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalMessage",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        blank=True, db_index=True, max_length=20, null=True, verbose_name="编号"
                    ),
                ),
                (
                    "mailbox",
                    models.CharField(
                        choices=[("department", "部门信箱"), ("county_head", "县长信箱")],
                        max_length=12,
                        verbose_name="信箱",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("consultation", "咨询"),
                            ("suggestion", "建议"),
                            ("help", "求助"),
                            ("other", "其他"),
                        ],
                        max_length=14,
                        verbose_name="类别",
                    ),
                ),
                ("title", models.CharField(max_length=80, verbose_name="标题")),
                ("content", models.TextField(verbose_name="内容")),
                ("is_anonymous", models.BooleanField(default=False, verbose_name="匿名")),
                ("contact_name", models.CharField(blank=True, max_length=40, verbose_name="姓名")),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=20, verbose_name="手机号码"),
                ),
                (
                    "contact_address",
                    models.CharField(blank=True, max_length=120, verbose_name="联系地址"),
                ),
                ("publish_consent", models.BooleanField(default=False, verbose_name="同意公开")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("received", "待分办"),
                            ("assigned", "办理中"),
                            ("answered", "已答复"),
                            ("invalid", "无效留言"),
                            ("converted", "已转为投诉"),
                        ],
                        db_index=True,
                        default="received",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="收到时间"
                    ),
                ),
                (
                    "assigned_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="分办时间"),
                ),
                ("answer", models.TextField(blank=True, verbose_name="答复内容")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "invalid_reason",
                    models.CharField(blank=True, max_length=200, verbose_name="无效原因"),
                ),
                (
                    "hard_alert_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="三个月未答复预警时间"
                    ),
                ),
                (
                    "public_title",
                    models.CharField(blank=True, max_length=80, verbose_name="公开标题"),
                ),
                ("public_question", models.TextField(blank=True, verbose_name="公开留言内容")),
                ("public_answer", models.TextField(blank=True, verbose_name="公开答复内容")),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="公开时间"
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
                    "addressee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portal.department",
                        verbose_name="收信单位",
                    ),
                ),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="答复人",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="留言人",
                    ),
                ),
                (
                    "clock",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="supervision.clock",
                        verbose_name="时限",
                    ),
                ),
                (
                    "converted_from",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="petitions.complaint",
                        verbose_name="由投诉转来",
                    ),
                ),
                (
                    "converted_to",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="petitions.complaint",
                        verbose_name="转为投诉",
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
                        verbose_name="承办单位",
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
                "verbose_name": "historical 留言",
                "verbose_name_plural": "historical 留言",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Message",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        blank=True, max_length=20, null=True, unique=True, verbose_name="编号"
                    ),
                ),
                ("query_code_digest", models.CharField(editable=False, max_length=64)),
                (
                    "mailbox",
                    models.CharField(
                        choices=[("department", "部门信箱"), ("county_head", "县长信箱")],
                        max_length=12,
                        verbose_name="信箱",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("consultation", "咨询"),
                            ("suggestion", "建议"),
                            ("help", "求助"),
                            ("other", "其他"),
                        ],
                        max_length=14,
                        verbose_name="类别",
                    ),
                ),
                ("title", models.CharField(max_length=80, verbose_name="标题")),
                ("content", models.TextField(verbose_name="内容")),
                ("is_anonymous", models.BooleanField(default=False, verbose_name="匿名")),
                ("contact_name", models.CharField(blank=True, max_length=40, verbose_name="姓名")),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=20, verbose_name="手机号码"),
                ),
                (
                    "contact_address",
                    models.CharField(blank=True, max_length=120, verbose_name="联系地址"),
                ),
                ("publish_consent", models.BooleanField(default=False, verbose_name="同意公开")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("received", "待分办"),
                            ("assigned", "办理中"),
                            ("answered", "已答复"),
                            ("invalid", "无效留言"),
                            ("converted", "已转为投诉"),
                        ],
                        db_index=True,
                        default="received",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="收到时间"
                    ),
                ),
                (
                    "assigned_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="分办时间"),
                ),
                ("answer", models.TextField(blank=True, verbose_name="答复内容")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "invalid_reason",
                    models.CharField(blank=True, max_length=200, verbose_name="无效原因"),
                ),
                (
                    "hard_alert_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="三个月未答复预警时间"
                    ),
                ),
                (
                    "public_title",
                    models.CharField(blank=True, max_length=80, verbose_name="公开标题"),
                ),
                ("public_question", models.TextField(blank=True, verbose_name="公开留言内容")),
                ("public_answer", models.TextField(blank=True, verbose_name="公开答复内容")),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="公开时间"
                    ),
                ),
                (
                    "addressee",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="portal.department",
                        verbose_name="收信单位",
                    ),
                ),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="答复人",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="messages_written",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="留言人",
                    ),
                ),
                (
                    "clock",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="supervision.clock",
                        verbose_name="时限",
                    ),
                ),
                (
                    "converted_from",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="petitions.complaint",
                        verbose_name="由投诉转来",
                    ),
                ),
                (
                    "converted_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="petitions.complaint",
                        verbose_name="转为投诉",
                    ),
                ),
                (
                    "department",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="portal.department",
                        verbose_name="承办单位",
                    ),
                ),
            ],
            options={
                "verbose_name": "留言",
                "verbose_name_plural": "留言",
                "ordering": ["-received_at", "-id"],
                "permissions": [("route_message", "分办留言")],
            },
        ),
        migrations.CreateModel(
            name="HistoricalModerationItem",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "待审核"),
                            ("passed", "已通过"),
                            ("rejected", "未通过"),
                        ],
                        db_index=True,
                        default="pending",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "proposed_title",
                    models.CharField(blank=True, max_length=200, verbose_name="建议标题"),
                ),
                ("proposed_text", models.TextField(verbose_name="建议公开内容")),
                ("proposed_reply", models.TextField(blank=True, verbose_name="建议公开答复")),
                (
                    "final_title",
                    models.CharField(blank=True, max_length=200, verbose_name="公开标题"),
                ),
                ("final_text", models.TextField(blank=True, verbose_name="公开内容")),
                ("final_reply", models.TextField(blank=True, verbose_name="公开答复")),
                (
                    "redactions",
                    models.PositiveSmallIntegerField(default=0, verbose_name="自动遮盖处数"),
                ),
                (
                    "reason",
                    models.CharField(blank=True, max_length=300, verbose_name="不予公开理由"),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="提交时间"
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="审核时间"),
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
                    "department",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="portal.department",
                        verbose_name="所属单位",
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
                    "moderator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="审核人",
                    ),
                ),
                (
                    "message",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="petitions.message",
                        verbose_name="留言",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 公开审核",
                "verbose_name_plural": "historical 公开审核",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="MessageEvent",
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
                            ("received", "收到留言"),
                            ("assigned", "分办"),
                            ("forwarded", "转办"),
                            ("answered", "答复"),
                            ("invalid", "标记为无效留言"),
                            ("converted_to_complaint", "转为投诉"),
                            ("converted_from_complaint", "由投诉转为留言"),
                            ("published", "公开"),
                            ("publication_refused", "不予公开"),
                            ("hard_line", "超过三个月未答复"),
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
                    "message",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="petitions.message",
                    ),
                ),
            ],
            options={
                "verbose_name": "留言事件",
                "verbose_name_plural": "留言事件",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ModerationItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "待审核"),
                            ("passed", "已通过"),
                            ("rejected", "未通过"),
                        ],
                        db_index=True,
                        default="pending",
                        max_length=10,
                        verbose_name="状态",
                    ),
                ),
                (
                    "proposed_title",
                    models.CharField(blank=True, max_length=200, verbose_name="建议标题"),
                ),
                ("proposed_text", models.TextField(verbose_name="建议公开内容")),
                ("proposed_reply", models.TextField(blank=True, verbose_name="建议公开答复")),
                (
                    "final_title",
                    models.CharField(blank=True, max_length=200, verbose_name="公开标题"),
                ),
                ("final_text", models.TextField(blank=True, verbose_name="公开内容")),
                ("final_reply", models.TextField(blank=True, verbose_name="公开答复")),
                (
                    "redactions",
                    models.PositiveSmallIntegerField(default=0, verbose_name="自动遮盖处数"),
                ),
                (
                    "reason",
                    models.CharField(blank=True, max_length=300, verbose_name="不予公开理由"),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="提交时间"
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="审核时间"),
                ),
                (
                    "department",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="portal.department",
                        verbose_name="所属单位",
                    ),
                ),
                (
                    "message",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="moderation_items",
                        to="petitions.message",
                        verbose_name="留言",
                    ),
                ),
                (
                    "moderator",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="审核人",
                    ),
                ),
            ],
            options={
                "verbose_name": "公开审核",
                "verbose_name_plural": "公开审核",
                "ordering": ["submitted_at", "id"],
                "permissions": [("moderate", "审核公开内容")],
            },
        ),
        migrations.AddIndex(
            model_name="message",
            index=models.Index(fields=["department", "status"], name="message_dept_status"),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "answered"), _negated=True),
                    ("answered_at__isnull", False),
                    _connector="OR",
                ),
                name="message_answered_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["assigned", "answered"]), _negated=True),
                    ("department__isnull", False),
                    _connector="OR",
                ),
                name="message_assigned_has_department",
            ),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("published_at__isnull", True), ("publish_consent", True), _connector="OR"
                ),
                name="message_published_with_consent",
            ),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("mailbox", "department"), _negated=True),
                    ("addressee__isnull", False),
                    _connector="OR",
                ),
                name="message_department_mailbox_has_addressee",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.CheckConstraint(
                condition=models.Q(("message__isnull", False)), name="moderation_one_source"
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "pending"), ("decided_at__isnull", False), _connector="OR"
                ),
                name="moderation_decided_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "rejected"), _negated=True),
                    models.Q(("reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="moderation_rejected_has_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="moderationitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("message__isnull", False), ("status", "pending")),
                fields=("message",),
                name="moderation_one_pending_message",
            ),
        ),
        # Complaints may be converted into messages (转为留言).
        migrations.RemoveConstraint(
            model_name="complaint",
            name="complaint_dispatched_has_department",
        ),
        migrations.AlterField(
            model_name="complaint",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_instruction", "待领导批示"),
                    ("registered", "待分派"),
                    ("dispatched", "待签收"),
                    ("handling", "办理中"),
                    ("replied", "已答复"),
                    ("rehandling", "重新办理"),
                    ("closed", "已办结"),
                    ("transferred", "紧急转办"),
                    ("referred", "已告知其他渠道"),
                    ("merged", "已合并"),
                    ("not_accepted", "不予受理"),
                    ("converted", "已转为留言"),
                ],
                db_index=True,
                default="registered",
                max_length=24,
                verbose_name="状态",
            ),
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
                ],
                max_length=40,
                verbose_name="事件",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcomplaint",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_instruction", "待领导批示"),
                    ("registered", "待分派"),
                    ("dispatched", "待签收"),
                    ("handling", "办理中"),
                    ("replied", "已答复"),
                    ("rehandling", "重新办理"),
                    ("closed", "已办结"),
                    ("transferred", "紧急转办"),
                    ("referred", "已告知其他渠道"),
                    ("merged", "已合并"),
                    ("not_accepted", "不予受理"),
                    ("converted", "已转为留言"),
                ],
                db_index=True,
                default="registered",
                max_length=24,
                verbose_name="状态",
            ),
        ),
        migrations.AddConstraint(
            model_name="complaint",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "awaiting_instruction",
                            "registered",
                            "transferred",
                            "referred",
                            "merged",
                            "not_accepted",
                            "converted",
                        ],
                    ),
                    ("department__isnull", False),
                    _connector="OR",
                ),
                name="complaint_dispatched_has_department",
            ),
        ),
        migrations.RunPython(seal, unseal),
    ]

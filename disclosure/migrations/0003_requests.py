import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0002_columns"),
        ("supervision", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalInformationRequest",
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
                        blank=True, db_index=True, max_length=20, null=True, verbose_name="申请编号"
                    ),
                ),
                ("applicant_name", models.CharField(max_length=60, verbose_name="申请人姓名")),
                (
                    "organization",
                    models.CharField(blank=True, max_length=120, verbose_name="单位名称"),
                ),
                ("id_number", models.CharField(blank=True, max_length=18, verbose_name="证件号码")),
                ("phone", models.CharField(max_length=20, verbose_name="联系电话")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="电子邮箱")),
                ("address", models.CharField(blank=True, max_length=200, verbose_name="通信地址")),
                ("description", models.TextField(verbose_name="所需信息的内容描述")),
                ("purpose", models.TextField(blank=True, verbose_name="用途")),
                (
                    "delivery",
                    models.CharField(
                        choices=[
                            ("online", "网上查阅"),
                            ("email", "电子邮件"),
                            ("post", "纸质邮寄"),
                            ("pickup", "当面领取"),
                        ],
                        default="online",
                        max_length=8,
                        verbose_name="获取信息的方式",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("received", "办理中"),
                            ("supplement", "待补正"),
                            ("consulting", "征求第三方意见"),
                            ("answered", "已答复"),
                            ("abandoned", "视为放弃"),
                        ],
                        db_index=True,
                        default="received",
                        max_length=12,
                        verbose_name="状态",
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        verbose_name="收到申请时间",
                    ),
                ),
                (
                    "supplement_requested_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正通知时间"),
                ),
                ("supplement_request", models.TextField(blank=True, verbose_name="需补正的内容")),
                (
                    "supplement_due_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正期限"),
                ),
                (
                    "supplemented_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正时间"),
                ),
                ("supplement_text", models.TextField(blank=True, verbose_name="补正内容")),
                (
                    "extension_days",
                    models.PositiveSmallIntegerField(default=0, verbose_name="延长工作日"),
                ),
                (
                    "extension_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="延长理由"),
                ),
                (
                    "extended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="延长时间"),
                ),
                (
                    "reply_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("already_public", "已主动公开"),
                            ("disclosed", "予以公开"),
                            ("partial", "部分公开"),
                            ("refused", "不予公开"),
                            ("not_exist", "信息不存在"),
                            ("not_this_office", "非本机关负责公开"),
                            ("duplicate", "重复申请"),
                            ("not_processed", "不予处理"),
                        ],
                        max_length=16,
                        verbose_name="答复类型",
                    ),
                ),
                (
                    "refusal_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("state_secret", "属于国家秘密（第十四条）"),
                            ("law_forbids", "法律、行政法规禁止公开（第十四条）"),
                            (
                                "security",
                                "公开后可能危及国家安全、公共安全、经济安全、社会稳定（第十四条）",
                            ),
                            (
                                "third_party",
                                "涉及商业秘密、个人隐私等，公开会损害第三方合法权益（第十五条）",
                            ),
                            (
                                "internal",
                                "属于人事管理、后勤管理、内部工作流程等内部事务信息（第十六条）",
                            ),
                            ("process", "属于讨论记录、过程稿、请示报告等过程性信息（第十六条）"),
                            ("enforcement", "属于行政执法案卷信息（第十六条）"),
                        ],
                        max_length=16,
                        verbose_name="不予公开的理由",
                    ),
                ),
                (
                    "other_agency",
                    models.CharField(blank=True, max_length=120, verbose_name="负责公开的机关"),
                ),
                ("answer_text", models.TextField(blank=True, verbose_name="答复内容")),
                ("remedies", models.TextField(blank=True, verbose_name="救济途径")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "closed_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="办结时间"
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
                    "applicant",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="申请人账户",
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
                        verbose_name="答复期限",
                    ),
                ),
                (
                    "extension_approver",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="批准人",
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
                "verbose_name": "historical 依申请公开",
                "verbose_name_plural": "historical 依申请公开",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="InformationRequest",
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
                        blank=True, max_length=20, null=True, unique=True, verbose_name="申请编号"
                    ),
                ),
                ("applicant_name", models.CharField(max_length=60, verbose_name="申请人姓名")),
                (
                    "organization",
                    models.CharField(blank=True, max_length=120, verbose_name="单位名称"),
                ),
                ("id_number", models.CharField(blank=True, max_length=18, verbose_name="证件号码")),
                ("phone", models.CharField(max_length=20, verbose_name="联系电话")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="电子邮箱")),
                ("address", models.CharField(blank=True, max_length=200, verbose_name="通信地址")),
                ("description", models.TextField(verbose_name="所需信息的内容描述")),
                ("purpose", models.TextField(blank=True, verbose_name="用途")),
                (
                    "delivery",
                    models.CharField(
                        choices=[
                            ("online", "网上查阅"),
                            ("email", "电子邮件"),
                            ("post", "纸质邮寄"),
                            ("pickup", "当面领取"),
                        ],
                        default="online",
                        max_length=8,
                        verbose_name="获取信息的方式",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("received", "办理中"),
                            ("supplement", "待补正"),
                            ("consulting", "征求第三方意见"),
                            ("answered", "已答复"),
                            ("abandoned", "视为放弃"),
                        ],
                        db_index=True,
                        default="received",
                        max_length=12,
                        verbose_name="状态",
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_index=True,
                        default=django.utils.timezone.now,
                        verbose_name="收到申请时间",
                    ),
                ),
                (
                    "supplement_requested_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正通知时间"),
                ),
                ("supplement_request", models.TextField(blank=True, verbose_name="需补正的内容")),
                (
                    "supplement_due_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正期限"),
                ),
                (
                    "supplemented_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="补正时间"),
                ),
                ("supplement_text", models.TextField(blank=True, verbose_name="补正内容")),
                (
                    "extension_days",
                    models.PositiveSmallIntegerField(default=0, verbose_name="延长工作日"),
                ),
                (
                    "extension_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="延长理由"),
                ),
                (
                    "extended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="延长时间"),
                ),
                (
                    "reply_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("already_public", "已主动公开"),
                            ("disclosed", "予以公开"),
                            ("partial", "部分公开"),
                            ("refused", "不予公开"),
                            ("not_exist", "信息不存在"),
                            ("not_this_office", "非本机关负责公开"),
                            ("duplicate", "重复申请"),
                            ("not_processed", "不予处理"),
                        ],
                        max_length=16,
                        verbose_name="答复类型",
                    ),
                ),
                (
                    "refusal_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("state_secret", "属于国家秘密（第十四条）"),
                            ("law_forbids", "法律、行政法规禁止公开（第十四条）"),
                            (
                                "security",
                                "公开后可能危及国家安全、公共安全、经济安全、社会稳定（第十四条）",
                            ),
                            (
                                "third_party",
                                "涉及商业秘密、个人隐私等，公开会损害第三方合法权益（第十五条）",
                            ),
                            (
                                "internal",
                                "属于人事管理、后勤管理、内部工作流程等内部事务信息（第十六条）",
                            ),
                            ("process", "属于讨论记录、过程稿、请示报告等过程性信息（第十六条）"),
                            ("enforcement", "属于行政执法案卷信息（第十六条）"),
                        ],
                        max_length=16,
                        verbose_name="不予公开的理由",
                    ),
                ),
                (
                    "other_agency",
                    models.CharField(blank=True, max_length=120, verbose_name="负责公开的机关"),
                ),
                ("answer_text", models.TextField(blank=True, verbose_name="答复内容")),
                ("remedies", models.TextField(blank=True, verbose_name="救济途径")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="答复时间"),
                ),
                (
                    "closed_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="办结时间"
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
                    "applicant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="information_requests",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="申请人账户",
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
                        verbose_name="答复期限",
                    ),
                ),
                (
                    "extension_approver",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="批准人",
                    ),
                ),
            ],
            options={
                "verbose_name": "依申请公开",
                "verbose_name_plural": "依申请公开",
                "ordering": ["-received_at", "-id"],
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
                ("third_party", models.CharField(max_length=120, verbose_name="第三方")),
                ("question", models.TextField(verbose_name="征求意见事项")),
                (
                    "started_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="发出时间"
                    ),
                ),
                ("due_at", models.DateTimeField(verbose_name="答复期限")),
                ("ended_at", models.DateTimeField(blank=True, null=True, verbose_name="结束时间")),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("answered", "已回复"), ("lapsed", "逾期未回复")],
                        max_length=10,
                        verbose_name="结果",
                    ),
                ),
                ("answer", models.TextField(blank=True, verbose_name="第三方意见")),
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "started_by",
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
                    "request",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="disclosure.informationrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 征求第三方意见",
                "verbose_name_plural": "historical 征求第三方意见",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Consultation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("third_party", models.CharField(max_length=120, verbose_name="第三方")),
                ("question", models.TextField(verbose_name="征求意见事项")),
                (
                    "started_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="发出时间"
                    ),
                ),
                ("due_at", models.DateTimeField(verbose_name="答复期限")),
                ("ended_at", models.DateTimeField(blank=True, null=True, verbose_name="结束时间")),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("answered", "已回复"), ("lapsed", "逾期未回复")],
                        max_length=10,
                        verbose_name="结果",
                    ),
                ),
                ("answer", models.TextField(blank=True, verbose_name="第三方意见")),
                (
                    "started_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="consultations",
                        to="disclosure.informationrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "征求第三方意见",
                "verbose_name_plural": "征求第三方意见",
                "ordering": ["started_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="RequestDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("file", models.FileField(upload_to="disclosure/requests/%Y/%m/")),
                ("original_name", models.CharField(max_length=200, verbose_name="文件名")),
                ("content_type", models.CharField(max_length=100)),
                ("size", models.PositiveIntegerField()),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="disclosure.informationrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "答复文件",
                "verbose_name_plural": "答复文件",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="RequestEvent",
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
                (
                    "code",
                    models.CharField(
                        choices=[
                            ("received", "收到申请"),
                            ("supplement_requested", "发出补正通知"),
                            ("supplemented", "申请人补正"),
                            ("abandoned", "逾期未补正，视为放弃申请"),
                            ("consultation_started", "征求第三方意见（暂停计时）"),
                            ("consultation_answered", "第三方已回复（恢复计时）"),
                            ("consultation_lapsed", "第三方逾期未回复（恢复计时）"),
                            ("extended", "延长答复期限"),
                            ("answered", "作出答复"),
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
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="disclosure.informationrequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "依申请公开记录",
                "verbose_name_plural": "依申请公开记录",
                "ordering": ["created_at", "id"],
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(("extension_days__lte", 20)),
                name="disclosure_request_extension_max_20",
            ),
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "answered"), _negated=True),
                    models.Q(
                        models.Q(("reply_type", ""), _negated=True),
                        ("answered_at__isnull", False),
                        models.Q(("remedies", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="disclosure_request_answer_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("reply_type__in", ["refused", "partial"]), _negated=True),
                    models.Q(("refusal_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="disclosure_request_refusal_has_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("reply_type", "not_this_office"), _negated=True),
                    models.Q(("other_agency", ""), _negated=True),
                    _connector="OR",
                ),
                name="disclosure_request_names_other_agency",
            ),
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["received", "supplement", "consulting"]),
                    ("closed_at__isnull", False),
                    _connector="OR",
                ),
                name="disclosure_request_closed_has_time",
            ),
        ),
        migrations.AddConstraint(
            model_name="informationrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("supplemented_at__isnull", True),
                    ("supplement_requested_at__isnull", False),
                    _connector="OR",
                ),
                name="disclosure_request_supplement_after_notice",
            ),
        ),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(
                condition=models.Q(("ended_at__isnull", True)),
                fields=["due_at"],
                name="disclosure_consult_open",
            ),
        ),
        migrations.AddConstraint(
            model_name="consultation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ended_at__isnull", True)),
                fields=("request",),
                name="disclosure_one_open_consultation",
            ),
        ),
        migrations.AddConstraint(
            model_name="consultation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ended_at__isnull", True),
                    models.Q(("outcome", ""), _negated=True),
                    _connector="OR",
                ),
                name="disclosure_consultation_ended_has_outcome",
            ),
        ),
    ]

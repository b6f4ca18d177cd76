"""Democratic appraisal of departments (民主评议政风行风): rounds, participations, anonymous ballots."""

import uuid

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0006_surveys"),
        ("portal", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AppraisalRound',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=80, verbose_name='标题')),
                ('period_kind', models.CharField(choices=[('year', '年度'), ('quarter', '季度')], max_length=8, verbose_name='周期')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年份')),
                ('quarter', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='季度')),
                ('opens_at', models.DateTimeField(verbose_name='开始时间')),
                ('closes_at', models.DateTimeField(verbose_name='截止时间')),
                ('status', models.CharField(choices=[('draft', '草稿'), ('open', '评议中'), ('closed', '已结束'), ('published', '已公布')], default='draft', max_length=12, verbose_name='状态')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('departments', models.ManyToManyField(related_name='appraisal_rounds', to='portal.department', verbose_name='参评单位')),
            ],
            options={
                'verbose_name': '民主评议',
                'verbose_name_plural': '民主评议',
                'ordering': ('-year', '-quarter', '-id'),
            },
        ),
        migrations.CreateModel(
            name='AppraisalParticipation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('submitted_at', models.DateTimeField(verbose_name='参评时间')),
                ('voter', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='appraisal_participations', to=settings.AUTH_USER_MODEL)),
                ('round', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='petitions.appraisalround')),
            ],
            options={
                'verbose_name': '参评记录',
                'verbose_name_plural': '参评记录',
            },
        ),
        migrations.CreateModel(
            name='AppraisalBallot',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('round', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='ballots', to='petitions.appraisalround')),
            ],
            options={
                'verbose_name': '评议问卷',
                'verbose_name_plural': '评议问卷',
            },
        ),
        migrations.CreateModel(
            name='AppraisalRoundEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='时间')),
                ('note', models.TextField(blank=True, verbose_name='意见/说明')),
                ('data', models.JSONField(blank=True, default=dict)),
                ('prev_hash', models.CharField(blank=True, editable=False, max_length=64)),
                ('hash', models.CharField(editable=False, max_length=64)),
                ('code', models.CharField(choices=[('created', '创建评议'), ('opened', '开始评议'), ('closed', '结束评议'), ('published', '公布结果')], max_length=40, verbose_name='事件')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人')),
                ('round', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='petitions.appraisalround')),
            ],
            options={
                'verbose_name': '民主评议事件',
                'verbose_name_plural': '民主评议事件',
                'ordering': ['created_at', 'id'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='HistoricalAppraisalRound',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=80, verbose_name='标题')),
                ('period_kind', models.CharField(choices=[('year', '年度'), ('quarter', '季度')], max_length=8, verbose_name='周期')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年份')),
                ('quarter', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='季度')),
                ('opens_at', models.DateTimeField(verbose_name='开始时间')),
                ('closes_at', models.DateTimeField(verbose_name='截止时间')),
                ('status', models.CharField(choices=[('draft', '草稿'), ('open', '评议中'), ('closed', '已结束'), ('published', '已公布')], default='draft', max_length=12, verbose_name='状态')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='创建时间')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical 民主评议',
                'verbose_name_plural': 'historical 民主评议',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='AppraisalAnswer',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('dimension', models.CharField(choices=[('duties', '依法履行职责'), ('enforcement', '公开执法'), ('openness', '事务公开'), ('efficiency', '办事效率'), ('service', '服务质量'), ('integrity', '清正廉洁')], max_length=16, verbose_name='评议内容')),
                ('grade', models.CharField(choices=[('satisfied', '满意'), ('fairly_satisfied', '基本满意'), ('unsatisfied', '不满意'), ('unknown', '不了解')], max_length=16, verbose_name='评价')),
                ('department', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='appraisal_answers', to='portal.department')),
                ('ballot', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='petitions.appraisalballot')),
            ],
            options={
                'verbose_name': '评议答案',
                'verbose_name_plural': '评议答案',
                'constraints': [models.UniqueConstraint(fields=('ballot', 'department', 'dimension'), name='appraisal_one_answer_per_point')],
            },
        ),
        migrations.AddConstraint(
            model_name='appraisalround',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('period_kind', 'year'), ('quarter__isnull', True)), models.Q(('period_kind', 'quarter'), ('quarter__gte', 1), ('quarter__lte', 4)), _connector='OR'), name='appraisal_round_quarter_matches_kind'),
        ),
        migrations.AddConstraint(
            model_name='appraisalround',
            constraint=models.CheckConstraint(condition=models.Q(('closes_at__gt', models.F('opens_at'))), name='appraisal_round_closes_after_opening'),
        ),
        migrations.AddConstraint(
            model_name='appraisalround',
            constraint=models.UniqueConstraint(condition=models.Q(('period_kind', 'year')), fields=('year',), name='appraisal_round_one_a_year'),
        ),
        migrations.AddConstraint(
            model_name='appraisalround',
            constraint=models.UniqueConstraint(condition=models.Q(('period_kind', 'quarter')), fields=('year', 'quarter'), name='appraisal_round_one_a_quarter'),
        ),
        migrations.AddConstraint(
            model_name='appraisalparticipation',
            constraint=models.UniqueConstraint(fields=('round', 'voter'), name='appraisal_one_participation_per_voter'),
        ),
    ]

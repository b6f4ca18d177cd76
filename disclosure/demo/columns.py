"""Demo data of the disclosure columns: the columns of DOMAIN.md §1 with their update intervals,
a few dozen published articles over the last months (one column left stale on purpose), a draft
and an article waiting for review, and government information items with a ranking. Idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from disclosure.models import Article, Column, InfoReport
from disclosure.services import columns as services
from disclosure.services import reporting as reporting_services
from portal.audit import acting_as
from portal.models import Department, User

# (slug, name, responsible department, update interval in days, description)
COLUMNS = [
    ("institution", "机构信息", "gov-office", 180, "机构职能、内设机构、领导分工和联系方式。"),
    ("plans", "发展规划", "gov-office", 365, "国民经济和社会发展规划、专项规划及其执行情况。"),
    ("budgets", "财政预决算", "gov-office", 365, "政府和部门预算、决算及说明。"),
    ("three-expenses", "三公经费", "gov-office", 365, "因公出国（境）、公务用车、公务接待经费。"),
    ("personnel", "人事管理", "gov-office", 90, "公务员招录、事业单位招聘、干部任免。"),
    (
        "major-decisions",
        "三重一大",
        "gov-office",
        90,
        "重大决策、重要人事任免、重大项目安排和大额资金使用。",
    ),
    ("work-news", "工作动态", "gov-office", 14, "各单位重点工作进展。"),
    ("enforcement", "行政执法", "market", 30, "执法主体、执法依据、执法结果公示。"),
    ("hearings", "听证", "land", 180, "听证公告和听证结果。"),
    ("headlines", "政务要闻", "gov-office", 7, "县政府常务会议、重要会议和活动。"),
    ("townships", "乡镇动态", "town-chengguan", 15, "各乡镇便民服务中心工作动态。"),
    ("supervision", "政务督办", "discipline", 30, "重点工作督查督办情况通报。"),
    ("service-guide", "服务导航", "service-center", 90, "办事指南、服务窗口和办理时间。"),
    ("feedback", "留言反馈", "gov-office", 30, "群众留言办理情况汇总。"),
]

# (column slug, department, title, document number, days ago published, body)
ARTICLES = [
    (
        "institution",
        "gov-office",
        "青山县人民政府办公室主要职责和内设机构",
        "",
        120,
        "县政府办公室负责协助县政府领导同志处理县政府日常工作，内设秘书科、综合科、督查科、信息公开科。",
    ),
    (
        "institution",
        "market",
        "县市场监督管理局领导分工",
        "",
        60,
        "局长主持全面工作；副局长分管食品安全、特种设备安全和价格监督检查。",
    ),
    (
        "plans",
        "gov-office",
        "青山县国民经济和社会发展第十五个五年规划纲要",
        "青政发〔2026〕3号",
        200,
        "规划纲要明确了今后五年全县经济社会发展的主要目标、重点任务和保障措施。",
    ),
    (
        "plans",
        "land",
        "青山县国土空间总体规划（2021—2035年）批后公告",
        "",
        150,
        "经省人民政府批准，现将青山县国土空间总体规划主要内容予以公告。",
    ),
    (
        "budgets",
        "gov-office",
        "青山县2026年财政预算公开",
        "",
        250,
        "2026年全县一般公共预算收入安排12.6亿元，支出安排38.4亿元，重点保障教育、社保和乡村振兴。",
    ),
    (
        "budgets",
        "market",
        "县市场监督管理局2026年部门预算",
        "",
        240,
        "本部门2026年收支预算总额4,286万元，其中基本支出3,102万元，项目支出1,184万元。",
    ),
    (
        "budgets",
        "civil",
        "县民政局2025年部门决算",
        "",
        80,
        "2025年度收入决算5,642万元，支出决算5,598万元，主要用于最低生活保障和特困人员供养。",
    ),
    (
        "three-expenses",
        "gov-office",
        "青山县2025年度县级“三公”经费决算情况说明",
        "",
        75,
        "2025年县级“三公”经费支出1,021万元，比上年下降6.3%，其中公务接待费下降12.1%。",
    ),
    (
        "personnel",
        "gov-office",
        "青山县2026年公开招聘事业单位工作人员公告",
        "",
        40,
        "根据工作需要，经研究决定面向社会公开招聘事业单位工作人员58名。",
    ),
    (
        "personnel",
        "gov-office",
        "关于张某某等同志职务任免的通知",
        "青政干〔2026〕12号",
        20,
        "经县人民政府研究决定：任命张某某为县行政服务中心副主任。",
    ),
    (
        "major-decisions",
        "gov-office",
        "县政府常务会议审议城区老旧小区改造实施方案",
        "",
        30,
        "会议研究决定，2026年实施城区老旧小区改造12个，涉及居民2,860户，总投资1.2亿元。",
    ),
    (
        "major-decisions",
        "housing",
        "关于城乡供水一体化工程建设资金安排的决定",
        "",
        45,
        "安排县级配套资金8,500万元，用于城乡供水一体化工程建设。",
    ),
    (
        "work-news",
        "market",
        "县市场监管局开展校园食品安全专项检查",
        "",
        9,
        "检查全县中小学、幼儿园食堂86家，发现问题12个，已全部督促整改到位。",
    ),
    (
        "work-news",
        "civil",
        "县民政局按时足额发放城乡最低生活保障资金",
        "",
        5,
        "本月共发放城乡低保资金455万元，惠及困难群众9,812人。",
    ),
    (
        "work-news",
        "land",
        "县自然资源局开展耕地保护专项执法行动",
        "",
        3,
        "对全县新增违法占用耕地问题进行全面排查，立案查处违法用地案件7起。",
    ),
    (
        "work-news",
        "housing",
        "县住建局部署在建工程安全生产检查工作",
        "",
        1,
        "对全县在建工程、城镇危旧房屋、地下空间开展拉网式排查。",
    ),
    (
        "enforcement",
        "market",
        "县市场监督管理局行政执法主体和执法人员名单",
        "",
        25,
        "公示本局行政执法主体资格、执法依据和持证执法人员名单。",
    ),
    (
        "enforcement",
        "market",
        "对某超市销售过期食品的行政处罚决定",
        "青市监罚〔2026〕21号",
        12,
        "当事人销售超过保质期的食品，依据《中华人民共和国食品安全法》第一百二十四条，处罚款人民币五万元。",
    ),
    (
        "hearings",
        "land",
        "关于石桥乡土地征收补偿安置方案的听证公告",
        "",
        60,
        "被征收土地的农村集体经济组织及其成员对补偿安置方案有异议的，可在公告之日起十日内申请听证。",
    ),
    (
        "headlines",
        "gov-office",
        "县政府召开第18次常务会议",
        "",
        4,
        "会议传达学习了省政府常务会议精神，研究部署安全生产和民生实事工作。",
    ),
    (
        "headlines",
        "gov-office",
        "青山县召开优化营商环境推进大会",
        "",
        2,
        "会议通报了2025年度营商环境评价结果，部署“一网通办”和“最多跑一次”改革重点任务。",
    ),
    (
        "headlines",
        "gov-office",
        "县长带队督查重点项目建设进展",
        "",
        6,
        "实地查看城乡供水一体化、县人民医院迁建等重点项目，要求倒排工期、挂图作战。",
    ),
    (
        "townships",
        "town-chengguan",
        "城关镇开展农村人居环境整治“百日攻坚”",
        "",
        40,
        "全镇清理垃圾杂物860吨，拆除违章搭建120处，村庄面貌明显改善。",
    ),
    (
        "townships",
        "town-shiqiao",
        "石桥乡南岭村乡村振兴示范村建设有序推进",
        "",
        38,
        "南岭村以茶产业为主导，建成标准化茶园800亩，带动村民户均增收6,000元。",
    ),
    (
        "supervision",
        "discipline",
        "关于上季度政务服务“好差评”情况的通报",
        "",
        20,
        "上季度全县政务服务评价4.2万次，好评率99.6%；差评12件已全部整改回访。",
    ),
    (
        "supervision",
        "discipline",
        "关于12345热线超期件督办情况的通报",
        "",
        11,
        "对答复超期的3件诉求向承办单位发出书面督办通知，均已办结。",
    ),
    (
        "service-guide",
        "service-center",
        "县行政服务中心窗口设置和办理时间",
        "",
        50,
        "中心设综合受理窗口28个，工作日上午8:30—12:00、下午14:00—17:30办理业务，周六上午延时服务。",
    ),
    (
        "service-guide",
        "service-center",
        "企业开办“一件事”办事指南",
        "",
        35,
        "企业开办涉及营业执照、公章刻制、发票申领、社保登记等事项，一窗受理、一日办结。",
    ),
]

DRAFT = (
    "work-news",
    "market",
    "县市场监管局开展电动自行车质量安全专项整治",
    "",
    0,
    "对全县电动自行车销售企业开展全覆盖检查，严厉打击违法违规行为。",
)
UNDER_REVIEW = (
    "enforcement",
    "market",
    "2026年县市场监督管理局双随机抽查计划",
    "",
    0,
    "按照“双随机、一公开”要求，全年计划抽查市场主体1,200户。",
)

# (department, title, status, score, note, days ago)
REPORTS = [
    (
        "town-chengguan",
        "城关镇创新“村民说事”机制化解基层矛盾",
        "adopted",
        5,
        "县委信息专报采用",
        20,
    ),
    ("town-chengguan", "城关镇人居环境整治取得阶段性成效", "adopted", 2, "", 15),
    ("town-shiqiao", "石桥乡茶产业带动群众增收", "adopted", 3, "政府网站采用", 12),
    ("town-shiqiao", "石桥乡开展地质灾害应急演练", "rejected", 0, "内容与往期重复", 10),
    ("market", "县市场监管局守护“舌尖上的安全”", "adopted", 3, "", 8),
    ("civil", "县民政局提高城乡低保标准", "adopted", 2, "", 6),
    ("land", "县自然资源局推进耕地保护田长制", "submitted", 0, "", 2),
]


def _department(code: str) -> Department:
    return Department.objects.get(code=code)


def _seed_columns(now) -> int:
    created = 0
    for order, (slug, name, department, days, description) in enumerate(COLUMNS, start=1):
        _column, made = Column.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "department": _department(department),
                "update_interval_days": days,
                "description": description,
                "order": order,
                # Old enough that the columns left without articles show as stale in the demo.
                "created_at": now - datetime.timedelta(days=400),
            },
        )
        created += made
    return created


def _article(spec, *, status, now) -> Article:
    slug, department, title, number, days_ago, body = spec
    formed = now - datetime.timedelta(days=days_ago + 2)
    return Article.objects.create(
        column=Column.objects.get(slug=slug),
        department=_department(department),
        title=title,
        document_number=number,
        body=body,
        status=status,
        created_at=formed,
        changed_at=formed,
    )


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    admin = User.objects.get(username="admin")
    head = User.objects.get(username="head_market")
    now = timezone.now()
    made = 0
    with transaction.atomic(), acting_as(admin):
        columns = _seed_columns(now)
        for spec in ARTICLES:
            if Article.objects.filter(title=spec[2]).exists():
                continue
            # The demo's articles arrive already submitted by their unit (no second admin here).
            article = _article(spec, status=Article.Status.REVIEW, now=now)
            services.article_publish(
                actor=admin, article=article, now=now - datetime.timedelta(days=spec[4])
            )
            made += 1
        if not Article.objects.filter(title=DRAFT[2]).exists():
            services.article_save_draft(
                actor=head, article=_article(DRAFT, status=Article.Status.DRAFT, now=now)
            )
            made += 1
        if not Article.objects.filter(title=UNDER_REVIEW[2]).exists():
            services.article_submit(
                actor=head, article=_article(UNDER_REVIEW, status=Article.Status.DRAFT, now=now)
            )
            made += 1
        reports = _seed_reports(admin, now)
    if stdout is not None:
        stdout.write(
            f"disclosure columns: {columns} columns, {made} articles, {reports} information items"
        )
    return [
        ("head_market", "市场局负责人：起草公开信息并提交审核，报送政务信息"),
        ("admin", "管理员：审核发布公开信息，采用政务信息并打分，查看月度排名"),
    ]


def _seed_reports(admin: User, now) -> int:
    made = 0
    for department, title, status, score, note, days_ago in REPORTS:
        if InfoReport.objects.filter(title=title).exists():
            continue
        unit = _department(department)
        # Units without demo staff report through the county office's head (代为录入).
        author = User.objects.filter(
            department=unit, kind=User.Kind.STAFF
        ).first() or User.objects.get(username="head_office")
        report = InfoReport.objects.create(
            department=unit,
            title=title,
            body=f"{title}。近期，{unit.name}围绕中心工作扎实推进，取得了明显成效。",
            submitted_by=author,
            submitted_at=now - datetime.timedelta(days=days_ago),
        )
        if status == "adopted":
            reporting_services.report_adopt(actor=admin, report=report, score=score, note=note)
        elif status == "rejected":
            reporting_services.report_reject(actor=admin, report=report, note=note)
        made += 1
    return made

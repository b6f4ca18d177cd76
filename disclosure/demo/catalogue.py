"""Demo data of the catalogue of powers and services: about fifteen real-world items of the demo
departments, published and searchable, one withdrawn and one waiting for review. Idempotent."""

from django.db import transaction

from disclosure.models import CatalogueItem, CatalogueMaterial
from disclosure.models.catalogue import default_legal_limit
from disclosure.services.catalogue import drafting
from disclosure.services.catalogue import publishing as services
from disclosure.services.catalogue.drafting import MaterialData
from portal.audit import acting_as
from portal.models import Department, User

SUPERVISION_PHONE = "0571-12345"
SUPERVISION_ADDRESS = "县纪委监委（效能办）投诉室，县行政服务中心四楼"

# (code, name, kind, department, promised limit WD, fee, fee standard, basis, conditions,
# materials, place)
ITEMS = [
    (
        "market-001",
        "食品经营许可",
        CatalogueItem.Kind.LICENSING,
        "market",
        10,
        "0",
        "",
        "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        "有与经营的食品品种、数量相适应的经营场所；有食品安全管理人员和规章制度。",
        [
            "食品经营许可申请书",
            "营业执照复印件",
            "与食品经营相适应的场所平面图",
            "食品安全管理制度文本",
            "法定代表人授权委托书（选交）",
        ],
        "县行政服务中心一楼 3 号窗口",
    ),
    (
        "market-002",
        "个体工商户营业执照办理（设立登记）",
        CatalogueItem.Kind.LICENSING,
        "market",
        3,
        "0",
        "",
        "《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》",
        "有经营能力的自然人；经营场所合法。",
        ["个体工商户登记申请书", "经营者身份证明", "经营场所使用证明"],
        "县行政服务中心一楼 3 号窗口",
    ),
    (
        "market-003",
        "对销售不符合食品安全标准食品的行政处罚",
        CatalogueItem.Kind.PENALTY,
        "market",
        60,
        "0",
        "",
        "《中华人民共和国食品安全法》第一百二十四条",
        "经调查核实存在违法行为。",
        ["立案审批表", "调查取证材料", "陈述申辩记录（选交）"],
        "县市场监督管理局执法稽查科",
    ),
    (
        "market-004",
        "查封、扣押不符合法定要求的产品",
        CatalogueItem.Kind.COERCION,
        "market",
        30,
        "0",
        "",
        "《中华人民共和国产品质量法》第十八条",
        "有根据认为产品不符合保障人体健康和人身财产安全的标准。",
        ["现场检查笔录", "查封扣押决定书", "物品清单"],
        "县市场监督管理局执法稽查科",
    ),
    (
        "land-001",
        "建设项目用地预审与选址意见书核发",
        CatalogueItem.Kind.LICENSING,
        "land",
        15,
        "0",
        "",
        "《中华人民共和国土地管理法》第五十二条；《中华人民共和国城乡规划法》第三十六条",
        "项目符合国土空间规划和用途管制要求。",
        [
            "建设项目用地预审与选址申请表",
            "项目建议书或可行性研究报告批复",
            "标注项目用地范围的土地利用现状图",
        ],
        "县行政服务中心二楼 8 号窗口",
    ),
    (
        "land-002",
        "土地复垦费征收",
        CatalogueItem.Kind.LEVY,
        "land",
        20,
        "3",
        "每平方米 3 元（按损毁面积计征），依据《土地复垦条例》第十八条及省级征收标准",
        "《土地复垦条例》第十八条",
        "生产建设活动损毁土地且未按要求复垦。",
        ["土地复垦费缴纳通知书", "损毁土地面积测绘报告"],
        "县行政服务中心二楼 8 号窗口",
    ),
    (
        "housing-001",
        "建筑工程施工许可证核发",
        CatalogueItem.Kind.LICENSING,
        "housing",
        5,
        "0",
        "",
        "《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》",
        "已办理用地批准手续，已取得建设工程规划许可证，施工图设计文件已审查合格。",
        [
            "建筑工程施工许可申请表",
            "建设工程规划许可证",
            "施工合同",
            "施工图审查合格书",
            "质量安全监督手续",
        ],
        "县行政服务中心二楼 10 号窗口",
    ),
    (
        "housing-002",
        "城市基础设施配套费征收",
        CatalogueItem.Kind.LEVY,
        "housing",
        5,
        "0",
        "",
        "《浙江省城市基础设施配套费征收管理办法》",
        "新建、扩建项目在取得施工许可前缴纳。",
        ["配套费缴纳申请表", "建设工程规划许可证"],
        "县行政服务中心二楼 10 号窗口",
    ),
    (
        "civil-001",
        "最低生活保障审批",
        CatalogueItem.Kind.OTHER,
        "civil",
        20,
        "0",
        "",
        "《社会救助暂行办法》第九条至第十三条",
        "家庭人均收入低于当地最低生活保障标准，且符合财产状况规定。",
        ["最低生活保障申请书", "户口簿、身份证", "家庭收入及财产状况声明", "残疾证或病历（选交）"],
        "户籍所在地乡镇便民服务中心",
    ),
    (
        "civil-002",
        "内地居民婚姻登记",
        CatalogueItem.Kind.SERVICE,
        "civil",
        1,
        "0",
        "",
        "《婚姻登记条例》第四条至第七条",
        "双方自愿，达到法定婚龄，无禁止结婚情形。",
        ["双方户口簿", "双方居民身份证", "近期半身免冠合影照片"],
        "县民政局婚姻登记处",
    ),
    (
        "civil-003",
        "公益性公墓建设审批",
        CatalogueItem.Kind.LICENSING,
        "civil",
        10,
        "0",
        "",
        "《殡葬管理条例》第八条",
        "符合殡葬设施建设规划。",
        ["建设申请", "选址意见", "建设规划图"],
        "县民政局",
    ),
    (
        "town-chengguan-001",
        "农村村民宅基地审批",
        CatalogueItem.Kind.LICENSING,
        "town-chengguan",
        10,
        "0",
        "",
        "《中华人民共和国土地管理法》第六十二条",
        "一户一宅；符合村庄规划。",
        ["农村宅基地和建房（规划许可）申请表", "户口簿", "村民小组会议记录", "房屋设计图（选交）"],
        "城关镇便民服务中心 2 号窗口",
    ),
    (
        "town-chengguan-002",
        "老年人优待证办理",
        CatalogueItem.Kind.SERVICE,
        "town-chengguan",
        3,
        "0",
        "",
        "《浙江省实施〈中华人民共和国老年人权益保障法〉办法》",
        "年满 60 周岁的本县户籍老年人。",
        ["居民身份证", "近期一寸免冠照片"],
        "城关镇便民服务中心 1 号窗口",
    ),
    (
        "town-chengguan-003",
        "户口迁移登记",
        CatalogueItem.Kind.SERVICE,
        "town-chengguan",
        5,
        "0",
        "",
        "《中华人民共和国户口登记条例》第十条、第十三条",
        "因工作、婚姻、投靠亲属、购房等迁入或迁出本县，符合落户条件。",
        ["户口迁移申请表", "户口簿", "居民身份证", "迁入地落户证明材料（房产证、婚姻证明等）"],
        "城关镇便民服务中心 公安户籍窗口",
    ),
    (
        "town-shiqiao-001",
        "农村困难家庭危房改造补助申请",
        CatalogueItem.Kind.SERVICE,
        "town-shiqiao",
        20,
        "0",
        "",
        "《农村危房改造补助资金管理办法》",
        "住房经鉴定为 C 级或 D 级危房的低保户、分散供养特困人员等。",
        ["危房改造申请表", "房屋安全鉴定报告", "户口簿、身份证"],
        "石桥乡便民服务中心",
    ),
]
WITHDRAWN = (
    "housing-003",
    "临时占用城市道路审批",
    CatalogueItem.Kind.LICENSING,
    "housing",
    5,
    "0",
    "",
    "《城市道路管理条例》第三十一条",
    "因特殊情况需要临时占用城市道路。",
    ["临时占用道路申请书", "占道位置示意图"],
    "县行政服务中心二楼 10 号窗口",
)
UNDER_REVIEW = (
    "market-005",
    "第二类医疗器械经营备案",
    CatalogueItem.Kind.OTHER,
    "market",
    5,
    "0",
    "",
    "《医疗器械监督管理条例》第四十一条",
    "有与经营规模和范围相适应的经营场所和贮存条件。",
    ["第二类医疗器械经营备案表", "营业执照复印件", "经营场所和库房的地理位置图"],
    "县行政服务中心一楼 3 号窗口",
)

# Legal limits (法定办结时限, WD) where the law gives one other than `default_legal_limit`: the
# promises above are shorter, as the county's service centre promises.
LEGAL_LIMITS = {
    "market-003": 90,  # 行政处罚法 Art 60
    "housing-001": 7,  # 建筑工程施工许可管理办法 Art 5
    "civil-001": 30,  # 最低生活保障审核确认办法 Art 20
}


def _create(spec, status) -> CatalogueItem:
    code, name, kind, department, limit, fee, standard, basis, conditions, materials, place = spec
    item = CatalogueItem.objects.create(
        code=code,
        name=name,
        kind=kind,
        department=Department.objects.get(code=department),
        time_limit_days=limit,
        legal_limit_days=LEGAL_LIMITS.get(code) or default_legal_limit(kind, limit),
        fee=fee,
        fee_standard=standard,
        legal_basis=basis,
        conditions=conditions,
        content=f"{name}：依申请办理，材料齐全、符合法定形式的当场受理。",
        service_place=place,
        supervision_phone=SUPERVISION_PHONE,
        supervision_address=SUPERVISION_ADDRESS,
        status=status,
    )
    for order, material in enumerate(materials, start=1):
        optional = material.endswith("（选交）")
        CatalogueMaterial.objects.create(
            item=item, name=material.removesuffix("（选交）"), is_required=not optional, order=order
        )
    return item


# Published a second time with a changed legal basis, conditions and materials, so that the
# public version history (版本记录) of an item has a change to show.
REVISED = "civil-001"
REVISION = {
    "legal_basis": "《社会救助暂行办法》第九条至第十三条；《最低生活保障审核确认办法》",
    "conditions": "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定。",
    "materials": [
        MaterialData("最低生活保障申请书"),
        MaterialData("户口簿、身份证"),
        MaterialData("家庭经济状况核对授权书"),
        MaterialData("残疾证或病历", is_required=False),
    ],
}


def seed_revision(*, admin: User) -> bool:
    """Publish the demo's second version of `REVISED` once: drafted by its department, reviewed."""
    item = CatalogueItem.objects.filter(code=REVISED, version=1).first()
    if item is None:
        return False
    head = User.objects.get(username="head_civil")
    services.item_revise(actor=head, item=item)
    draft = CatalogueItem.objects.get(pk=item.pk)
    draft.legal_basis = REVISION["legal_basis"]
    draft.conditions = REVISION["conditions"]
    drafting.item_save_draft(actor=head, item=draft, materials=REVISION["materials"])
    services.item_submit(actor=head, item=draft)
    services.item_publish(actor=admin, item=draft)
    return True


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    admin = User.objects.get(username="admin")
    head = User.objects.get(username="head_market")
    created = 0
    with transaction.atomic(), acting_as(admin):
        for spec in [*ITEMS, WITHDRAWN]:
            if CatalogueItem.objects.filter(code=spec[0]).exists():
                continue
            # The demo's items arrive already submitted by their department (no second admin here).
            item = services.item_publish(
                actor=admin, item=_create(spec, CatalogueItem.Status.REVIEW)
            )
            if spec is WITHDRAWN:
                services.item_withdraw(
                    actor=admin, item=item, reason="职能已划转至县综合行政执法局"
                )
            created += 1
        seed_revision(admin=admin)
        if not CatalogueItem.objects.filter(code=UNDER_REVIEW[0]).exists():
            services.item_submit(actor=head, item=_create(UNDER_REVIEW, CatalogueItem.Status.DRAFT))
            created += 1
    if stdout is not None:
        stdout.write(f"disclosure catalogue: {created} items created")
    return [
        ("head_market", "市场局负责人：起草并提交本局目录事项（有一项待审核）"),
        ("admin", "管理员：审核发布、撤回目录事项，批量导入导出"),
    ]

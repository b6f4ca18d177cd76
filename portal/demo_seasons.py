"""What the demo county talks about in each month of the year (demo data, not UI text).

The pillars' demo history draws its complaints, articles and requests for a month from
`topics_for(month)`, so a record dated in June speaks of 防汛 and 高考, never of 春节. The texts
are the county's own content, stored as data like every other demo record, hence not translated.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """One seasonal matter: a complaint about it, an article on it and a disclosure request."""

    tag: str
    # Complaint: category code, handling department code, title, content, reply.
    category: str
    department: str
    title: str
    content: str
    reply: str
    # Article: column slug, publishing department code, title, body.
    column: str
    article_department: str
    article_title: str
    article_body: str
    # Disclosure request; `{year}` is the year the request is dated in.
    request: str


def _topic(tag, complaint, article, request) -> Topic:
    return Topic(tag, *complaint, *article, request)


# fmt: off
SEASONS: dict[int, list[Topic]] = {
    1: [
        _topic(
            "春节",
            ("complaint", "market", "春节年货市场有商家出售过期食品", "城关农贸市场年货摊位发现过期腊肉和糖果。", "已对年货市场开展专项检查，下架过期食品并立案处理。"),
            ("work-news", "market", "县市场监管局开展春节前食品安全专项检查", "检查年货市场、商场超市120家，下架不合格食品46公斤。"),
            "请公开{year}年春节期间年货市场食品安全抽检结果。",
        ),
        _topic(
            "供暖",
            ("complaint", "housing", "供暖季小区暖气不热", "幸福小区3号楼暖气温度不到15度，老人孩子受冻。", "已督促供热企业排查管网，3号楼室温已恢复到18度以上。"),
            ("headlines", "housing", "县住建局督查冬季供暖保障工作", "对全县集中供热小区逐一测温，确保室温不低于18度。"),
            "请公开本县{year}年供暖季集中供热价格及收费依据。",
        ),
    ],
    2: [
        _topic(
            "春节",
            ("consultation", "gov-office", "春节后返岗务工人员健康证明怎么开", "春节后外出务工，单位要求开具健康证明，请问到哪里办理？", "可到县人民医院体检中心办理，工作日上午受理，当天出具。"),
            ("headlines", "gov-office", "县政府召开春节后收心会部署全年重点工作", "会议要求各单位迅速进入工作状态，抓好春季安全生产和重点项目开复工。"),
            "请公开本县{year}年春节期间安全生产检查情况。",
        ),
        _topic(
            "农民工工资",
            ("complaint", "housing", "春节前后工地拖欠农民工工资", "城西安置房项目拖欠我们12名工人工资至今未付。", "已约谈施工总承包单位，拖欠工资已全额支付到工人账户。"),
            ("work-news", "housing", "县住建局春节前后开展根治欠薪专项行动", "排查在建项目38个，督促发放农民工工资560万元。"),
            "请公开{year}年春节前后本县根治欠薪专项行动处理情况。",
        ),
    ],
    3: [
        _topic(
            "春耕",
            ("complaint", "land", "春耕期间有人在基本农田上挖土取土", "南岭村有人春耕时节在基本农田上挖土卖土。", "已现场制止，责令恢复耕作层，并对当事人立案查处。"),
            ("townships", "town-shiqiao", "石桥乡做好春耕备耕物资保障", "储备化肥320吨、良种15吨，组织农技人员下田指导春耕。"),
            "请公开本县{year}年春耕生产补贴发放名单和标准。",
        ),
        _topic(
            "植树",
            ("consultation", "gov-office", "植树节义务植树活动怎么报名", "想参加县里植树节义务植树活动，请问怎么报名？", "可在植树节前向所在社区或村委会报名，活动地点在城北山。"),
            ("headlines", "gov-office", "全县开展植树节义务植树活动", "机关干部和群众2,000余人参加，植树1.2万株。"),
            "请公开本县{year}年植树造林计划及完成情况。",
        ),
    ],
    4: [
        _topic(
            "清明",
            ("consultation", "civil", "清明祭扫公墓开放时间", "清明节期间县公墓开放时间和交通安排是怎样的？", "清明期间公墓每天6时至18时开放，县城至公墓加开免费公交。"),
            ("work-news", "civil", "县民政局倡导清明文明祭扫", "提供网上祭扫和鲜花换纸钱服务，减少焚烧祭祀。"),
            "请公开本县{year}年清明期间公墓管理和殡葬服务收费标准。",
        ),
        _topic(
            "森林防火",
            ("complaint", "land", "清明期间山上有人野外用火", "石桥乡后山有人上坟烧纸，没有人看管，存在森林火灾隐患。", "已增派护林员在重点山口值守，劝导文明祭扫。"),
            ("townships", "town-shiqiao", "石桥乡加强清明森林防火", "在重点路口设立防火检查站12个，护林员全天巡山。"),
            "请公开石桥乡{year}年森林防火责任制落实情况。",
        ),
    ],
    5: [
        _topic(
            "劳动节",
            ("complaint", "market", "五一假期景区周边餐馆价格不明码标价", "五一假期去青山景区，周边餐馆菜单没有标价，结账时价格很高。", "已对景区周边餐馆开展价格检查，责令明码标价，对一家餐馆立案处理。"),
            ("work-news", "market", "县市场监管局开展五一假期市场价格检查", "检查景区周边经营户85家，督促整改价格标示不规范问题12处。"),
            "请公开{year}年五一假期景区价格检查结果。",
        ),
        _topic(
            "夏粮",
            ("help", "civil", "夏粮收割缺少劳力请求帮助", "家里只有两位老人，夏粮收割缺少劳力，请求帮助。", "已协调村里农机合作社上门机收，免收作业费。"),
            ("townships", "town-chengguan", "城关镇组织农机合作社服务夏收", "组织收割机48台，优先为留守老人家庭机收。"),
            "请公开本县{year}年夏粮收购最低价格执行情况。",
        ),
    ],
    6: [
        _topic(
            "防汛",
            ("complaint", "land", "汛期山体滑坡隐患无人处理", "南岭村后山出现裂缝，汛期下雨可能滑坡，威胁村民房屋。", "已组织地质灾害专业人员排查，设立警示牌，隐患点住户已转移。"),
            ("headlines", "gov-office", "县防汛抗旱指挥部部署今年防汛工作", "压实防汛责任，排查地质灾害隐患点37处，落实转移避险预案。"),
            "请公开本县{year}年防汛应急预案和地质灾害隐患点名单。",
        ),
        _topic(
            "高考",
            ("complaint", "housing", "高考中考期间考点附近夜间施工", "县一中考点附近工地在高考中考期间夜间施工，噪音影响考生休息。", "已责令工地高考中考期间全天停止高噪音作业，并安排专人巡查。"),
            ("work-news", "gov-office", "全县做好高考中考服务保障工作", "各部门联动保障考点周边安静、交通顺畅和考生用餐安全。"),
            "请公开本县{year}年中考招生计划和录取分数线确定办法。",
        ),
    ],
    7: [
        _topic(
            "防汛",
            ("complaint", "housing", "暴雨后小区地下车库积水", "连日暴雨，阳光小区地下车库积水半米深，排水泵不工作。", "已督促物业修复排水泵，抽排积水，汛期安排专人值守。"),
            ("headlines", "gov-office", "县领导检查主汛期防汛工作", "检查水库、河道堤防和城区易涝点，要求24小时值班值守。"),
            "请公开本县{year}年主汛期防汛物资储备情况。",
        ),
        _topic(
            "暑期",
            ("complaint", "market", "暑期培训机构收费后跑路", "孩子暑期培训班交了3,000元学费，培训机构关门联系不上。", "已立案调查，协调属地冻结机构账户，学费正在分批退还。"),
            ("work-news", "market", "县市场监管局规范暑期校外培训收费", "检查培训机构43家，督促公示收费项目和退费办法。"),
            "请公开本县{year}年暑期校外培训机构检查结果。",
        ),
    ],
    8: [
        _topic(
            "高温",
            ("help", "civil", "高温天气独居老人家中没有降温设备", "东村独居老人家里没有电扇，连续高温身体不适。", "已联系村委会送去电扇和防暑药品，纳入高温天气每日走访名单。"),
            ("work-news", "civil", "县民政局开展高温天气困难群众走访", "走访独居、留守老人1,300余户，发放防暑降温物资。"),
            "请公开本县{year}年高温补贴发放标准和范围。",
        ),
        _topic(
            "暑期",
            ("consultation", "gov-office", "暑期学生防溺水安全教育在哪里参加", "孩子放暑假，想参加防溺水安全教育课，请问哪里有？", "各社区和村委会每周六开展防溺水安全教育，可就近参加。"),
            ("townships", "town-chengguan", "城关镇开展暑期防溺水巡查", "在河道、水塘设立警示牌56块，组织志愿者每日巡查。"),
            "请公开本县{year}年暑期防溺水工作方案。",
        ),
    ],
    9: [
        _topic(
            "秋收",
            ("complaint", "land", "秋收期间焚烧秸秆烟雾大", "石桥乡秋收后有人在田里焚烧秸秆，烟雾很大。", "已加强秸秆禁烧巡查，推广秸秆还田和收储利用。"),
            ("townships", "town-shiqiao", "石桥乡抢抓晴好天气推进秋收", "全乡秋收进度过半，农机合作社提供机收服务。"),
            "请公开本县{year}年秋收期间秸秆综合利用补助标准。",
        ),
        _topic(
            "医保缴费",
            ("consultation", "gov-office", "城乡居民医保缴费什么时候开始", "明年的城乡居民医保什么时候开始缴费？在哪里缴？", "9月起开始集中缴费，可通过手机医保服务或村（社区）代收点缴纳。"),
            ("service-guide", "service-center", "城乡居民医保集中缴费开始", "集中缴费期自9月开始，可线上缴纳或到村（社区）代收点缴纳。"),
            "请公开本县{year}年城乡居民医保缴费标准和财政补助标准。",
        ),
    ],
    10: [
        _topic(
            "秋粮",
            ("complaint", "market", "秋粮收购压级压价", "粮食收购点秋粮收购时压级压价，扣杂过多。", "已对收购点开展检查，责令按国家标准定级，对一家收购点立案处理。"),
            ("work-news", "market", "县市场监管局加强秋粮收购市场监管", "检查收购点26个，校准计量器具41台。"),
            "请公开本县{year}年秋粮收购企业名单和收购价格。",
        ),
        _topic(
            "国庆",
            ("complaint", "market", "国庆假期超市商品价格标示不实", "国庆假期城南超市促销商品结账价格高于标价。", "已核实，责令超市按标价退还差价并整改价格标签。"),
            ("headlines", "gov-office", "全县国庆假期市场平稳、秩序良好", "假期接待游客12万人次，未发生安全事故。"),
            "请公开本县{year}年国庆假期安全生产检查情况。",
        ),
    ],
    11: [
        _topic(
            "供暖",
            ("complaint", "housing", "供暖开始后小区暖气管道漏水", "阳光小区供暖开始后楼道暖气管道漏水，物业一直不修。", "已督促物业和供热企业更换漏水管段，恢复正常供暖。"),
            ("headlines", "housing", "全县集中供暖正式开始", "供热企业提前完成管网检修，供暖面积达到210万平方米。"),
            "请公开本县{year}年供暖季供热企业名单和服务承诺。",
        ),
        _topic(
            "医保缴费",
            ("consultation", "gov-office", "医保缴费截止日期和补缴办法", "今年的城乡居民医保缴费截止到什么时候？错过了怎么办？", "集中缴费期至12月31日，错过后待遇有等待期，请尽早缴纳。"),
            ("work-news", "gov-office", "城乡居民医保缴费进度过八成", "全县已有18万人完成缴费，各村（社区）上门提醒未缴人员。"),
            "请公开本县{year}年城乡居民医保参保缴费进度。",
        ),
    ],
    12: [
        _topic(
            "冬季防火",
            ("help", "civil", "冬季取暖用电安全隐患请求检查", "东村多户老人冬季用电热毯和小太阳取暖，电线老化，请帮忙检查。", "已联系供电所和村委会上门检查线路，更换老化电线，开展冬季防火宣传。"),
            ("townships", "town-chengguan", "城关镇开展冬季防火安全检查", "检查居民小区、沿街商铺和出租屋420处，整改隐患63处。"),
            "请公开本县{year}年冬季防火安全检查情况。",
        ),
        _topic(
            "供暖",
            ("complaint", "housing", "供暖温度不达标仍全额收费", "幸福小区室温只有14度，供热公司仍按全额收取暖气费。", "已组织入户测温，对不达标住户按规定退还部分供暖费。"),
            ("work-news", "housing", "县住建局开展供暖温度入户抽测", "抽测居民住户520户，督促整改不达标小区3个。"),
            "请公开本县{year}年供暖温度不达标退费办法。",
        ),
    ],
}
# fmt: on


def topics_for(month: int) -> list[Topic]:
    """Return the topics of a calendar month (1-12)."""
    return SEASONS[month]

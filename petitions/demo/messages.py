"""Demo messages (留言) in every state over the last months, moved through the services with
the dates they happened on (`at=`): answered on time and late, open, waiting for the office,
invalid, converted to a complaint, published, waiting for and refused by moderation."""

from datetime import timedelta

from django.utils import timezone

from petitions.models import Category, Message, ModerationItem
from petitions.services import moderation
from petitions.services.messages import conversion, handling, writing
from portal.models import Department, User

MESSAGES = [
    # days ago, author index (None: anonymous), mailbox, department, category, title, content,
    # consent, what happens next: (action, days after writing)
    (
        75,
        0,
        "department",
        "market",
        "consultation",
        "个体工商户营业执照办理需要哪些材料",
        "我叫王小明，想在城关镇开一家小吃店，请问办理营业执照需要准备哪些材料？电话13900001111。",
        True,
        [("answer", 3), ("publish", 4)],
    ),
    (
        60,
        1,
        "department",
        "housing",
        "help",
        "老旧小区加装电梯补贴如何申请",
        "家住幸福路8号院2单元，楼里老人多，想申请加装电梯，请问补贴怎么申请？",
        True,
        [("answer", 9), ("publish", 10)],
    ),
    (
        45,
        0,
        "county_head",
        None,
        "suggestion",
        "建议在县城增设公共自行车站点",
        "县城东片区上班人多，建议增设公共自行车站点，方便群众出行。",
        True,
        [("assign:land", 1), ("answer", 5), ("publish", 6)],
    ),
    (
        38,
        None,
        "department",
        "civil",
        "consultation",
        "低保申请条件咨询",
        "请问农村低保的申请条件和流程是什么？",
        False,
        [("answer", 2)],
    ),
    (
        30,
        1,
        "department",
        "market",
        "other",
        "代开发票广告",
        "专业代开各类发票，联系电话13800002222。",
        False,
        [("invalid", 1)],
    ),
    (
        25,
        0,
        "department",
        "market",
        "help",
        "超市出售过期食品",
        "城南某超市货架上有过期酸奶，请查处。",
        False,
        [("convert", 1)],
    ),
    (
        16,
        1,
        "department",
        "housing",
        "consultation",
        "公租房轮候进度查询",
        "我叫李建华，身份证号110101199003071234，请问公租房轮候到哪一步了？",
        True,
        [("answer", 4)],
    ),
    (
        12,
        0,
        "department",
        "market",
        "consultation",
        "食品经营许可证延续",
        "食品经营许可证快到期了，延续需要提前多久申请？",
        True,
        [("answer", 3), ("reject", 4)],
    ),
    (
        6,
        1,
        "department",
        "market",
        "consultation",
        "网店是否需要办理营业执照",
        "在网上开店卖自家种的农产品，需要办理营业执照吗？",
        True,
        [],
    ),
    (
        2,
        0,
        "county_head",
        None,
        "suggestion",
        "建议延长政务服务中心周末开放时间",
        "上班族平时没空办事，建议周六上午也开放。",
        True,
        [],
    ),
    (
        1,
        1,
        "department",
        "civil",
        "help",
        "独居老人需要帮助",
        "邻居独居老人行动不便，能否安排上门服务？",
        True,
        [],
    ),
]

ANSWERS = {
    "market": "您好，来信收悉。请携带身份证件、经营场所证明到县政务服务中心市场监管窗口办理，"
    "也可在网上办理。",
    "housing": "您好，来信收悉。相关补贴和轮候政策请见本局网站公告，如有疑问请致电本局住房保障股。",
    "land": "您好，您的建议已收悉，我局将会同有关部门研究论证。",
    "civil": "您好，来信收悉。申请条件和流程请见县民政局网站，或到所在乡镇民政办咨询。",
}


def seed_messages() -> None:
    if Message.objects.exists():
        return
    citizens = list(User.objects.filter(kind=User.Kind.CITIZEN).order_by("id")[:2])
    operator = User.objects.filter(username="operator").first()
    departments = {d.code: d for d in Department.objects.filter(code__in=ANSWERS)}
    category = Category.objects.filter(kind=Category.Kind.COMPLAINT).first()
    if len(citizens) < 2 or operator is None or len(departments) < len(ANSWERS):
        return
    now = timezone.now()
    for days, author, mailbox, code, kind, title, content, consent, steps in MESSAGES:
        written = now - timedelta(days=days)
        message, _code = writing.message_submit(
            author=None if author is None else citizens[author],
            mailbox=mailbox,
            addressee=departments.get(code),
            category=kind,
            title=title,
            content=content,
            contact_phone="13900003333" if author is None else "",
            publish_consent=consent,
            at=written,
        )
        for action, after in steps:
            at = written + timedelta(days=after)
            message.refresh_from_db()
            act(
                message,
                action,
                at=at,
                operator=operator,
                departments=departments,
                category=category,
            )


def act(message, action, *, at, operator, departments, category) -> None:
    if action.startswith("assign:"):
        department = departments[action.split(":")[1]]
        handling.message_assign(message=message, actor=operator, department=department, at=at)
    elif action == "answer":
        head = User.objects.staff().filter(department=message.department).order_by("id").first()
        if head is None:
            return
        answer = ANSWERS[message.department.code]
        handling.message_answer(message=message, actor=head, answer=answer, at=at)
    elif action in ("publish", "reject"):
        item = ModerationItem.objects.filter(message=message, status="pending").first()
        if action == "publish":
            moderation.moderation_pass(item=item, actor=operator, at=at)
        else:
            moderation.moderation_reject(
                item=item, actor=operator, reason="内容已在政策解读栏目公开，不再重复公开。", at=at
            )
    elif action == "invalid":
        handling.message_mark_invalid(message=message, actor=operator, reason="广告信息", at=at)
    elif action == "convert" and category is not None:
        conversion.message_convert_to_complaint(
            message=message, actor=operator, category=category, at=at
        )

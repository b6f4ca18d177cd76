"""A dozen demo complaints in every state, filed and moved through the services."""

from datetime import timedelta

from django.utils import timezone

from petitions.models import Category, Complaint
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from portal.models import User


def _file(
    categories, citizen, category, title, content, *, anonymous=False, place="", publish=False
):
    return filing_services.complaint_file(
        actor=None,
        category=categories[category],
        title=title,
        content=content,
        place=place,
        is_anonymous=anonymous,
        contact_method=Complaint.Contact.INBOX,
        allow_publication=publish,
        identity=filing_services.IdentityData(
            name="" if anonymous else citizen.real_name, phone=citizen.mobile
        ),
        account=citizen,
    )[0]


def seed_complaints(categories: dict[str, Category]) -> None:
    if Complaint.objects.exists():
        return
    citizens = list(User.objects.filter(kind=User.Kind.CITIZEN).order_by("id")[:2])
    operator = User.objects.filter(username="operator").first()
    leader = User.objects.filter(username="leader").first()
    heads = {
        u.department.code: u
        for u in User.objects.staff()
        .filter(username__startswith="head_")
        .select_related("department")
    }
    if len(citizens) < 2 or operator is None or leader is None:
        return
    a, b = citizens

    def handle(complaint, reply, level=None, visit=None):
        head = (
            heads.get(complaint.department.code)
            or User.objects.staff().filter(department=complaint.department).first()
        )
        handling_services.complaint_sign(actor=head, complaint=complaint)
        if reply:
            handling_services.complaint_reply(actor=head, complaint=complaint, content=reply)
        if level:
            closing_services.complaint_rate(complaint=complaint, level=level)
        if visit:
            closing_services.complaint_return_visit(
                actor=operator,
                complaint=complaint,
                result=visit,
                note="电话回访，群众认可处理结果。",
            )

    # Closed, published.
    c = _file(
        categories,
        a,
        "complaint",
        "城南超市销售过期食品",
        "城南超市货架上有多批过期酸奶，要求查处。",
        publish=True,
    )
    handle(c, "经现场检查，该超市确有过期食品，已责令下架并立案处理。", "satisfied", "satisfied")
    c = _file(
        categories,
        b,
        "complaint",
        "幸福小区夜间施工噪音扰民",
        "幸福小区旁工地每晚11点后仍在施工。",
        publish=True,
    )
    handle(c, "已约谈施工单位，夜间22时后禁止高噪音作业，并安排夜间巡查。", "basic", "basic")
    c = _file(
        categories,
        a,
        "consultation",
        "新生儿落户需要哪些材料",
        "请问新生儿落户需要准备什么材料？",
        publish=True,
    )
    handle(c, "需出生医学证明、父母户口簿和身份证、结婚证，到户籍窗口办理。", None, "satisfied")
    # Replied, waiting for the rating and the return visit.
    c = _file(categories, b, "help", "独居老人家中电路故障", "东村一位独居老人家中电路故障。")
    handle(c, "已联系村委会和供电所上门维修电路，并纳入日常走访名单。")
    # Re-handling after an unsatisfied rating.
    c = _file(
        categories,
        a,
        "complaint",
        "小区物业乱收停车费",
        "物业公司未经业主大会同意上调停车费。",
        anonymous=True,
    )
    handle(c, "已要求物业公司说明收费依据。", "unsatisfied")
    # Handling, and one only dispatched.
    c = _file(categories, b, "complaint", "宅基地审批迟迟没有结果", "申请宅基地已三个月无答复。")
    handle(c, None)
    _file(
        categories,
        a,
        "complaint",
        "集贸市场商家缺斤短两",
        "集贸市场多家商户电子秤不准。",
        anonymous=True,
    )
    # Waiting for dispatch (no rule matches), and waiting for a leader's instruction.
    _file(categories, b, "complaint", "路灯长期不亮", "县城西门路段路灯一个月没有亮。")
    _file(
        categories,
        a,
        "report-official",
        "举报某所工作人员吃拿卡要",
        "办理营业执照时工作人员暗示需要“意思意思”。",
        anonymous=True,
    )
    # A petition, accepted.
    c = _file(
        categories, b, "petition", "征地补偿款未足额发放", "本组征地补偿款至今未足额发放到户。"
    )
    handle(c, None)
    # Referred to a court, and an emergency transferred at once by the hotline.
    c = _file(categories, a, "complaint", "与邻居的房屋买卖合同纠纷", "邻居收了房款不办过户。")
    if c.status == Complaint.Status.REGISTERED:
        dispatching_services.complaint_refer(
            actor=operator, complaint=c, referral=Complaint.Referral.COURT
        )
    filing_services.complaint_file(
        actor=operator,
        channel=Complaint.Channel.PHONE,
        category=categories["help"],
        title="燃气泄漏",
        content="来电称楼道有强烈燃气味。",
        is_anonymous=False,
        contact_method=Complaint.Contact.PHONE,
        identity=filing_services.IdentityData(name="来电群众", phone="13900000099"),
        is_emergency=True,
        emergency_note="已转119及燃气公司抢修",
    )
    # Age the published ones a little so the board and figures look lived in.
    Complaint.objects.filter(status=Complaint.Status.CLOSED).update(
        registered_at=timezone.now() - timedelta(days=20)
    )

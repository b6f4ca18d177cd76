"""Demo online interviews: one held last month, in the archive with its record and a photo; one
announced for next week with a question waiting for its host."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from petitions.models import Interview, ModerationItem
from petitions.services import interviews as services
from petitions.services import moderation
from portal.models import User
from portal.uploads import IMAGE_TYPES, accept_upload

QUESTIONS = (
    (
        "个体户办理营业执照现在能全程网上办吗？",
        "可以。登录政务服务网“个体工商户登记”即可全程网办，一般1个工作日内办结。",
    ),
    (
        "农贸市场的菜价公示屏多久更新一次？",
        "每天早上8点前更新，价格由市场管理方采集，我局每周抽查。",
    ),
)


def seed_interviews() -> None:
    host = User.objects.filter(username="head_market").first()
    citizens = list(User.objects.filter(kind=User.Kind.CITIZEN).order_by("id")[:2])
    if (
        host is None
        or host.department_id is None
        or len(citizens) < 2
        or Interview.objects.exists()
    ):
        return
    seed_held(host, citizens)
    seed_announced(host, citizens[0])


def seed_held(host: User, citizens: list[User]) -> None:
    start = (timezone.localtime() - timedelta(days=35)).replace(
        hour=15, minute=0, second=0, microsecond=0
    )
    interview = services.interview_schedule(
        actor=host,
        plan=services.Plan(
            title="优化营商环境 服务市场主体",
            topic="县市场监督管理局局长在线解答个体工商户登记、食品安全和价格监管等问题。",
            guest_name="周建国",
            guest_position="县市场监督管理局局长",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        ),
    )
    asked = [
        services.interview_ask(
            actor=citizen, interview=interview, text=text, at=start - timedelta(days=1)
        )
        for citizen, (text, _answer) in zip(citizens, QUESTIONS, strict=True)
    ]
    services.interview_start(actor=host, interview=interview, at=start)
    services.interview_answer(
        actor=host,
        interview=interview,
        text="各位网友下午好，欢迎收看本期在线访谈。",
        at=start + timedelta(minutes=1),
    )
    for minutes, (question, (_text, answer)) in enumerate(zip(asked, QUESTIONS, strict=True)):
        moment = start + timedelta(minutes=5 + 10 * minutes)
        moderation.moderation_pass(
            item=ModerationItem.objects.get(question=question, status="pending"),
            actor=host,
            at=moment,
        )
        question.refresh_from_db()
        services.interview_answer(
            actor=host,
            interview=interview,
            question=question,
            text=answer,
            at=moment + timedelta(minutes=3),
        )
    services.interview_end(actor=host, interview=interview, at=start + timedelta(minutes=55))
    services.interview_archive(
        actor=host,
        interview=interview,
        summary="本期访谈共收到网友提问2条，均已现场答复。局长介绍了个体工商户全程网办和菜价公示的进展。",
        attachments=[accept_upload(photo("访谈现场.png"), IMAGE_TYPES)],
    )


def seed_announced(host: User, citizen: User) -> None:
    start = (timezone.localtime() + timedelta(days=7)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    interview = services.interview_schedule(
        actor=host,
        plan=services.Plan(
            title="守护“舌尖上的安全”",
            topic="县市场监督管理局分管副局长解读校园食品安全和餐饮“明厨亮灶”工作。",
            guest_name="陈丽",
            guest_position="县市场监督管理局副局长",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        ),
    )
    services.interview_ask(
        actor=citizen, interview=interview, text="学校食堂的食材采购有没有公开渠道可以查？"
    )


def photo(name: str) -> SimpleUploadedFile:
    """A small picture standing in for a photo of the studio."""
    out = io.BytesIO()
    Image.new("RGB", (320, 180), (200, 40, 40)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")

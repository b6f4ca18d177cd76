"""Demo suggestions and consultations; the demo moderator passes what waits for the board."""

from datetime import timedelta

from django.utils import timezone

from petitions.models import Consultation, ModerationItem, Suggestion
from petitions.services import consultations as consultation_services
from petitions.services import moderation
from petitions.services import suggestions as suggestion_services
from portal.models import Department, User

# The sources of this part; messages pass their own.
SOURCES = ("suggestion", "comment", "reply")


def seed_participation() -> None:
    citizens = list(User.objects.filter(kind=User.Kind.CITIZEN).order_by("id")[:2])
    market = Department.objects.filter(code="market").first()
    head = User.objects.filter(username="head_market").first()
    operator = User.objects.filter(username="operator").first()
    if len(citizens) < 2 or market is None or head is None or operator is None:
        return
    if not Suggestion.objects.exists():
        _seed_suggestions(citizens, market, head)
    if not Consultation.objects.exists():
        _seed_consultations(citizens, head)
    pending = ModerationItem.objects.filter(status=ModerationItem.Status.PENDING).exclude(
        **{f"{field}__isnull": True for field in SOURCES}
    )
    for item in pending:
        moderation.moderation_pass(item=item, actor=operator)


def _seed_suggestions(citizens, market, head) -> None:
    a, b = citizens
    adopted = suggestion_services.suggestion_submit(
        actor=a,
        department=market,
        title="建议农贸市场公示每日菜价",
        content="希望在农贸市场入口设电子屏，公示当日主要蔬菜价格。",
    )
    suggestion_services.suggestion_answer(
        actor=head,
        suggestion=adopted,
        move="adopt",
        reply="感谢您的建议，我局已采纳。",
        action_taken="县城3个农贸市场已安装价格公示屏，每日8时更新。",
    )
    studying = suggestion_services.suggestion_submit(
        actor=b,
        department=market,
        title="建议推行食品安全“红黑榜”",
        content="定期公布餐饮单位检查结果。",
    )
    suggestion_services.suggestion_answer(
        actor=head, suggestion=studying, move="study", reply="正在研究具体办法。"
    )
    suggestion_services.suggestion_submit(
        actor=a, department=None, title="建议延长图书馆开放时间", content="周末延长至晚上9点。"
    )


def _seed_consultations(citizens, head) -> None:
    today = timezone.localdate()
    open_now = consultation_services.consultation_save_draft(
        actor=head,
        draft=consultation_services.Draft(
            kind=Consultation.Kind.POLICY,
            title="青山县促进个体工商户发展的若干措施（征求意见稿）",
            text="第一条 为支持个体工商户发展，制定本措施。\n第二条 ……",
            opens_on=today - timedelta(days=5),
            closes_on=today + timedelta(days=25),
        ),
    )
    consultation_services.consultation_publish(actor=head, consultation=open_now)
    for citizen, text in zip(
        citizens, ("建议对首次登记的个体户减免一年租金。", "希望简化年报流程。"), strict=True
    ):
        consultation_services.consultation_comment(
            actor=citizen, consultation=open_now, content=text
        )

"""Demo data of the efficiency rating: ~30 people across the demo units and some votes. Idempotent."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from evaluation.models import RatedPerson, Vote
from evaluation.services import votes as vote_services
from portal import demo_history as history
from portal.audit import acting_as
from portal.models import Department, User

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
GIVEN = ["建国", "丽华", "志强", "秀英", "海涛", "红梅", "伟", "静", "军", "敏"]
# (unit code, [(position, responsibilities)])
POSTS = {
    "service-center": [
        ("窗口负责人", "统筹大厅窗口受理"),
        ("综合窗口科员", "综合受理、一次性告知"),
        ("咨询导办员", "导办、咨询"),
    ],
    "market": [
        ("登记注册股股长", "企业、个体工商户登记"),
        ("食品经营许可审查员", "食品经营许可审查"),
        ("执法队员", "市场监管执法"),
    ],
    "land": [
        ("不动产登记中心主任", "不动产登记"),
        ("用地审批科员", "建设用地审批"),
        ("窗口科员", "不动产登记受理"),
    ],
    "housing": [
        ("建管股股长", "施工许可"),
        ("房产科员", "商品房预售许可"),
        ("物业管理科员", "物业投诉处理"),
    ],
    "civil": [
        ("社会救助股股长", "低保、特困审批"),
        ("婚姻登记员", "婚姻登记"),
        ("社会组织登记员", "社会组织登记"),
    ],
    "gov-office": [("热线办主任", "12345热线"), ("督查科员", "政务督查")],
    "town-chengguan": [
        ("便民服务中心主任", "中心日常管理"),
        ("民政员", "低保、救助代办"),
        ("农经员", "农业补贴"),
        ("计生员", "生育登记"),
    ],
    "town-shiqiao": [
        ("便民服务中心主任", "中心日常管理"),
        ("民政员", "低保、救助代办"),
        ("国土员", "宅基地审核"),
    ],
    "village-dong": [("村代办员", "代办各类事项"), ("村文书", "证明开具")],
    "village-xi": [("村代办员", "代办各类事项"), ("村文书", "证明开具")],
    "village-nanling": [("村代办员", "代办各类事项")],
}
REASONS = ["办事拖拉，来回跑了三次", "态度生硬，不耐烦", "材料一次没讲清楚", "上班时间找不到人"]


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    units = {unit.code: unit for unit in Department.objects.filter(code__in=POSTS)}
    with acting_as(None):
        if not RatedPerson.objects.exists():
            n = 0
            for code, posts in POSTS.items():
                if code not in units:
                    continue
                for position, duties in posts:
                    RatedPerson.objects.create(
                        name=SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)],
                        gender=RatedPerson.Gender.MALE if n % 2 else RatedPerson.Gender.FEMALE,
                        position=position,
                        department=units[code],
                        responsibilities=duties,
                    )
                    n += 1
        if Vote.objects.exists():
            return []
        votes = seed_history_votes()
        citizens = list(User.objects.filter(kind=User.Kind.CITIZEN)[:20])
        people = list(RatedPerson.objects.order_by("id"))
        now = timezone.now()
        for i, person in enumerate(people):
            for j, citizen in enumerate(citizens):
                if (i + j) % 3:
                    continue
                bad = (i + j) % 4 == 0 and i % 5 == 0
                rating = "dissatisfied" if bad else ("satisfied" if j % 2 else "fair")
                vote_services.vote_cast(
                    person=person,
                    voter=citizen,
                    attitude=rating,
                    efficiency="satisfied",
                    style="satisfied",
                    reason=REASONS[(i + j) % len(REASONS)] if bad else "",
                    at=now - timedelta(hours=i + j),
                )
        # Ten anonymous dissatisfied votes this month: a tier III warning for the inspector.
        if people and settings.EVALUATION_ANONYMOUS_VOTING:
            for k in range(10):
                vote_services.vote_cast(
                    person=people[1],
                    voter=None,
                    attitude="dissatisfied",
                    efficiency="fair",
                    style="dissatisfied",
                    reason=REASONS[k % len(REASONS)],
                    client_key=f"demo-{k}",
                    at=now - timedelta(minutes=k),
                )
        if stdout:
            stdout.write(
                f"evaluation: {len(people)} rated people, {Vote.objects.count()} votes"
                f" ({votes} in past months)\n"
            )
    return []


def seed_history_votes() -> int:
    """Votes of the past eleven months by the residents of the demo history: each votes on a few
    people a month, mostly satisfied, now and then dissatisfied with a reason."""
    now = timezone.now()
    people = list(RatedPerson.objects.order_by("id"))
    citizens = history.history_citizens()
    cast = 0
    for index, month in enumerate(history.past_months(timezone.localdate(now))[:-1]):
        for number, citizen in enumerate(citizens):
            day = history.month_day(month, 2 + (number * 3) % 26, now=now)
            if day is None:
                continue
            for turn in range(2 + (index + number) % 3):
                person = people[(index * 7 + number * 3 + turn * 5) % len(people)]
                bad = (index + number + turn) % 11 == 0
                at = history.moment(day, 10 + turn)
                with history.messages_dated(at):
                    vote_services.vote_cast(
                        person=person,
                        voter=citizen,
                        attitude="dissatisfied" if bad else "satisfied",
                        efficiency="fair" if (number + turn) % 4 == 0 else "satisfied",
                        style="satisfied",
                        reason=REASONS[(index + number) % len(REASONS)] if bad else "",
                        at=at,
                    )
                cast += 1
    return cast

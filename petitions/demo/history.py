"""A year of demo complaints relative to today: each month's seasonal matters, filed by residents
and moved through the services on their dates; the last weeks' ones still open, in time, nearly
due and overdue. Idempotent: nothing is added once a seasonal complaint exists."""

import datetime

from django.utils import timezone

from petitions.models import Category, Complaint
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import dispatching as dispatching_services
from petitions.services.complaints import filing as filing_services
from petitions.services.complaints import handling as handling_services
from portal import demo_history as history
from portal.demo_seasons import SEASONS, Topic, topics_for
from portal.models import Department, User

# Days of the month the month's complaints are filed on, in order.
FILING_DAYS = [3, 9, 16, 22]
# Return-visit results, in turn: mostly satisfied, some basic, now and then unsatisfied.
VISITS = ["satisfied", "satisfied", "basic", "satisfied", "unsatisfied", "satisfied", "basic"]
# Working days back that the late complaints were signed: overdue (red) and nearly due (yellow)
# against the 15 WD reply limit of a complaint.
LATE_SIGNED = [19, 14]
# Reply limits in working days (the demo categories' defaults), to answer a late one past them;
# every LATE_EVERY-th complaint of the past year is answered late.
LATE_REPLY_AFTER = {"consultation": 3, "help": 5, "complaint": 15}
LATE_EVERY = 7


def seasonal_titles() -> set[str]:
    return {topic.title for topics in SEASONS.values() for topic in topics}


class _Actors:
    def __init__(self):
        self.operator = User.objects.get(username="operator")
        self.departments = {d.code: d for d in Department.objects.all()}
        heads = (
            User.objects.staff().filter(username__startswith="head_").select_related("department")
        )
        self.heads = {user.department.code: user for user in heads}

    def handler(self, complaint: Complaint) -> User:
        return self.heads[complaint.department.code]


def _file(
    topic: Topic, citizen: User, categories: dict[str, Category], actors: _Actors, at
) -> Complaint:
    with history.messages_dated(at):
        complaint, _code = filing_services.complaint_file(
            actor=None,
            category=categories[topic.category],
            title=topic.title,
            content=topic.content,
            contact_method=Complaint.Contact.INBOX,
            allow_publication=True,
            identity=filing_services.IdentityData(name=citizen.real_name, phone=citizen.mobile),
            account=citizen,
            at=at,
        )
    wanted = actors.departments[topic.department]
    # Within the hotline office's 30-minute dispatch limit.
    later = at + datetime.timedelta(minutes=20)
    with history.messages_dated(later):
        _route(complaint, wanted, actors, later)
    complaint.refresh_from_db()
    return complaint


def _route(complaint: Complaint, wanted: Department, actors: _Actors, later) -> None:
    """Send the complaint to the matter's department where the routing rules did not."""
    if complaint.status == Complaint.Status.REGISTERED:
        dispatching_services.complaint_dispatch(
            actor=actors.operator, complaint=complaint, department=wanted, at=later
        )
    elif complaint.department_id != wanted.pk:
        dispatching_services.complaint_redirect(
            actor=actors.operator,
            complaint=complaint,
            department=wanted,
            note="按职责改派。",
            at=later,
        )


def _plan(
    filed: datetime.date, topic: Topic, visit: str, *, late: bool = False
) -> list[tuple[str, int, str]]:
    """The moves of a complaint as (move, working days after filing, value).

    A consultation is answered and visited, the rest are also rated; an unsatisfied rating sends
    the complaint back once, and the second reply is rated and visited as basically satisfied.
    A late one is answered two working days past its reply limit.
    """
    reply_after = 2 if topic.category == "consultation" else 4
    if late:
        reply_after = 1 + LATE_REPLY_AFTER.get(topic.category, 3) + 2
    plan = [("sign", 1, ""), ("reply", reply_after, topic.reply)]
    if topic.category == "consultation":
        return [*plan, ("visit", reply_after + 2, "satisfied")]
    plan.append(("rate", reply_after + 2, visit))
    if visit == "unsatisfied":
        again = reply_after + 5
        plan += [("reply", again, "经重新核查：" + topic.reply), ("rate", again + 2, "basic")]
        visit = "basic"
    return [*plan, ("visit", plan[-1][1] + 1, visit)]


def _handle(complaint, topic, actors, filed: datetime.date, now, visit, *, late=False) -> None:
    """Take the complaint through its plan as far as the moments already past allow."""
    head = actors.handler(complaint)
    for move, days, value in _plan(filed, topic, visit, late=late):
        at = history.moment(history.working_days_after(filed, days), 10 + days % 6)
        if at >= now:
            return
        with history.messages_dated(at):
            _move(complaint, move, value, head=head, operator=actors.operator, at=at)


def _move(complaint: Complaint, move: str, value: str, *, head: User, operator: User, at) -> None:
    if move == "sign":
        handling_services.complaint_sign(actor=head, complaint=complaint, at=at)
    elif move == "reply":
        handling_services.complaint_reply(actor=head, complaint=complaint, content=value, at=at)
    elif move == "rate":
        closing_services.complaint_rate(complaint=complaint, level=value, at=at)
    else:
        closing_services.complaint_return_visit(
            actor=operator,
            complaint=complaint,
            result=value,
            note="电话回访，群众对处理结果的意见已记录。",
            at=at,
        )


def seed_history(categories: dict[str, Category]) -> int:
    """File the past year's complaints; return how many were filed."""
    if Complaint.objects.filter(title__in=seasonal_titles()).exists():
        return 0
    now = timezone.now()
    today = timezone.localdate(now)
    actors = _Actors()
    citizens = history.history_citizens() + list(
        User.objects.filter(username__in=["13900000001", "13900000002"]).order_by("username")
    )
    filed = 0
    for index, month in enumerate(history.past_months(today)):
        for number, topic in enumerate(topics_for(month.month)):
            # One to three a month per matter, more in the months the matter peaks.
            for round_ in range(1 + (index + number) % 3):
                day = history.month_day(month, FILING_DAYS[(number + 2 * round_) % 4], now=now)
                if day is None:
                    continue
                citizen = citizens[filed % len(citizens)]
                complaint = _file(topic, citizen, categories, actors, history.moment(day, 9))
                visit = VISITS[filed % len(VISITS)]
                late = filed % LATE_EVERY == LATE_EVERY - 1
                _handle(complaint, topic, actors, day, now, visit, late=late)
                filed += 1
    for back in LATE_SIGNED:
        signed = history.working_days_before(today, back)
        filed_on = history.working_days_before(signed, 1)
        topics = topics_for(filed_on.month)
        topic = next((t for t in topics if t.category == "complaint"), topics[0])
        citizen = citizens[filed % len(citizens)]
        complaint = _file(topic, citizen, categories, actors, history.moment(filed_on, 9))
        at = history.moment(signed, 10)
        with history.messages_dated(at):
            handling_services.complaint_sign(
                actor=actors.handler(complaint), complaint=complaint, at=at
            )
        filed += 1
    return filed

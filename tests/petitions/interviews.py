"""Builders the interviews tests share."""

import datetime
from zoneinfo import ZoneInfo

from petitions.models import ModerationItem
from petitions.services import interviews as services
from petitions.services import moderation

# 15:00 local time on a day in March 2026; the interview lasts an hour.
STARTS = datetime.datetime(2026, 3, 10, 15, tzinfo=ZoneInfo("Asia/Shanghai"))


def interview(host, *, starts_at=STARTS, **fields):
    """An interview announced by the host's department, hosted by them."""
    plan = services.Plan(
        title=fields.pop("title", "优化营商环境在线访谈"),
        topic=fields.pop("topic", "个体工商户登记和食品安全"),
        guest_name=fields.pop("guest_name", "周建国"),
        guest_position=fields.pop("guest_position", "县市场监督管理局局长"),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
    )
    return services.interview_schedule(actor=host, plan=plan)


def live(host, *, starts_at=STARTS, **fields):
    """An interview that went live at its planned start."""
    announced = interview(host, starts_at=starts_at, **fields)
    return services.interview_start(actor=host, interview=announced, at=starts_at)


def ended(host, *, starts_at=STARTS, **fields):
    """An interview held at its planned time, ended after 50 minutes."""
    on_air = live(host, starts_at=starts_at, **fields)
    at = starts_at + datetime.timedelta(minutes=50)
    return services.interview_end(actor=host, interview=on_air, at=at)


def passed_question(interview, asker, moderator, text="营业执照能网上办吗？"):
    """A citizen's question the moderator passed, reloaded with its public text."""
    question = services.interview_ask(actor=asker, interview=interview, text=text)
    item = ModerationItem.objects.get(question=question, status=ModerationItem.Status.PENDING)
    moderation.moderation_pass(item=item, actor=moderator)
    question.refresh_from_db()
    return question

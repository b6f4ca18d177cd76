"""Builders the suggestions and consultations tests share."""

import datetime

from petitions.services import consultations as consultation_services
from petitions.services import suggestions as suggestion_services


def suggest(author, department=None, **fields):
    fields.setdefault("title", "建议增设公交线路")
    fields.setdefault("content", "城南新区到县医院没有直达公交，建议增设一条线路。")
    return suggestion_services.suggestion_submit(actor=author, department=department, **fields)


def consultation(actor, *, opens_on, closes_on, publish=True, at=None, **fields):
    """A consultation of the actor's department, published at `at` unless told otherwise."""
    draft = consultation_services.Draft(
        kind=fields.pop("kind", "policy"),
        title=fields.pop("title", "关于促进夜间经济发展的若干措施（征求意见稿）"),
        text=fields.pop("text", "第一条 为繁荣夜间经济……"),
        opens_on=opens_on,
        closes_on=closes_on,
    )
    saved = consultation_services.consultation_save_draft(actor=actor, draft=draft)
    if publish:
        saved = consultation_services.consultation_publish(
            actor=actor,
            consultation=saved,
            at=at or datetime.datetime.combine(opens_on, datetime.time(9), tzinfo=datetime.UTC),
        )
    return saved


def noon(day: datetime.date) -> datetime.datetime:
    """Noon local time (Asia/Shanghai) of a day, as an aware datetime."""
    from zoneinfo import ZoneInfo

    return datetime.datetime.combine(day, datetime.time(12), tzinfo=ZoneInfo("Asia/Shanghai"))

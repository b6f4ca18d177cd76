"""A year of demo history relative to the day `seed_demo` runs: the months, the moments inside
them, the citizens who file the past records, and the inbox a demo login meets first.

Pillars call these from their `demo/history.py`; everything is computed from today, so the demo
county looks lived in whatever month it is seeded in.
"""

import datetime
from contextlib import contextmanager

from django.db.models import Max
from django.utils import timezone

from portal import shell, workdays
from portal.demo import demo_resident_id
from portal.models import InboxMessage, OutboxMessage, User

# Residents who filed the past year's records; they have no password (not demo logins).
HISTORY_CITIZENS = [
    ("13900000101", "赵六"),
    ("13900000102", "钱七"),
    ("13900000103", "孙八"),
    ("13900000104", "周九"),
    ("13900000105", "吴芳"),
    ("13900000106", "郑强"),
    ("13900000107", "冯丽"),
    ("13900000108", "陈刚"),
    ("13900000109", "褚红"),
    ("13900000110", "卫东"),
]

# Unread inbox messages a demo login keeps on first sign-in: the newest, enough to show the
# inbox working without a wall of history to wade through.
UNREAD_KEPT = 3


def past_months(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """Return the first days of the `count` months ending with this one, oldest first."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def working_day_on_or_after(day: datetime.date) -> datetime.date:
    while not workdays.is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def working_days_before(today: datetime.date, count: int) -> datetime.date:
    """Return the working day `count` working days before `today`."""
    day, seen = today, 0
    while seen < count:
        day -= datetime.timedelta(days=1)
        if workdays.is_working_day(day):
            seen += 1
    return day


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """Return the working day `count` working days after `day`."""
    day = working_day_on_or_after(day)
    for _ in range(count):
        day = working_day_on_or_after(day + datetime.timedelta(days=1))
    return day


def moment(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """Return a local office-hours moment on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def month_day(month: datetime.date, day: int, *, now: datetime.datetime) -> datetime.date | None:
    """Return the working day on or after `day` of `month`, or None if that is not yet past."""
    date = working_day_on_or_after(month.replace(day=min(day, 28)))
    if date.month != month.month or moment(date, 17) >= now:
        return None
    return date


@contextmanager
def messages_dated(at: datetime.datetime):
    """Date the messages a past move writes at its moment, read and sent then.

    The notification services write the inbox row and the outbox SMS/e-mail with the real clock;
    left so, every past reply would greet its recipient as today's news and the worker would
    send a year of SMS on the first `make run`.
    """
    inbox = InboxMessage.objects.aggregate(last=Max("id"))["last"] or 0
    outbox = OutboxMessage.objects.aggregate(last=Max("id"))["last"] or 0
    yield
    dated = InboxMessage.objects.filter(id__gt=inbox)
    shell.forget_unread(dated.order_by().values_list("recipient_id", flat=True).distinct())
    dated.update(created_at=at, read_at=at)
    OutboxMessage.objects.filter(id__gt=outbox).update(
        created_at=at, next_attempt_at=at, status=OutboxMessage.Status.SENT, sent_at=at
    )


def history_citizens() -> list[User]:
    """Create (once) and return the residents who filed the past year's records."""
    citizens = []
    for index, (mobile, name) in enumerate(HISTORY_CITIZENS, start=101):
        user, created = User.objects.get_or_create(
            username=mobile,
            defaults={
                "kind": User.Kind.CITIZEN,
                "real_name": name,
                "mobile": mobile,
                "resident_id": demo_resident_id(index),
                "address": "青山县城关镇",
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        citizens.append(user)
    return citizens


def trim_unread(usernames: list[str], *, keep: int = UNREAD_KEPT) -> dict[str, int]:
    """Mark all but the newest `keep` unread messages of each demo login read; return what is left.

    A re-run reads nothing new: only messages older than the kept ones are marked.
    """
    left = {}
    now = timezone.now()
    for user in User.objects.filter(username__in=usernames):
        unread = InboxMessage.objects.filter(recipient=user, read_at__isnull=True)
        kept = list(unread.order_by("-created_at", "-id").values_list("id", flat=True)[:keep])
        unread.exclude(id__in=kept).update(read_at=now)
        shell.forget_unread([user.pk])
        left[user.username] = len(kept)
    return left

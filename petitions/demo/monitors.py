"""Demo monitors (发展环境网络监测员): four appointments over the last half year with monthly reports
(answered and rated when old enough), one month missing, one term started mid-month, one ended."""

import datetime

from django.utils import timezone

from petitions.models import Category, Monitor
from petitions.services import monitors as monitor_services
from petitions.services.complaints import closing as closing_services
from petitions.services.complaints import handling as handling_services
from portal import demo_history as history
from portal.models import User

# (user name, months back the term started, day of that month, months left out of reporting).
APPOINTMENTS = (
    ("13900000001", 6, 1, ()),
    # The demo enterprise (its user name is its credit code): no report last month (an alert).
    ("", 6, 1, (1,)),
    ("13900000101", 6, 1, ()),
    # Started mid-month last month: that month was not due.
    ("13900000102", 1, 15, ()),
)
REPORTS = (
    (
        "市场秩序",
        "超市价格标签与结算价格不一致",
        "城东多家超市货架价格标签与收银结算价格不一致，商家未及时更正。",
    ),
    (
        "营商环境",
        "农贸市场周边商家占道经营",
        "城南农贸市场周边商家占道经营，影响通行和正常经营户。",
    ),
    (
        "建设管理",
        "夜间施工噪音影响周边企业",
        "工业园区道路夜间施工噪音大，周边企业员工宿舍休息受影响。",
    ),
)


def seed_monitors() -> None:
    admin = User.objects.filter(username="admin").first()
    category = Category.objects.filter(code="complaint", is_active=True).first()
    enterprise = User.objects.filter(kind=User.Kind.ENTERPRISE).order_by("id").first()
    if admin is None or category is None or enterprise is None or Monitor.objects.exists():
        return
    now = timezone.now()
    today = timezone.localdate(now)
    months = history.past_months(today, 7)
    for username, back, day, skipped in APPOINTMENTS:
        user = enterprise if not username else User.objects.filter(username=username).first()
        if user is None:
            continue
        start = months[-1 - back].replace(day=day)
        monitor_services.monitor_appoint(
            actor=admin,
            user=user,
            term_start=start,
            term_end=start.replace(year=start.year + 2) - datetime.timedelta(days=1),
            at=history.moment(start, 9),
        )
        for back_from_now in range(back, -1, -1):
            if back_from_now in skipped:
                continue
            month, index = months[-1 - back_from_now], back - back_from_now
            filed_on = history.month_day(month, max(day + 2, 8), now=now)
            if filed_on is None:
                continue
            _report(user, category, filed_on, index, now=now)
    # An ended term: it served two months and was ended last month.
    ended = User.objects.filter(username="13900000103").first()
    if ended is not None:
        start = months[-4]
        monitor = monitor_services.monitor_appoint(
            actor=admin,
            user=ended,
            term_start=start,
            term_end=start.replace(year=start.year + 1),
            at=history.moment(start, 9),
        )
        monitor_services.monitor_end(
            actor=admin, monitor=monitor, at=history.moment(months[-2].replace(day=10), 9)
        )
    monitor_services.monitors_check_missing(today=today)


def _report(user, category, filed_on: datetime.date, index: int, *, now) -> None:
    """File a report on the day; answer and rate it when that would be past by now."""
    topic, title, content = REPORTS[index % len(REPORTS)]
    at = history.moment(filed_on, 10)
    with history.messages_dated(at):
        report = monitor_services.monitor_report_file(
            actor=user,
            category=category,
            title=f"{topic}：{title}",
            content=content,
            at=at,
        )
    complaint = report.complaint
    if complaint.department is None:
        return
    head = User.objects.staff().filter(department=complaint.department).order_by("id").first()
    moves = (
        ("sign", history.moment(history.working_days_after(filed_on, 1), 10)),
        ("reply", history.moment(history.working_days_after(filed_on, 3 + index % 4 * 4), 15)),
        ("rate", history.moment(history.working_days_after(filed_on, 6 + index % 4 * 4), 9)),
    )
    for move, moment in moves:
        if head is None or moment >= now:
            return
        with history.messages_dated(moment):
            if move == "sign":
                handling_services.complaint_sign(actor=head, complaint=complaint, at=moment)
            elif move == "reply":
                handling_services.complaint_reply(
                    actor=head,
                    complaint=complaint,
                    content="已收到您的监测报告，经核实已督促整改，感谢监督。",
                    at=moment,
                )
            else:
                closing_services.complaint_rate(
                    complaint=complaint,
                    level=("satisfied", "basic", "unsatisfied")[index % 3],
                    at=moment,
                )

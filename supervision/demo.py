"""Demo clocks in every light and a few alerts, so the dashboard has something to show on a
fresh county. The pillars' own demo data add their real clocks; these stand for work handled
outside them.
"""

import datetime

from django.utils import timezone

from portal import workdays
from portal.models import Department
from supervision.models import Alert, Clock
from supervision.services import alerts, clocks, sweep

GREEN, YELLOW, RED, PAUSED = "green", "yellow", "red", "paused"

# (reference, subject, department code, light wanted today, limit in working days)
DEMO_CLOCKS = [
    ("DEMO-001", "县级储备粮库存检查整改", "market", GREEN, 10),
    ("DEMO-002", "农村危房改造补助资金拨付", "housing", YELLOW, 20),
    ("DEMO-003", "城关镇低保对象年度复核", "civil", RED, 15),
    ("DEMO-004", "石桥乡土地承包经营权确权", "land", RED, 20),
    ("DEMO-005", "县城老旧小区加装电梯审查", "housing", GREEN, 20),
    ("DEMO-006", "个体工商户年报抽查", "market", YELLOW, 20),
    ("DEMO-007", "建设用地规划条件核实", "land", PAUSED, 20),
]

DEMO_ALERTS = [
    (
        Alert.Kind.FEE_ANOMALY,
        Alert.Severity.SERIOUS,
        "market",
        "DEMO-FEE-1",
        "营业执照补领收取工本费 20 元，该事项目录标注为免费。",
    ),
    (
        Alert.Kind.STALE_COLUMN,
        Alert.Severity.WARNING,
        "housing",
        "DEMO-COL-1",
        "“棚户区改造”公开栏目已 95 天未更新。",
    ),
]


def _working_days_before(today: datetime.date, count: int) -> datetime.date:
    """The date `start` such that `count` working days d satisfy start < d <= today."""
    day, seen = today, 0
    while seen < count:
        if workdays.is_working_day(day):
            seen += 1
        day -= datetime.timedelta(days=1)
    return day


def _elapsed_for(light: str, limit: int, today: datetime.date) -> int:
    """Working days elapsed (counting today) that put a `limit`-day clock in `light` now."""
    if light == YELLOW:
        # Inside the next-to-last working day, or (on a day off) with only the last one left:
        # yellow either way, since a 20-WD limit is yellow over its last two working days.
        return limit - 1
    if light == RED:
        return limit + 2
    return 2


def seed(*, scale: int = 1, stdout=None) -> list:
    if Clock.objects.filter(subject_ref__startswith="DEMO-").exists():
        return []
    now = timezone.now()
    today = timezone.localdate(now)
    codes = {row[2] for row in DEMO_CLOCKS} | {row[2] for row in DEMO_ALERTS}
    departments = {unit.code: unit for unit in Department.objects.filter(code__in=codes)}
    for ref, label, code, light, limit in DEMO_CLOCKS:
        if code not in departments:
            continue
        start = _working_days_before(today, _elapsed_for(light, limit, today))
        clock = clocks.clock_start(
            kind="supervision.demo",
            subject_ref=ref,
            subject_label=label,
            subject_url="",
            department=departments[code],
            responsible=None,
            limit=limit,
            unit=Clock.Unit.WORKDAYS,
            started_at=timezone.make_aware(datetime.datetime.combine(start, datetime.time(9))),
        )
        if light == PAUSED:
            clocks.clock_pause(
                clock=clock, reason=Clock.PauseReason.EXPERT_REVIEW, actor=None, at=now
            )
    sweep.sweep_clocks(now=now)
    for kind, severity, code, ref, message in DEMO_ALERTS:
        alerts.alert_raise(
            kind=kind,
            severity=severity,
            department=departments.get(code),
            subject_ref=ref,
            subject_url="",
            message=message,
            dedup_key=f"demo:{ref}",
        )
    if stdout:
        stdout.write(f"supervision: {len(DEMO_CLOCKS)} demo clocks, {len(DEMO_ALERTS)} alerts")
    return []

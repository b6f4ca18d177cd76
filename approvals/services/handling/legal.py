"""The legal limit (法定办结时限): the hard ceiling beside the promise the case clock runs on.

The case clock (`approvals.case`) runs on the promised limit (承诺办结时限) and turns yellow and
red against it, with the usual urge and supervision notices. The legal limit counts the same
time — working days from acceptance, pauses (听证、专家评审、检验检测) excluded, plus the one
extension — so its deadline is computed from the case clock instead of kept on a second clock,
which would count every case twice on the dashboard and earn it a second set of notices.
Passing it raises one serious alert of its own kind (超过法定办结时限), once per case: from the
beat check while the case runs, and when the case clock is paused or stopped (the services
that do so call `legal_limit_check` first, as of the moment they act).
"""

import datetime

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from approvals.models import Case, Process
from approvals.services.cases import staff_url
from approvals.services.labels import LEGAL_LIMIT
from supervision import services as supervision
from supervision.models import Alert, Clock
from supervision.services import schedule

DEDUP_PREFIX = "approvals:legal:"


def legal_limit_for(process: Process, case: Case | None = None) -> int:
    """The legal limit of a case of this process: the item's (as published in the case's item
    version), and 45 WD for joint handling (并联审批, 行政许可法 Art 42) when the item gives less."""
    terms = case.item_terms if case is not None else {}
    legal = terms.get("legal_limit_days") or process.item.legal_limit_days
    if process.is_joint:
        legal = max(legal, settings.APPROVALS_JOINT_DAYS)
    return legal


def legal_due_at(case: Case) -> datetime.datetime | None:
    """When the legal limit of a case runs out as its clock stands; None before acceptance and
    while the clock is paused (the time then does not count)."""
    clock = case.clock
    if clock is None or case.legal_limit_workdays is None or clock.state == Clock.State.PAUSED:
        return None
    total = case.legal_limit_workdays + clock.extension
    return schedule.advance(clock.unit, clock.segment_started_at, total - clock.used)


def legal_limit_check(case: Case, *, at: datetime.datetime) -> Alert | None:
    """Raise the legal-limit alert if the case's legal limit ran out before `at` (idempotent)."""
    due = legal_due_at(case)
    if due is None or at <= due:
        return None
    return supervision.alert_raise(
        kind=Alert.Kind.LEGAL_LIMIT,
        severity=Alert.Severity.SERIOUS,
        department=case.department,
        subject_ref=case.number,
        subject_url=staff_url(case),
        dedup_key=f"{DEDUP_PREFIX}{case.pk}",
        message_code=LEGAL_LIMIT,
        message_params={
            "number": case.number,
            "item": case.item.name,
            "days": case.legal_limit_workdays,
            "due": timezone.localtime(due).date().isoformat(),
        },
    )


def cases_check_legal_limits(*, now: datetime.datetime | None = None) -> int:
    """The beat check: alert on each running case past its legal limit; return how many.

    Only cases already past their promise can be past the law (the promise is never longer),
    and those already alerted are skipped, so each run reads a handful of rows.
    """
    now = now or timezone.now()
    alerted = Alert.objects.filter(
        dedup_key=Concat(Value(DEDUP_PREFIX), Cast(OuterRef("pk"), CharField()))
    )
    cases = (
        Case.objects.filter(
            clock__state=Clock.State.RUNNING,
            clock__due_at__lt=now,
            legal_limit_workdays__isnull=False,
        )
        .exclude(Exists(alerted))
        .select_related("clock", "item", "department")
    )
    return sum(legal_limit_check(case, at=now) is not None for case in cases)

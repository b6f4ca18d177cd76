"""Clocks: the one extension of the time limit, and the pauses (听证、专家评审、检验检测)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent
from approvals.permissions.handling import can_approve_extension
from approvals.services.cases import CASE_LOCK_RELATED, tell_applicant
from approvals.services.handling.legal import legal_limit_check
from approvals.services.handling.shared import department_handles, open_tasks
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded, source_text
from supervision import services as supervision
from supervision.models import Clock


@transaction.atomic
def case_extend(
    *, actor: User, case: Case, reason: str, approved_by: User, at: datetime.datetime | None = None
) -> Case:
    """延长期限: once, 10 WD (joint: 15), approved by the head (joint: the county leader)."""
    case = lock(case, related=CASE_LOCK_RELATED)
    CASE_MOVES.check(case, "extend")
    if not department_handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以申请延长期限。"))
    if case.extended or case.clock is None or case.clock.extension:
        raise DomainError(_("办理期限只能延长一次，本办件已经延长过。"))
    joint = case.process.is_joint
    if approved_by is None or not can_approve_extension(approved_by, case, joint=joint):
        raise DomainError(
            _("联审联批办件延长期限须经县政府负责人批准。")
            if joint
            else _("延长期限须经承办单位负责人批准。")
        )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("延长期限必须说明理由。"))
    amount = settings.APPROVALS_JOINT_EXTENSION_DAYS if joint else settings.APPROVALS_EXTENSION_DAYS
    at = at or timezone.now()
    with acting_as(actor):
        supervision.clock_extend(
            clock=case.clock, amount=amount, approver=approved_by, reason=reason[:300], at=at
        )
        case.extended = True
        case.save()
    CaseEvent.record(
        case,
        CaseEvent.Code.EXTENDED,
        actor=actor,
        at=at,
        note=reason,
        days=amount,
        approved_by=approved_by.pk,
    )
    tell_applicant(
        case,
        coded("approvals.extended"),
        coded("approvals.extended_body", number=case.number, days=amount, reason=reason),
    )
    return case


@transaction.atomic
def case_pause(
    *,
    actor: User,
    case: Case,
    reason_kind: str,
    expected_days: int,
    note: str = "",
    at: datetime.datetime | None = None,
) -> Case:
    """听证、专家评审、检验检测: the time does not count; the applicant is told how long it takes."""
    case = lock(case, related=CASE_LOCK_RELATED)
    CASE_MOVES.check(case, "pause")
    if not department_handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以暂停计时。"))
    if reason_kind not in Case.PauseKind.values:
        raise DomainError(_("请选择暂停计时的事由（听证、专家评审或检验检测）。"))
    try:
        expected_days = int(expected_days)
    except (TypeError, ValueError):
        expected_days = 0
    if not 1 <= expected_days <= 120:
        raise DomainError(_("请填写预计所需的工作日数（1 至 120）。"))
    at = at or timezone.now()
    with acting_as(actor):
        legal_limit_check(case, at=at)
        for clock in [case.clock, *(task.clock for task in open_tasks(case))]:
            if clock is not None and clock.state == Clock.State.RUNNING:
                supervision.clock_pause(clock=clock, reason=reason_kind, actor=actor, at=at)
        case.status, case.pause_kind, case.pause_expected_days = (
            Case.Status.PAUSED,
            reason_kind,
            expected_days,
        )
        case.save()
    CaseEvent.record(
        case,
        CaseEvent.Code.PAUSED,
        actor=actor,
        at=at,
        note=note,
        kind=reason_kind,
        expected_days=expected_days,
    )
    tell_applicant(
        case,
        coded("approvals.paused"),
        coded(
            "approvals.paused_body",
            number=case.number,
            kind=source_text(Case.PauseKind(reason_kind).label),
            days=expected_days,
        ),
    )
    return case


@transaction.atomic
def case_resume(*, actor: User, case: Case, at: datetime.datetime | None = None) -> Case:
    """The hearing or review is over: the clocks run again with what was left."""
    case = lock(case, related=CASE_LOCK_RELATED)
    CASE_MOVES.check(case, "resume")
    if not department_handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以恢复计时。"))
    at = at or timezone.now()
    with acting_as(actor):
        for clock in [case.clock, *(task.clock for task in open_tasks(case))]:
            if clock is not None and clock.state == Clock.State.PAUSED:
                supervision.clock_resume(clock=clock, actor=actor, at=at)
        case.status = Case.Status.IN_PROGRESS
        case.save()
    CaseEvent.record(case, CaseEvent.Code.RESUMED, actor=actor, at=at)
    return case

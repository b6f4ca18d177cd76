"""Acceptance (受理): accept, refuse, the one-time notice, and the cases deemed accepted."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent, MaterialNotice
from approvals.services.cases import (
    CASE_CLOCK,
    CASE_LOCK_RELATED,
    next_step,
    open_step,
    staff_url,
    stop_clock,
    tell_applicant,
)
from approvals.services.handling.legal import legal_limit_for
from approvals.services.handling.shared import my_open_task, open_tasks, screen_handler, sign_task
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Clock


def _into_progress(case: Case, *, actor: User | None, at, accepted_at, deemed: bool) -> None:
    """Accept: the acceptance clock stops, the whole-case clock starts, the first step opens."""
    accept_step = case.current_step
    for task in open_tasks(case):
        sign_task(task, actor=actor, at=at)
    stop_clock(case.acceptance_clock, actor, at)
    case.status, case.accepted_at, case.accepted_by = Case.Status.IN_PROGRESS, accepted_at, actor
    case.deemed_accepted = deemed
    # The clock runs on the promise (承诺办结时限); the legal limit is the ceiling beside it.
    case.legal_limit_workdays = legal_limit_for(case.process, case)
    case.clock = supervision.clock_start(
        kind=CASE_CLOCK,
        subject_ref=case.number,
        subject_label=_("办件 %(number)s · %(item)s")
        % {"number": case.number, "item": case.item.name},
        subject_url=staff_url(case),
        department=case.department,
        responsible=None,
        limit=case.process.total_limit_workdays,
        unit=Clock.Unit.WORKDAYS,
        started_at=accepted_at,
    )
    open_step(case, next_step(accept_step), at)
    case.save()
    tell_applicant(
        case,
        coded("approvals.accepted"),
        coded(
            "approvals.accepted_body",
            number=case.number,
            days=case.process.total_limit_workdays,
            legal=case.legal_limit_workdays,
        ),
    )


def case_accept(*, actor: User, case: Case, at: datetime.datetime | None = None) -> Case:
    """受理: the window clerk accepts a complete application."""
    screen_handler(actor, case)
    at = at or timezone.now()
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "accept")
        my_open_task(actor, case)
        with acting_as(actor):
            _into_progress(case, actor=actor, at=at, accepted_at=at, deemed=False)
        CaseEvent.record(case, CaseEvent.Code.ACCEPTED, actor=actor, at=at)
    return case


def case_refuse_acceptance(
    *, actor: User, case: Case, reason: str, at: datetime.datetime | None = None
) -> Case:
    """不予受理: the application is outside the agency's remit or does not qualify, with a reason."""
    screen_handler(actor, case)
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "refuse_acceptance")
        my_open_task(actor, case)
        reason = (reason or "").strip()
        if not reason:
            raise DomainError(_("不予受理必须说明理由。"))
        at = at or timezone.now()
        with acting_as(actor):
            for task in open_tasks(case):
                sign_task(task, actor=actor, at=at, opinion=reason)
            stop_clock(case.acceptance_clock, actor, at)
            case.status, case.refusal_reason, case.current_step = Case.Status.REFUSED, reason, None
            case.save()
        CaseEvent.record(case, CaseEvent.Code.REFUSED_ACCEPTANCE, actor=actor, at=at, note=reason)
        tell_applicant(
            case,
            coded("approvals.refused"),
            coded("approvals.refused_body", number=case.number, reason=reason),
        )
    return case


def case_send_material_notice(
    *,
    actor: User,
    case: Case,
    missing: list[str],
    note: str = "",
    at: datetime.datetime | None = None,
) -> MaterialNotice:
    """一次性告知: within 5 WD of receipt, once, list every missing material; the clock stops."""
    screen_handler(actor, case)
    at = at or timezone.now()
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "material_notice")
        my_open_task(actor, case)
        if MaterialNotice.objects.filter(case=case).exists():
            raise DomainError(_("一次性告知只能发出一次，本办件已经告知过。"))
        clock = case.acceptance_clock
        if clock is not None and at > clock.due_at:
            raise DomainError(
                _(
                    "已超过收到申请后 5 个工作日的告知期限：依法自收到申请材料之日起即为受理，请直接受理。"
                )
            )
        known = [material.name for material in case.catalogue_materials]
        names = [name for name in dict.fromkeys(n.strip() for n in missing or []) if name]
        if not names:
            raise DomainError(_("请列出需要补正的全部材料。"))
        unknown = [name for name in names if name not in known]
        if unknown:
            raise DomainError(
                _("以下材料不在本事项的材料清单中：%(names)s。") % {"names": "、".join(unknown)}
            )
        with acting_as(actor):
            notice = MaterialNotice.objects.create(
                case=case, missing=names, note=(note or "").strip(), sent_by=actor, sent_at=at
            )
            if clock is not None:
                supervision.clock_pause(
                    clock=clock, reason=Clock.PauseReason.SUPPLEMENT, actor=actor, at=at
                )
            case.status = Case.Status.AWAITING_MATERIALS
            case.save()
        CaseEvent.record(
            case,
            CaseEvent.Code.MATERIAL_NOTICE,
            actor=actor,
            at=at,
            note=notice.note,
            missing=names,
        )
        tell_applicant(
            case,
            coded("approvals.materials"),
            # Material names are the item's own (Chinese) data, listed as the item lists them.
            coded("approvals.materials_body", number=case.number, names="、".join(names)),
        )
    return notice


def cases_deem_accepted(*, now: datetime.datetime | None = None) -> int:
    """行政许可法 Art 32: no notice within 5 WD of receipt — the case counts as accepted on receipt.

    Idempotent: only cases still waiting, whose running acceptance clock is past due, move.
    """
    now = now or timezone.now()
    ids = list(
        Case.objects.filter(
            status=Case.Status.SUBMITTED,
            acceptance_clock__state=Clock.State.RUNNING,
            acceptance_clock__due_at__lte=now,
        ).values_list("pk", flat=True)
    )
    moved = 0
    for pk in ids:
        # One transaction per case: the cases moved before a failure stay moved.
        with transaction.atomic():
            case = lock(Case(pk=pk), related=CASE_LOCK_RELATED)
            clock = case.acceptance_clock
            if case.status != Case.Status.SUBMITTED or clock is None or clock.due_at > now:
                continue
            with acting_as(None):
                _into_progress(
                    case, actor=None, at=now, accepted_at=clock.segment_started_at, deemed=True
                )
            CaseEvent.record(case, CaseEvent.Code.DEEMED_ACCEPTED, actor=None, at=now)
            moved += 1
    return moved

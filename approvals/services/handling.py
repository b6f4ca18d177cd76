"""Handling (内网办理): acceptance, the one-time notice, steps, decision, clocks, fees, delivery.

Rules that protect the case from its own handlers — recusal (回避), separation of duties
(受理和办理相分离) and the fee standard — are checked before the write: a refused attempt is
reported to supervision (the alert stays) and the action changes nothing.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from approvals import permissions, transitions
from approvals.models import Case, CaseTask, MaterialNotice
from approvals.services.common import (
    CASE_CLOCK,
    Breach,
    E,
    K,
    S,
    T,
    close_open_tasks,
    decision_limit,
    event,
    extension_limit,
    lock,
    lock_task,
    next_step,
    now_or,
    open_step,
    previous_step,
    recusal_breach,
    separation_breach,
    staff_url,
    stop_clock,
    tell_applicant,
)
from portal.audit import acting_as
from portal.errors import DomainError
from portal.models import User
from supervision import services as supervision
from supervision.models import Alert, Clock

# 行政许可法 Art 38: a refusal tells the applicant how to seek a remedy.
DEFAULT_REMEDIES = gettext_lazy(
    "如对本决定不服，可以自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。"
)


def _screen(actor: User, case: Case, *, separation: bool = False) -> None:
    """Refuse (and report) a handler who must stand aside: recusal, and for decisions the acceptor."""
    fresh = Case.objects.only("pk", "number", "accepted_by_id", "applicant_id_number").get(
        pk=case.pk
    )
    breach: Breach | None = recusal_breach(actor, fresh)
    if breach is None and separation:
        breach = separation_breach(actor, fresh)
    if breach is not None:
        breach.report_and_refuse()


def _my_open_task(actor: User, case: Case) -> CaseTask:
    """Return the actor's department's open task on the current step, or refuse."""
    if not permissions.is_staff(actor):
        raise DomainError(_("只有工作人员可以办理办件。"))
    task = (
        case.tasks.filter(
            step=case.current_step_id,
            department_id=actor.department_id,
            status__in=[T.PENDING, T.ACTIVE],
        )
        .select_related("step", "clock")
        .first()
    )
    if task is None:
        raise DomainError(_("您所在部门在本办件的当前环节没有待办任务。"))
    return task


def _sign(task: CaseTask, *, actor: User | None, at, opinion: str = "", status=T.SIGNED) -> None:
    task.status, task.signed_by, task.signed_at = status, actor, at
    if opinion:
        task.opinion = opinion
    task.save()
    stop_clock(task.clock, actor, at)


def _open_tasks(case: Case):
    return case.tasks.filter(status__in=[T.PENDING, T.ACTIVE]).select_related("clock")


# --- Acceptance (受理) -------------------------------------------------------------------------


def _into_progress(case: Case, *, actor: User | None, at, accepted_at, deemed: bool) -> None:
    """Accept: the acceptance clock stops, the whole-case clock starts, the first step opens."""
    accept_step = case.current_step
    for task in _open_tasks(case):
        _sign(task, actor=actor, at=at)
    stop_clock(case.acceptance_clock, actor, at)
    case.status, case.accepted_at, case.accepted_by = S.IN_PROGRESS, accepted_at, actor
    case.deemed_accepted = deemed
    case.clock = supervision.clock_start(
        kind=CASE_CLOCK,
        subject_ref=case.number,
        subject_label=_("办件 %(number)s · %(item)s")
        % {"number": case.number, "item": case.item.name},
        subject_url=staff_url(case),
        department=case.department,
        responsible=None,
        limit=decision_limit(case),
        unit=Clock.Unit.WORKDAYS,
        started_at=accepted_at,
    )
    open_step(case, next_step(accept_step), at)
    case.save()
    tell_applicant(
        case,
        _("申请已受理"),
        _("您的办件 %(number)s 已受理，法定办理时限为%(days)s个工作日。")
        % {"number": case.number, "days": decision_limit(case)},
    )


def case_accept(*, actor: User, case: Case, at: datetime.datetime | None = None) -> Case:
    """受理: the window clerk accepts a complete application."""
    _screen(actor, case)
    return _accept(actor=actor, case=case, at=now_or(at))


@transaction.atomic
def _accept(*, actor: User, case: Case, at) -> Case:
    case = lock(case)
    transitions.check(case, "accept")
    _my_open_task(actor, case)
    with acting_as(actor):
        _into_progress(case, actor=actor, at=at, accepted_at=at, deemed=False)
    event(case, E.ACCEPTED, actor=actor, at=at)
    return case


def case_refuse_acceptance(*, actor: User, case: Case, reason: str) -> Case:
    """不予受理: the application is outside the agency's remit or does not qualify, with a reason."""
    _screen(actor, case)
    return _refuse_acceptance(actor=actor, case=case, reason=reason)


@transaction.atomic
def _refuse_acceptance(*, actor: User, case: Case, reason: str) -> Case:
    case = lock(case)
    transitions.check(case, "refuse_acceptance")
    _my_open_task(actor, case)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("不予受理必须说明理由。"))
    at = now_or(None)
    with acting_as(actor):
        for task in _open_tasks(case):
            _sign(task, actor=actor, at=at, opinion=reason)
        stop_clock(case.acceptance_clock, actor, at)
        case.status, case.refusal_reason, case.current_step = S.REFUSED, reason, None
        case.save()
    event(case, E.REFUSED_ACCEPTANCE, actor=actor, at=at, note=reason)
    tell_applicant(
        case,
        _("申请不予受理"),
        _("您的办件 %(number)s 不予受理，理由：%(reason)s")
        % {"number": case.number, "reason": reason},
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
    _screen(actor, case)
    return _send_notice(actor=actor, case=case, missing=missing, note=note, at=now_or(at))


@transaction.atomic
def _send_notice(*, actor: User, case: Case, missing: list[str], note: str, at) -> MaterialNotice:
    case = lock(case)
    transitions.check(case, "material_notice")
    _my_open_task(actor, case)
    if MaterialNotice.objects.filter(case=case).exists():
        raise DomainError(_("一次性告知只能发出一次，本办件已经告知过。"))
    clock = case.acceptance_clock
    if clock is not None and at > clock.due_at:
        raise DomainError(
            _(
                "已超过收到申请后 5 个工作日的告知期限：依法自收到申请材料之日起即为受理，请直接受理。"
            )
        )
    known = list(case.item.materials.values_list("name", flat=True))
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
        case.status = S.AWAITING_MATERIALS
        case.save()
    event(case, E.MATERIAL_NOTICE, actor=actor, at=at, note=notice.note, missing=names)
    tell_applicant(
        case,
        _("补正材料告知"),
        _("您的办件 %(number)s 需要补正以下材料：%(names)s。请一次补齐后提交。")
        % {"number": case.number, "names": "、".join(names)},
    )
    return notice


def cases_deem_accepted(*, now: datetime.datetime | None = None) -> int:
    """行政许可法 Art 32: no notice within 5 WD of receipt — the case counts as accepted on receipt.

    Idempotent: only cases still waiting, whose running acceptance clock is past due, move.
    """
    now = now_or(now)
    ids = list(
        Case.objects.filter(
            status=S.SUBMITTED,
            acceptance_clock__state=Clock.State.RUNNING,
            acceptance_clock__due_at__lte=now,
        ).values_list("pk", flat=True)
    )
    moved = 0
    for pk in ids:
        moved += _deem_one(pk, now)
    return moved


@transaction.atomic
def _deem_one(pk: int, now) -> int:
    case = lock(Case(pk=pk))
    clock = case.acceptance_clock
    if case.status != S.SUBMITTED or clock is None or clock.due_at > now:
        return 0
    with acting_as(None):
        _into_progress(case, actor=None, at=now, accepted_at=clock.segment_started_at, deemed=True)
    event(case, E.DEEMED_ACCEPTED, actor=None, at=now)
    return 1


# --- Steps (环节) ------------------------------------------------------------------------------


def _check_task(actor: User, case: Case, task: CaseTask, move: str) -> None:
    transitions.check(case, move)
    if not task.is_open or task.step_id != case.current_step_id:
        raise DomainError(_("该任务已经办理或不是当前环节的任务。"))
    if not permissions.can_act_on_task(actor, task):
        raise DomainError(_("该任务属于其他部门，您不能办理。"))


def task_pass(*, actor: User, task: CaseTask, opinion: str) -> CaseTask:
    """审查通过 / 会签: the department signs its task; the case moves once every task is signed."""
    _screen(actor, task.case)
    return _pass(actor=actor, task=task, opinion=opinion)


@transaction.atomic
def _pass(*, actor: User, task: CaseTask, opinion: str) -> CaseTask:
    case, task = lock_task(task)
    _check_task(actor, case, task, "pass")
    if task.step.kind == K.DECIDE:
        raise DomainError(_("决定环节请使用“作出决定”。"))
    if task.step.kind != K.REVIEW:
        raise DomainError(_("该环节不能通过“办理通过”完成。"))
    opinion = (opinion or "").strip()
    if not opinion:
        raise DomainError(_("请填写办理意见。"))
    at = now_or(None)
    step = task.step
    joint = step.is_joint
    with acting_as(actor):
        _sign(task, actor=actor, at=at, opinion=opinion)
        complete = not case.tasks.filter(step=step, status__in=[T.PENDING, T.ACTIVE]).exists()
        if complete:
            open_step(case, next_step(step), at)
            case.save()
    code = E.JOINT_SIGNED if joint else E.STEP_PASSED
    event(
        case,
        code,
        actor=actor,
        at=at,
        note=opinion,
        step=step.name,
        department=task.department.name,
        step_complete=complete,
    )
    _report_risk_step(case, task, actor=actor, what=_("办理通过"), opinion=opinion)
    return task


def _report_risk_step(case: Case, task: CaseTask, *, actor: User, what: str, opinion: str) -> None:
    """重点监控: every move at a level-1/2 risk point is listed for the supervisors."""
    step = task.step
    if not step.is_monitored:
        return
    supervision.alert_raise(
        kind=Alert.Kind.RISK_DECISION,
        severity=Alert.Severity.INFO,
        department=task.department,
        subject_ref=case.number,
        subject_url=staff_url(case),
        message=_("%(level)s“%(step)s”%(what)s：%(number)s，%(name)s，意见：%(opinion)s")
        % {
            "level": step.get_risk_level_display(),
            "step": step.name,
            "what": what,
            "number": case.number,
            "name": actor.display_name,
            "opinion": opinion,
        },
        dedup_key=f"approvals:risk-task:{task.pk}",
    )


def task_return(*, actor: User, task: CaseTask, opinion: str) -> CaseTask:
    """退回: send the case back to the previous handling step with the reasons."""
    _screen(actor, task.case)
    return _return(actor=actor, task=task, opinion=opinion)


@transaction.atomic
def _return(*, actor: User, task: CaseTask, opinion: str) -> CaseTask:
    case, task = lock_task(task)
    _check_task(actor, case, task, "return")
    previous = previous_step(task.step)
    if previous is None or previous.kind == K.ACCEPT:
        raise DomainError(
            _("这是受理后的第一个办理环节，不能退回；材料不符合条件的，请依法作出不予许可决定。")
        )
    opinion = (opinion or "").strip()
    if not opinion:
        raise DomainError(_("退回必须说明理由。"))
    at = now_or(None)
    with acting_as(actor):
        _sign(task, actor=actor, at=at, opinion=opinion, status=T.RETURNED)
        close_open_tasks(case, status=T.CANCELLED, actor=actor, at=at)
        open_step(case, previous, at)
        case.save()
    event(
        case,
        E.STEP_RETURNED,
        actor=actor,
        at=at,
        note=opinion,
        step=task.step.name,
        to_step=previous.name,
    )
    _report_risk_step(case, task, actor=actor, what=_("退回"), opinion=opinion)
    return task


# --- Decision (决定) ---------------------------------------------------------------------------


def case_decide(
    *,
    actor: User,
    case: Case,
    decision: str,
    reason: str,
    remedies: str = "",
    document=None,
) -> Case:
    """决定: the unit head decides; never the clerk who accepted; risk points need a reason."""
    _screen(actor, case, separation=True)
    return _decide(
        actor=actor,
        case=case,
        decision=decision,
        reason=reason,
        remedies=remedies,
        document=document,
    )


@transaction.atomic
def _decide(
    *, actor: User, case: Case, decision: str, reason: str, remedies: str, document
) -> Case:
    case = lock(case)
    transitions.check(case, "decide")
    step = case.current_step
    if step is None or step.kind != K.DECIDE:
        raise DomainError(_("办件尚未到决定环节，请先完成审查。"))
    task = _my_open_task(actor, case)
    if not permissions.is_head(actor):
        raise DomainError(_("审批决定须由承办单位负责人签发。"))
    if decision not in Case.Decision.values:
        raise DomainError(_("请选择准予许可或不予许可。"))
    reason, remedies = (reason or "").strip(), (remedies or "").strip()
    if step.is_monitored and not reason:
        raise DomainError(
            _("该环节为%(level)s（重点监控），作出决定必须填写书面理由。")
            % {"level": step.get_risk_level_display()}
        )
    if decision == Case.Decision.REFUSE:
        if not reason:
            raise DomainError(_("不予许可必须说明理由。"))
        remedies = remedies or str(DEFAULT_REMEDIES)
    at = now_or(None)
    with acting_as(actor):
        _sign(task, actor=actor, at=at, opinion=reason)
        case.decision, case.decision_reason, case.remedies = decision, reason, remedies
        case.decided_by, case.decided_at, case.status = actor, at, S.DECIDED
        if document is not None:
            case.result_document.save(document.name, document, save=False)
        stop_clock(case.clock, actor, at)
        following = next_step(step)
        if following is not None:
            open_step(case, following, at)
        case.save()
    event(case, E.DECIDED, actor=actor, at=at, note=reason, decision=decision)
    if step.is_monitored:
        supervision.alert_raise(
            kind=Alert.Kind.RISK_DECISION,
            severity=Alert.Severity.INFO,
            department=task.department,
            subject_ref=case.number,
            subject_url=staff_url(case),
            message=_("%(level)s“%(step)s”作出决定：%(number)s %(decision)s，理由：%(reason)s")
            % {
                "level": step.get_risk_level_display(),
                "step": step.name,
                "number": case.number,
                "decision": case.get_decision_display(),
                "reason": reason,
            },
            dedup_key=f"approvals:risk:{case.pk}:{step.pk}",
        )
    tell_applicant(
        case,
        _("审批决定"),
        _("您的办件 %(number)s 已作出决定：%(decision)s。")
        % {"number": case.number, "decision": case.get_decision_display()},
    )
    return case


# --- Clocks: extension and pauses --------------------------------------------------------------


def _handles(actor: User, case: Case) -> bool:
    return permissions.is_staff(actor) and (
        actor.department_id == case.department_id
        or _open_tasks(case).filter(department_id=actor.department_id).exists()
    )


@transaction.atomic
def case_extend(*, actor: User, case: Case, reason: str, approved_by: User) -> Case:
    """延长期限: once, 10 WD (joint: 15), approved by the head (joint: the county leader)."""
    case = lock(case)
    transitions.check(case, "extend")
    if not _handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以申请延长期限。"))
    if case.extended or case.clock is None or case.clock.extension:
        raise DomainError(_("办理期限只能延长一次，本办件已经延长过。"))
    joint = case.process.is_joint
    if approved_by is None or not permissions.can_approve_extension(approved_by, case, joint=joint):
        raise DomainError(
            _("联审联批办件延长期限须经县政府负责人批准。")
            if joint
            else _("延长期限须经承办单位负责人批准。")
        )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("延长期限必须说明理由。"))
    amount = extension_limit(joint)
    at = now_or(None)
    with acting_as(actor):
        supervision.clock_extend(
            clock=case.clock, amount=amount, approver=approved_by, reason=reason[:300], at=at
        )
        case.extended = True
        case.save()
    event(
        case, E.EXTENDED, actor=actor, at=at, note=reason, days=amount, approved_by=approved_by.pk
    )
    tell_applicant(
        case,
        _("办理期限延长"),
        _("您的办件 %(number)s 办理期限延长%(days)s个工作日，理由：%(reason)s")
        % {"number": case.number, "days": amount, "reason": reason},
    )
    return case


@transaction.atomic
def case_pause(
    *, actor: User, case: Case, reason_kind: str, expected_days: int, note: str = ""
) -> Case:
    """听证、专家评审、检验检测: the time does not count; the applicant is told how long it takes."""
    case = lock(case)
    transitions.check(case, "pause")
    if not _handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以暂停计时。"))
    if reason_kind not in Case.PauseKind.values:
        raise DomainError(_("请选择暂停计时的事由（听证、专家评审或检验检测）。"))
    try:
        expected_days = int(expected_days)
    except (TypeError, ValueError):
        expected_days = 0
    if not 1 <= expected_days <= 120:
        raise DomainError(_("请填写预计所需的工作日数（1 至 120）。"))
    at = now_or(None)
    with acting_as(actor):
        for clock in [case.clock, *(t.clock for t in _open_tasks(case))]:
            if clock is not None and clock.state == Clock.State.RUNNING:
                supervision.clock_pause(clock=clock, reason=reason_kind, actor=actor, at=at)
        case.status, case.pause_kind, case.pause_expected_days = (
            S.PAUSED,
            reason_kind,
            expected_days,
        )
        case.save()
    kind = Case.PauseKind(reason_kind).label
    event(
        case, E.PAUSED, actor=actor, at=at, note=note, kind=reason_kind, expected_days=expected_days
    )
    tell_applicant(
        case,
        _("办理期限暂停计算"),
        _("您的办件 %(number)s 需要%(kind)s，预计%(days)s个工作日，所需时间不计入办理期限。")
        % {"number": case.number, "kind": kind, "days": expected_days},
    )
    return case


@transaction.atomic
def case_resume(*, actor: User, case: Case) -> Case:
    """The hearing or review is over: the clocks run again with what was left."""
    case = lock(case)
    transitions.check(case, "resume")
    if not _handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以恢复计时。"))
    at = now_or(None)
    with acting_as(actor):
        for clock in [case.clock, *(t.clock for t in _open_tasks(case))]:
            if clock is not None and clock.state == Clock.State.PAUSED:
                supervision.clock_resume(clock=clock, actor=actor, at=at)
        case.status = S.IN_PROGRESS
        case.save()
    event(case, E.RESUMED, actor=actor, at=at)
    return case


# --- Fees (一单式收费) and delivery ---------------------------------------------------------------


def _parse_amount(amount) -> Decimal:
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise DomainError(_("请填写正确的收费金额。")) from None
    if value < 0 or value > Decimal("9999999999.99"):
        raise DomainError(_("请填写正确的收费金额。"))
    return value


def case_set_fee(*, actor: User, case: Case, amount, override_reason: str = "") -> Case:
    """Charge per the published standard; more (or anything on a free item) needs the head."""
    value = _parse_amount(amount)
    item = case.item
    override_reason = (override_reason or "").strip()
    if value > item.fee:
        allowed = override_reason and permissions.can_override_fee(actor, case)
        if not allowed:
            if item.is_free:
                message = _(
                    "本事项依法不收费，不能收取任何费用；确需收费的，须由承办单位负责人填写依据后核准。"
                )
            else:
                message = _(
                    "收费金额超过目录公布的标准（%(fee)s 元），须由承办单位负责人填写理由后核准。"
                ) % {"fee": item.fee}
            Breach(
                kind=Alert.Kind.FEE_ANOMALY,
                message=message,
                dedup_key=f"approvals:fee-refused:{case.pk}:{actor.pk}:{value}",
                case_number=case.number,
                case_url=staff_url(case),
                department_id=case.department_id,
                report=_("办件 %(number)s 拟收费 %(amount)s 元，超过标准 %(fee)s 元，已被拦截。")
                % {"number": case.number, "amount": value, "fee": item.fee},
            ).report_and_refuse()
    _screen(actor, case)
    return _set_fee(actor=actor, case=case, value=value, override_reason=override_reason)


@transaction.atomic
def _set_fee(*, actor: User, case: Case, value: Decimal, override_reason: str) -> Case:
    case = lock(case)
    transitions.check(case, "set_fee")
    if not _handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以核定收费。"))
    over = value > case.item.fee
    at = now_or(None)
    with acting_as(actor):
        case.fee_amount = value
        case.fee_override_reason = override_reason if over else ""
        case.save()
    if over:
        event(case, E.FEE_OVERRIDE, actor=actor, at=at, note=override_reason, amount=str(value))
        supervision.alert_raise(
            kind=Alert.Kind.FEE_ANOMALY,
            severity=Alert.Severity.WARNING,
            department=case.department,
            subject_ref=case.number,
            subject_url=staff_url(case),
            message=_(
                "办件 %(number)s 经负责人核准收费 %(amount)s 元（标准 %(fee)s 元），理由：%(reason)s"
            )
            % {
                "number": case.number,
                "amount": value,
                "fee": case.item.fee,
                "reason": override_reason,
            },
            dedup_key=f"approvals:fee-override:{case.pk}:{value}",
        )
    else:
        event(case, E.FEE_SET, actor=actor, at=at, amount=str(value))
    return case


def case_finish(*, actor: User, case: Case, delivery_note: str) -> Case:
    """办结送达: the result goes back to the applicant (外网反馈)."""
    _screen(actor, case)
    return _finish(actor=actor, case=case, delivery_note=delivery_note)


@transaction.atomic
def _finish(*, actor: User, case: Case, delivery_note: str) -> Case:
    case = lock(case)
    transitions.check(case, "finish")
    delivery_note = (delivery_note or "").strip()
    if not delivery_note:
        raise DomainError(_("请填写送达方式和说明。"))
    if case.current_step is not None:
        task = _my_open_task(actor, case)
    elif not _handles(actor, case):
        raise DomainError(_("只有承办部门的工作人员可以办结送达。"))
    else:
        task = None
    if case.decision == Case.Decision.APPROVE and not case.item.is_free and case.fee_amount is None:
        raise DomainError(_("本事项需要收费，请先核定收费金额。"))
    at = now_or(None)
    with acting_as(actor):
        if task is not None:
            _sign(task, actor=actor, at=at, opinion=delivery_note)
        case.status, case.finished_at, case.current_step = S.FINISHED, at, None
        case.delivery_note = delivery_note
        case.save()
    event(case, E.FINISHED, actor=actor, at=at, note=delivery_note)
    tell_applicant(
        case,
        _("办件已办结"),
        _("您的办件 %(number)s 已办结（%(decision)s），%(note)s。欢迎对本次办理进行评价。")
        % {"number": case.number, "decision": case.get_decision_display(), "note": delivery_note},
    )
    return case

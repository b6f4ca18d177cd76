"""Decision (决定): the unit head decides; never the clerk who accepted; risk points need a reason."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from approvals.models import Case, CaseEvent, ProcessStep
from approvals.permissions.cases import is_head
from approvals.services import labels
from approvals.services.cases import (
    CASE_LOCK_RELATED,
    next_step,
    open_step,
    staff_url,
    stop_clock,
    tell_applicant,
)
from approvals.services.handling.legal import legal_limit_check
from approvals.services.handling.shared import my_open_task, screen_handler, sign_task
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded, source_text
from supervision import services as supervision
from supervision.models import Alert

# 行政许可法 Art 38: a refusal tells the applicant how to seek a remedy.
DEFAULT_REMEDIES = gettext_lazy(
    "如对本决定不服，可以自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。"
)


def case_decide(
    *,
    actor: User,
    case: Case,
    decision: str,
    reason: str,
    remedies: str = "",
    document=None,
    at: datetime.datetime | None = None,
) -> Case:
    """决定: the unit head decides; never the clerk who accepted; risk points need a reason."""
    screen_handler(actor, case, separation=True)
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "decide")
        step = case.current_step
        if step is None or step.kind != ProcessStep.Kind.DECIDE:
            raise DomainError(_("办件尚未到决定环节，请先完成审查。"))
        task = my_open_task(actor, case)
        if not is_head(actor):
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
        at = at or timezone.now()
        with acting_as(actor):
            sign_task(task, actor=actor, at=at, opinion=reason)
            case.decision, case.decision_reason, case.remedies = decision, reason, remedies
            case.decided_by, case.decided_at, case.status = actor, at, Case.Status.DECIDED
            if document is not None:
                case.result_document.save(document.name, document, save=False)
            legal_limit_check(case, at=at)
            stop_clock(case.clock, actor, at)
            following = next_step(step)
            if following is not None:
                open_step(case, following, at)
            case.save()
        CaseEvent.record(
            case, CaseEvent.Code.DECIDED, actor=actor, at=at, note=reason, decision=decision
        )
        if step.is_monitored:
            supervision.alert_raise(
                kind=Alert.Kind.RISK_DECISION,
                severity=Alert.Severity.INFO,
                at=at,
                department=task.department,
                subject_ref=case.number,
                subject_url=staff_url(case),
                message_code=labels.RISK_DECISION,
                message_params={
                    "level": source_text(ProcessStep.Risk(step.risk_level).label),
                    "step": step.name,
                    "number": case.number,
                    "decision": source_text(Case.Decision(case.decision).label),
                    "reason": reason,
                },
                dedup_key=f"approvals:risk:{case.pk}:{step.pk}",
            )
        tell_applicant(
            case,
            coded("approvals.decided"),
            coded(
                "approvals.decided_body",
                number=case.number,
                decision=source_text(Case.Decision(case.decision).label),
            ),
        )
    return case
